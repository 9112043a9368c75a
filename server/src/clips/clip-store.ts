import { randomBytes } from 'node:crypto';
import type { ClipStatus } from '../../../common/replay/clips.js';
import type { Db } from '../db/database.js';

export interface ClipRow {
  id: string;
  show_id: string;
  segment_no: number;
  segment_id: string;
  product_id: string | null;
  in_sec: number;
  out_sec: number;
  token: string;
  status: ClipStatus;
  progress: number;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  updated_at: number;
}

/** Clip ids and page tokens: random, so neither can be guessed from another clip's. */
const newId = () => `clp_${randomBytes(12).toString('base64url')}`;
const newToken = () => randomBytes(18).toString('base64url');
export const CLIP_TOKEN = /^[A-Za-z0-9_-]{24}$/;

/** The clips table (migration 13). Progress is written at most a few times a second by the jobs. */
export class ClipStore {
  constructor(private readonly db: Db) {}

  get(id: string): ClipRow | undefined {
    return this.db.prepare('SELECT * FROM clips WHERE id = ?').get(id) as ClipRow | undefined;
  }

  byToken(token: string): ClipRow | undefined {
    if (!CLIP_TOKEN.test(token)) return undefined;
    return this.db.prepare('SELECT * FROM clips WHERE token = ?').get(token) as ClipRow | undefined;
  }

  ofShow(showId: string): ClipRow[] {
    return this.db.prepare('SELECT * FROM clips WHERE show_id = ? ORDER BY segment_no').all(showId) as ClipRow[];
  }

  /** Queues a cut of the segment's clip: a new row, or the existing one re-cut (same id, same page link). */
  queue(c: { showId: string; segmentNo: number; segmentId: string; productId: string | null; inSec: number; outSec: number }, now = Date.now()): ClipRow {
    this.db
      .prepare(
        `INSERT INTO clips (id, show_id, segment_no, segment_id, product_id, in_sec, out_sec, token, status, progress, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)
         ON CONFLICT (show_id, segment_no) DO UPDATE SET segment_id = excluded.segment_id, product_id = excluded.product_id,
           in_sec = excluded.in_sec, out_sec = excluded.out_sec, status = 'queued', progress = 0, error_code = NULL, error_message = NULL, updated_at = excluded.updated_at`,
      )
      .run(newId(), c.showId, c.segmentNo, c.segmentId, c.productId, c.inSec, c.outSec, newToken(), now, now);
    return this.db.prepare('SELECT * FROM clips WHERE show_id = ? AND segment_no = ?').get(c.showId, c.segmentNo) as ClipRow;
  }

  /** The oldest queued clip, marked cutting; null when none waits. */
  takeNext(now = Date.now()): ClipRow | null {
    return this.db.transaction(() => {
      const row = this.db.prepare("SELECT * FROM clips WHERE status = 'queued' ORDER BY updated_at, rowid LIMIT 1").get() as ClipRow | undefined;
      if (!row) return null;
      this.db.prepare("UPDATE clips SET status = 'cutting', progress = 0, updated_at = ? WHERE id = ?").run(now, row.id);
      return { ...row, status: 'cutting' as const };
    })();
  }

  /** After a restart: a cut that was running when the relay stopped is queued again (a cut is repeatable). */
  requeueInterrupted(now = Date.now()): number {
    return this.db.prepare("UPDATE clips SET status = 'queued', progress = 0, updated_at = ? WHERE status = 'cutting'").run(now).changes;
  }

  progress(id: string, fraction: number): void {
    this.db.prepare("UPDATE clips SET progress = ? WHERE id = ? AND status = 'cutting'").run(Math.max(0, Math.min(1, fraction)), id);
  }

  /** Finishes a cut unless the clip was re-queued (re-cut) or deleted meanwhile. */
  finish(id: string, outcome: { ok: true } | { ok: false; code: string; message: string }, now = Date.now()): boolean {
    const r = outcome.ok
      ? this.db.prepare("UPDATE clips SET status = 'ready', progress = 1, error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ? AND status = 'cutting'").run(now, id)
      : this.db.prepare("UPDATE clips SET status = 'failed', error_code = ?, error_message = ?, updated_at = ? WHERE id = ? AND status = 'cutting'").run(outcome.code, outcome.message.slice(0, 500), now, id);
    return r.changes === 1;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM clips WHERE id = ?').run(id).changes === 1;
  }
}
