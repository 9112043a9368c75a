/**
 * Why a recording failed, as a kind the studio can explain in the seller's language: the relay's
 * reason is an English sentence for the log (server/src/replay/post-process.ts), shown below the
 * explanation as the detail.
 */
export type RecordingFailure = 'disk' | 'nothing' | 'codec' | 'killed' | 'other';

export function recordingFailure(reason: string | null): RecordingFailure {
  const r = (reason ?? '').toLowerCase();
  if (r.includes('disk space') || r.includes('enospc')) return 'disk';
  if (r.includes('nothing was recorded')) return 'nothing';
  if (r.includes('no replayable part')) return 'codec';
  if (r.includes('was killed') || r.includes('child exited')) return 'killed';
  return 'other';
}
