import path from 'node:path';

/**
 * Where a show's recording lives on the relay's disk: one declaration for the recorder, the
 * replay and the clips. A show id reaches here from URLs, so it is checked before it names a path.
 */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function recordingDir(dataDir: string, showId: string): string {
  if (!SAFE_ID.test(showId)) throw new Error(`unsafe show id for a path: ${JSON.stringify(showId).slice(0, 40)}`);
  return path.join(dataDir, 'recordings', showId);
}

/** The finished replay: VP8 + Opus WebM, stamp trailers stripped, seekable (cues), no re-encode. */
export const replayFile = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'replay.webm');
/** The ReplayTimeline (common/replay/timeline.ts) of replay.webm. */
export const timelineFile = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'timeline.json');
/** Janus's raw .mjr parts while recording and until processed. */
export const rawDir = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'raw');
/** Clips cut from the replay, one sub-directory per clip id. */
export const clipsDir = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'clips');
