import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPLAY_CONTAINERS, type ReplayContainer } from '../../../common/replay/replay-view.js';

/**
 * Where a show's recording lives on the relay's disk: one declaration for the recorder, the
 * replay and the clips. A show id reaches here from URLs, so it is checked before it names a path.
 */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function recordingDir(dataDir: string, showId: string): string {
  if (!SAFE_ID.test(showId)) throw new Error(`unsafe show id for a path: ${JSON.stringify(showId).slice(0, 40)}`);
  return path.join(dataDir, 'recordings', showId);
}

/** The finished replay in one container (camera: VP8 + Opus WebM, stamp trailers stripped; OBS: H.264 + AAC MP4). */
export const replayFileIn = (dataDir: string, showId: string, container: ReplayContainer) => path.join(recordingDir(dataDir, showId), REPLAY_CONTAINERS[container].file);
/** Which container the show's replay was made in (the MP4 is written only for an OBS-only show); null when none is on disk. */
export function replayContainer(dataDir: string, showId: string): ReplayContainer | null {
  if (existsSync(replayFileIn(dataDir, showId, 'mp4'))) return 'mp4';
  return existsSync(replayFileIn(dataDir, showId, 'webm')) ? 'webm' : null;
}
/** The finished replay's file (the WebM's path when none is on disk yet). */
export const replayFile = (dataDir: string, showId: string) => replayFileIn(dataDir, showId, replayContainer(dataDir, showId) ?? 'webm');
/** The ReplayTimeline (common/replay/timeline.ts) of the replay file. */
export const timelineFile = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'timeline.json');
/** Janus's raw .mjr parts while recording and until processed. */
export const rawDir = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'raw');
/** Clips cut from the replay, one sub-directory per clip id. */
export const clipsDir = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'clips');
/**
 * The MP4 rendition of a camera show's WebM (mp4-renditions.ts): H.264 + AAC for iPhones before iOS
 * 17.4. Its own name, never replay.mp4: that name means "the replay itself is MP4" (an OBS show).
 */
export const renditionFile = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'replay-h264.mp4');
/** Why the rendition failed (its text); present means "not tried again by itself" (a failure that repeats would loop). */
export const renditionFailedFile = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'replay-h264.failed');
/** Where a rendition is encoded before it is renamed into place: one directory, emptied when an encode starts. */
export const renditionWorkDir = (dataDir: string, showId: string) => path.join(recordingDir(dataDir, showId), 'h264-work');
