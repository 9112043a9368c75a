import type { ErrorCode } from '../../../common/api/error-codes.js';
/**
 * A refusal the buyer or seller can act on: HTTP status, a code from docs/commerce-api.md and a
 * sentence. Thrown inside a commit it also rolls that order's savepoint back, so nothing partial stays.
 */
export class CommerceError extends Error {
  readonly status: number;
  readonly code: ErrorCode;

  constructor(status: number, code: ErrorCode, message: string) {
    // Refusals are answers, not bugs: no stack trace to capture (a flash sale refuses thousands a second).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.status = status;
    this.code = code;
  }
}
