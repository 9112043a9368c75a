import type { Db } from '../db/database.js';

export interface SegmentRow {
  segmentId: string;
  title: string;
  startedAt: string;
}

/**
 * The run-down segment the host is in. Each move is a row (the host may come back to a segment);
 * an order counts for the segment whose row started last before it (see analytics definitions).
 */
export class SegmentStore {
  constructor(private readonly db: Db) {}

  /** Records that `segmentId` starts now; repeating the current segment (a retried request) is one row. */
  start(showId: string, segmentId: string, title: string, now = Date.now()): void {
    const current = this.current(showId);
    if (current?.segmentId === segmentId && current.title === title) return;
    this.db.prepare('INSERT OR IGNORE INTO show_segments (show_id, segment_id, title, started_at) VALUES (?, ?, ?, ?)').run(showId, segmentId, title, new Date(now).toISOString());
  }

  current(showId: string): SegmentRow | null {
    const row = this.db
      .prepare('SELECT segment_id, title, started_at FROM show_segments WHERE show_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1')
      .get(showId) as { segment_id: string; title: string; started_at: string } | undefined;
    return row ? { segmentId: row.segment_id, title: row.title, startedAt: row.started_at } : null;
  }
}
