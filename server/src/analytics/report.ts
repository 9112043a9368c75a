import type { Report } from '../../../common/analytics.js';
import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import type { Show } from '../../../common/show.js';
import { StageOp } from '../../../common/stage.js';
import type { Db } from '../db/database.js';
import { cueLabel } from './cue-labels.js';
import { chatSummary } from '../chat/chat-report.js';
import { computeDashboard, type DashboardSources } from './dashboard.js';
import { STANDING } from '../commerce/order-store.js';

/** Fired cues as labelled markers; a logged op this version cannot read is skipped, not fatal. */
function cueMarkers(db: Db, showId: string, catalog: ShowCatalog | null): Report['cues'] {
  const rows = db.prepare('SELECT fired_at, op FROM cue_firings WHERE show_id = ? ORDER BY stage_version').all(showId) as { fired_at: string; op: string }[];
  const names = new Map((catalog?.products ?? []).map((p) => [p.id, p.name]));
  const markers: Report['cues'] = [];
  for (const r of rows) {
    const op = StageOp.safeParse(JSON.parse(r.op));
    if (!op.success) continue;
    // Cards carry their names; remember them so a later unpin is readable without the catalog.
    if (op.data.op === 'pin') for (const c of op.data.cards) names.set(c.productId, c.name);
    markers.push({ at: Date.parse(r.fired_at), label: cueLabel(op.data, (id) => names.get(id) ?? id) });
  }
  return markers;
}

/**
 * Buyers of this show (a standing order here) who had already ordered (any order not cancelled)
 * in an earlier real show of this relay, matched by device id or by phone number hash. Earlier =
 * the order was placed before this show started. Rehearsal shows never count as earlier shows.
 */
function repeatBuyers(db: Db, show: Show): number {
  const since = show.startedAt ?? show.createdAt;
  const row = db
    .prepare(
      `SELECT COUNT(DISTINCT b.viewer_id) AS n FROM orders b
       WHERE b.show_id = ? AND b.${STANDING}
         AND EXISTS (
           SELECT 1 FROM orders o JOIN shows s ON s.id = o.show_id
           WHERE o.show_id <> b.show_id AND s.rehearsal_of IS NULL AND o.status <> 'cancelled' AND o.created_at < ?
             AND (o.viewer_id = b.viewer_id OR (b.phone_hash IS NOT NULL AND o.phone_hash = b.phone_hash)))`,
    )
    .get(show.id, since) as { n: number };
  return row.n;
}

export function buildReport(src: DashboardSources, show: Show, catalog: ShowCatalog | null, viewersNow: number, now: number): Report {
  const { db } = src;
  const samples = db.prepare('SELECT at, viewers FROM viewer_samples WHERE show_id = ? ORDER BY at').all(show.id) as { at: number; viewers: number }[];
  return {
    ...computeDashboard(src, show.id, catalog, viewersNow, now),
    title: show.title,
    startedAt: show.startedAt,
    endedAt: show.endedAt,
    viewersOverTime: samples,
    cues: cueMarkers(db, show.id, catalog),
    repeatBuyers: repeatBuyers(db, show),
    chat: chatSummary(db, show.id),
  };
}
