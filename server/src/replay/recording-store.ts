import type Database from 'better-sqlite3';
import type { ShowRecording } from '../../../common/api/recording-routes.js';
import type { ReplayRendition } from '../../../common/replay/replay-view.js';
import type { Show } from '../../../common/show.js';

export type RecordingStatus = 'recording' | 'processing' | 'ready' | 'failed' | 'deleted';

export interface RecordingRow {
  show_id: string;
  status: RecordingStatus;
  progress: number;
  parts: number;
  bytes: number;
  duration_ms: number;
  error: string | null;
  started_at: number;
  updated_at: number;
}

/** The recordings and recording_settings tables (migration 12). */
export class RecordingStore {
  constructor(private readonly db: Database.Database) {}

  get(showId: string): RecordingRow | undefined {
    return this.db.prepare('SELECT * FROM recordings WHERE show_id = ?').get(showId) as RecordingRow | undefined;
  }

  /** The recording as the studio sees it, with its MP4 rendition's state (Mp4Renditions.stateOf: on disk and in memory, not in this table). */
  view(show: Show, rendition: ReplayRendition): ShowRecording {
    const r = this.get(show.id);
    return { record: this.shouldRecord(show), status: r?.status ?? null, progress: r?.progress ?? 0, parts: r?.parts ?? 0, bytes: r?.bytes ?? 0, durationMs: r?.duration_ms ?? 0, error: r?.error ?? null, rendition };
  }

  /** Shows whose replay is ready, newest first (the MP4 renditions still to make are among them). */
  readyShows(): string[] {
    return this.db.prepare("SELECT show_id FROM recordings WHERE status = 'ready' ORDER BY updated_at DESC").pluck().all() as string[];
  }

  /** Real shows are recorded unless the seller turned it off; rehearsals only when the seller asked. */
  shouldRecord(show: Show): boolean {
    const set = this.db.prepare('SELECT record FROM recording_settings WHERE show_id = ?').pluck().get(show.id) as number | undefined;
    return set === undefined ? show.rehearsalOf === null : set === 1;
  }

  setRecord(showId: string, record: boolean): void {
    this.db
      .prepare('INSERT INTO recording_settings (show_id, record) VALUES (?, ?) ON CONFLICT (show_id) DO UPDATE SET record = excluded.record')
      .run(showId, record ? 1 : 0);
  }

  /** At go-live (and at a publisher's return after a relay restart): the row says `recording`. */
  markRecording(showId: string): void {
    const now = Date.now();
    this.db
      .prepare(
        `INSERT INTO recordings (show_id, status, started_at, updated_at) VALUES (?, 'recording', ?, ?)
         ON CONFLICT (show_id) DO UPDATE SET status = 'recording', progress = 0, error = NULL, updated_at = excluded.updated_at
         WHERE recordings.status IN ('recording', 'processing', 'failed')`,
      )
      .run(showId, now, now);
  }

  /** recording → processing (`retry`: failed → processing too); false when there is nothing to process. */
  markProcessing(showId: string, retry = false): boolean {
    const from = retry ? "('failed')" : "('recording', 'processing')";
    return this.db.prepare(`UPDATE recordings SET status = 'processing', progress = 0, error = NULL, updated_at = ? WHERE show_id = ? AND status IN ${from}`).run(Date.now(), showId).changes > 0;
  }

  progress(showId: string, progress: number): void {
    this.db.prepare("UPDATE recordings SET progress = ?, updated_at = ? WHERE show_id = ? AND status = 'processing'").run(Math.min(1, Math.max(0, progress)), Date.now(), showId);
  }

  ready(showId: string, r: { parts: number; bytes: number; durationMs: number }): void {
    this.db
      .prepare("UPDATE recordings SET status = 'ready', progress = 1, parts = ?, bytes = ?, duration_ms = ?, error = NULL, updated_at = ? WHERE show_id = ? AND status = 'processing'")
      .run(r.parts, r.bytes, r.durationMs, Date.now(), showId);
  }

  failed(showId: string, reason: string): void {
    this.db.prepare("UPDATE recordings SET status = 'failed', error = ?, updated_at = ? WHERE show_id = ? AND status = 'processing'").run(reason.slice(0, 500), Date.now(), showId);
  }

  /**
   * ready | failed | deleted → deleted (the files go next, so a failure to remove them never leaves
   * a `ready` row pointing at a half-deleted replay). 'busy' while recording or processing.
   */
  markDeleted(showId: string): 'deleted' | 'busy' | 'none' {
    const changed = this.db
      .prepare("UPDATE recordings SET status = 'deleted', progress = 0, bytes = 0, error = NULL, updated_at = ? WHERE show_id = ? AND status IN ('ready', 'failed', 'deleted')")
      .run(Date.now(), showId).changes;
    if (changed > 0) return 'deleted';
    return this.get(showId) ? 'busy' : 'none';
  }

  /**
   * What a killed relay left to process: recordings being processed, and recordings of shows that
   * ended. A show the kill left live keeps its raw parts: its publisher's return adds a part, and
   * End show processes them all.
   */
  leftovers(): string[] {
    return this.db
      .prepare("SELECT r.show_id FROM recordings r JOIN shows s ON s.id = r.show_id WHERE r.status = 'processing' OR (r.status = 'recording' AND s.status = 'ended') ORDER BY r.updated_at")
      .pluck()
      .all() as string[];
  }
}
