/** A refusal of a live operation, mapped to an API error by its code (its own file: both live-shows.ts and publishing.ts throw it). */
export class LiveError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'not_live' | 'stale' | 'bad_sdp',
    message: string,
  ) {
    super(message);
  }
}
