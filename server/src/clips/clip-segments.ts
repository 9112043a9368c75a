import { z } from 'zod';
import { Id } from '../../../common/commerce/catalog.js';
import type { Db } from '../db/database.js';

/** A segment occurrence of an ended show, on the relay's wall clock, with the products it showed. */
export interface ShowSegment {
  segmentNo: number;
  segmentId: string;
  title: string;
  startedAt: string;
  startMs: number;
  /** The next segment's start, or the show's end (Infinity while unknown). */
  endMs: number;
  /** Pinned during the segment first, then those already pinned when it started; the clip's product is the first. */
  productIds: string[];
  /** Name and first image of each product as its card showed them (for the clip page). */
  cards: Map<string, { name: string; imageUrl: string | null }>;
}

// The part of a fired op this reads; parsed, because even our own stored JSON is checked (ARCHITECTURE).
const CardOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('pin'), cards: z.array(z.object({ productId: Id, name: z.string().max(200), imageUrls: z.array(z.string().max(400)).max(8) })).max(10) }),
  z.object({ op: z.literal('unpin'), productId: Id }),
  z.object({ op: z.literal('clearCards') }),
]);

/**
 * The segments of a show as the host moved through the run-down (show_segments; each move is a
 * row, a revisit is a new occurrence), and the products of each. The products come from the cue
 * log, not the studio's run-down: the relay never sees the run-down, and a pinned card is what the
 * viewers were shown (docs/clips.md).
 */
export function showSegments(db: Db, showId: string, showEndedAt: string | null): ShowSegment[] {
  const rows = db.prepare('SELECT segment_id, title, started_at FROM show_segments WHERE show_id = ? ORDER BY started_at, rowid').all(showId) as { segment_id: string; title: string; started_at: string }[];
  const firings = db
    .prepare("SELECT fired_at, op FROM cue_firings WHERE show_id = ? AND json_extract(op, '$.op') IN ('pin', 'unpin', 'clearCards') ORDER BY stage_version")
    .all(showId) as { fired_at: string; op: string }[];
  const ops = firings.flatMap((f) => {
    const parsed = CardOp.safeParse(JSON.parse(f.op));
    return parsed.success ? [{ at: Date.parse(f.fired_at), op: parsed.data }] : [];
  });
  const endOfShow = showEndedAt ? Date.parse(showEndedAt) : Infinity;
  const pinned = new Set<string>();
  const cards = new Map<string, { name: string; imageUrl: string | null }>();
  let next = 0;
  const apply = (op: z.infer<typeof CardOp>, during: string[] | null) => {
    if (op.op === 'clearCards') pinned.clear();
    else if (op.op === 'unpin') pinned.delete(op.productId);
    else
      for (const c of op.cards) {
        pinned.add(c.productId);
        cards.set(c.productId, { name: c.name, imageUrl: c.imageUrls[0] ?? null });
        if (during && !during.includes(c.productId)) during.push(c.productId);
      }
  };
  return rows.map((r, i) => {
    const startMs = Date.parse(r.started_at);
    const endMs = i + 1 < rows.length ? Date.parse(rows[i + 1]!.started_at) : endOfShow;
    while (next < ops.length && ops[next]!.at < startMs) apply(ops[next++]!.op, null);
    const atStart = [...pinned];
    const during: string[] = [];
    while (next < ops.length && ops[next]!.at < endMs) apply(ops[next++]!.op, during);
    const productIds = [...during, ...atStart.filter((p) => !during.includes(p))];
    return { segmentNo: i + 1, segmentId: r.segment_id, title: r.title, startedAt: r.started_at, startMs, endMs, productIds, cards: new Map([...cards].filter(([id]) => productIds.includes(id))) };
  });
}
