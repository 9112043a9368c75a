import type { z } from 'zod';
import type { ErrorCode } from '../api/error-codes.js';
import type { ClientErrorCode } from '../errors.js';
import type { RELAY_SETTINGS_ERRORS } from '../relay-settings.js';

/** Every code a refusal can carry: the relay's, and the ones the studio core gives itself. */
export type RefusalCode = ErrorCode | ClientErrorCode | (typeof RELAY_SETTINGS_ERRORS)[keyof typeof RELAY_SETTINGS_ERRORS];

/**
 * One way the studio core refuses: its code (fixed, or taken from the arguments when the refusal
 * passes on the relay's own code), its arguments (a schema, checked again on the renderer's side of
 * the IPC) and the English line for logs (`StudioError.message`).
 */
export interface Declared<A extends z.ZodType> {
  code: RefusalCode | ((args: z.infer<A>) => RefusalCode);
  args: A;
  log: (args: z.infer<A>) => string;
}
export const declare = <A extends z.ZodType>(code: Declared<A>['code'], args: A, log: (args: z.infer<A>) => string): Declared<A> => ({ code, args, log });
