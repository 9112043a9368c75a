/**
 * A refusal the buyer or seller can act on: HTTP status, a code from docs/commerce-api.md and a
 * sentence. Thrown inside a commit it also rolls that order's savepoint back, so nothing partial stays.
 */
export class CommerceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
