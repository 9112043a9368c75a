import { z } from 'zod';
import type { ErrorCode } from './api/error-codes.js';

/** Error body every relay and studio-core HTTP error uses. `code` is for programs, `message` for people. */
export const ApiError = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

/** Short names for the codes code refers to most; the codes themselves are declared in api/error-codes.ts. */
export const ERROR_CODES = {
  unauthorized: 'unauthorized',
  badRequest: 'bad_request',
  notFound: 'not_found',
  conflict: 'conflict',
  tooLarge: 'too_large',
  mediaUnavailable: 'media_unavailable',
  relayUnreachable: 'relay_unreachable',
  internal: 'internal',
} as const satisfies Record<string, ErrorCode | ClientErrorCode>;

/** Codes the studio core gives for what happened on the way to the relay (never sent by the relay). */
export type ClientErrorCode = 'relay_unreachable';

/** Turns a zod error into one line a person can read. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
