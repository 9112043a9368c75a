import type { ReplayNumbers } from '../../../common/replay/replay-studio.js';
import { STANDING } from '../commerce/order-store.js';
import type { Db } from '../db/database.js';

/**
 * What a replay sold (docs/replay.md, "Studio"): devices that opened the ready replay (once each,
 * migration 15), and standing orders the relay marked `source = 'replay'`, with the report's own
 * definition of a standing order (awaiting payment or paid).
 */
export class ReplayNumbersStore {
  constructor(private readonly db: Db) {}

  /** A device opened the ready replay; a second opening by the same device is not a new view. */
  countView(showId: string, viewerId: string, now = Date.now()): void {
    this.db.prepare('INSERT OR IGNORE INTO replay_views (show_id, viewer_id, first_at) VALUES (?, ?, ?)').run(showId, viewerId, now);
  }

  of(showId: string): ReplayNumbers {
    const views = this.db.prepare<[string], number>('SELECT COUNT(*) FROM replay_views WHERE show_id = ?').pluck().get(showId) ?? 0;
    const sales = this.db
      .prepare<[string], { orders: number; buyers: number; revenue: number; currency: string | null }>(
        `SELECT COUNT(*) AS orders, COUNT(DISTINCT viewer_id) AS buyers, COALESCE(SUM(total), 0) AS revenue, MIN(currency) AS currency FROM orders WHERE show_id = ? AND source = 'replay' AND ${STANDING}`,
      )
      .get(showId)!;
    return { views, orders: sales.orders, buyers: sales.buyers, revenue: sales.revenue, currency: sales.currency as ReplayNumbers['currency'] };
  }
}
