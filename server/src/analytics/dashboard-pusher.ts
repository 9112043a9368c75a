import { EventEmitter } from 'node:events';
import type { Dashboard } from '../../../common/analytics.js';
import type { Show } from '../../../common/show.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';

export const DASHBOARD_INTERVAL_MS = 2000;

export interface DashboardPusherEvents {
  dashboard: [showId: string, dashboard: Dashboard];
}

/**
 * Every 2 s, each live show's dashboard is recomputed (a few aggregates) and emitted only when a
 * number changed: orders, viewers, claims, answers, votes, stock. Comparing the result catches
 * every source, including orders written by the checkout, without hooks into each of them. A show
 * that just ended gets one last push, so the studio ends on the final numbers.
 */
export class DashboardPusher extends EventEmitter<DashboardPusherEvents> {
  private readonly last = new Map<string, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly shows: ShowStore,
    private readonly compute: (show: Show) => Dashboard,
    private readonly log: Logger,
    intervalMs = DASHBOARD_INTERVAL_MS,
  ) {
    super();
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  tick(): void {
    const live = new Map(this.shows.listLive().map((s) => [s.id, s]));
    const ended = [...this.last.keys()].filter((id) => !live.has(id));
    for (const show of [...live.values(), ...ended.map((id) => this.shows.get(id))]) {
      if (!show) continue;
      try {
        const dashboard = this.compute(show);
        const seen = JSON.stringify({ ...dashboard, at: 0 });
        if (this.last.get(show.id) !== seen) this.emit('dashboard', show.id, dashboard);
        if (live.has(show.id)) this.last.set(show.id, seen);
      } catch (e) {
        this.log.warn('dashboard failed', { showId: show.id, error: (e as Error).message });
      }
    }
    for (const id of ended) this.last.delete(id);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
