/** A fresh id for catalog rows, segments, cues and firings: 32 hex digits (the contract allows ≤ 40 of [A-Za-z0-9_-]). */
export function newId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}
