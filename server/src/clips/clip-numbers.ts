import type { ReplayNumbers } from '../../../common/replay/replay-studio.js';
import { STANDING } from '../commerce/order-store.js';
import type { Db } from '../db/database.js';

type Sales = Omit<ReplayNumbers, 'views'>;
const NO_SALES: Sales = { orders: 0, buyers: 0, revenue: 0, currency: null };

/**
 * What each clip did (docs/clips.md, "Numbers"), with the replay's definitions
 * (server/src/replay/replay-numbers.ts): devices that opened the ready clip page, once each
 * (migration 16), and standing orders the relay tied to the clip (`orders.clip_id`).
 */
export class ClipNumbersStore {
  constructor(private readonly db: Db) {}

  /** A device opened the ready clip; the same device again is not a new view. */
  countView(clipId: string, deviceId: string, now = Date.now()): void {
    this.db.prepare('INSERT OR IGNORE INTO clip_views (clip_id, device_id, first_at) VALUES (?, ?, ?)').run(clipId, deviceId, now);
  }

  /** Every clip of the show that has views or sales, by clip id (a clip missing here has none). */
  ofShow(showId: string): Map<string, ReplayNumbers> {
    const views = this.db
      .prepare<[string], { clipId: string; views: number }>('SELECT v.clip_id AS clipId, COUNT(*) AS views FROM clip_views v JOIN clips c ON c.id = v.clip_id WHERE c.show_id = ? GROUP BY v.clip_id')
      .all(showId);
    const sales = this.db
      .prepare<[string], Sales & { clipId: string }>(
        `SELECT clip_id AS clipId, COUNT(*) AS orders, COUNT(DISTINCT viewer_id) AS buyers, COALESCE(SUM(total), 0) AS revenue, MIN(currency) AS currency
         FROM orders WHERE show_id = ? AND clip_id IS NOT NULL AND ${STANDING} GROUP BY clip_id`,
      )
      .all(showId);
    const out = new Map<string, ReplayNumbers>();
    for (const v of views) out.set(v.clipId, { views: v.views, ...NO_SALES });
    for (const { clipId, ...s } of sales) out.set(clipId, { views: out.get(clipId)?.views ?? 0, ...s, currency: s.currency as ReplayNumbers['currency'] });
    return out;
  }
}

export const NO_NUMBERS: ReplayNumbers = { views: 0, ...NO_SALES };
