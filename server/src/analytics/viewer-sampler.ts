import type { Db } from '../db/database.js';
import type { LiveShows } from '../live/live-shows.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';

export const SAMPLE_INTERVAL_MS = 5000;

/**
 * Every 5 s, the viewer count of each live show (rehearsals too, under their own show id) goes
 * into viewer_samples: the report's viewers-over-time line and the peak come from these rows.
 */
export class ViewerSampler {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly shows: ShowStore,
    private readonly live: LiveShows,
    private readonly log: Logger,
    intervalMs = SAMPLE_INTERVAL_MS,
  ) {
    this.timer = setInterval(() => this.sample(Date.now()), intervalMs);
    this.timer.unref();
  }

  sample(now: number): void {
    try {
      const insert = this.db.prepare('INSERT OR IGNORE INTO viewer_samples (show_id, at, viewers) VALUES (?, ?, ?)');
      this.db.transaction(() => {
        for (const show of this.shows.listLive()) insert.run(show.id, now, this.live.viewerCount(show.id));
      })();
    } catch (e) {
      this.log.warn('viewer sample failed', { error: (e as Error).message });
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
