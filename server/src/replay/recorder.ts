import { mkdirSync } from 'node:fs';
import type { Show } from '../../../common/show.js';
import type { Logger } from '../log.js';
import type { RecordingJobs } from './recording-jobs.js';
import type { RecordingStore } from './recording-store.js';
import { rawDir } from './replay-paths.js';

/**
 * What LiveShows asks when it makes a show's Janus room and when the show ends (docs/replay.md):
 * the room records every publisher that joins it (studio camera, OBS ingest, each reconnect) into
 * the show's raw directory, from go-live; End show hands the parts to post-processing.
 */
export class Recorder {
  constructor(
    private readonly store: RecordingStore,
    private readonly jobs: RecordingJobs,
    private readonly dataDir: string,
    private readonly log: Logger,
  ) {}

  /** The directory Janus records the show's room into, or null when the show is not recorded. */
  roomRecordDir(show: Show): string | null {
    if (!this.store.shouldRecord(show)) return null;
    const dir = rawDir(this.dataDir, show.id);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (e) {
      // A full or read-only disk: the show goes on unrecorded rather than not at all.
      this.log.error('cannot make the recording directory; the show goes on unrecorded', { showId: show.id, error: e instanceof Error ? e.message : String(e) });
      return null;
    }
    this.store.markRecording(show.id);
    return dir;
  }

  ended(showId: string): void {
    this.jobs.ended(showId);
  }
}
