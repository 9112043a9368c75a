import type { ErrorCode } from '../../../common/api/error-codes.js';

/**
 * A refusal with the HTTP status and code of docs/commerce-api.md ("Error codes"). Services
 * throw it; routes turn it into the reply, so the rules stay testable without HTTP.
 */
export class EngagementError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}
