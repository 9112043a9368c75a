import { z } from 'zod';

/** Error body every relay and studio-core HTTP error uses. `code` is for programs, `message` for people. */
export const ApiError = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export const ERROR_CODES = {
  unauthorized: 'unauthorized',
  badRequest: 'bad_request',
  notFound: 'not_found',
  conflict: 'conflict',
  tooLarge: 'too_large',
  mediaUnavailable: 'media_unavailable',
  relayUnreachable: 'relay_unreachable',
  internal: 'internal',
} as const;

/** Turns a zod error into one line a person can read. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
