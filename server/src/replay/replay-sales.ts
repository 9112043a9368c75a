import type { Db } from '../db/database.js';

export type SaleSource = 'live' | 'replay';
export type RecordingState = 'recording' | 'processing' | 'ready' | 'failed' | 'deleted';

/**
 * Whether a show sells now, and as what (docs/replay.md, "Buying in the replay"): while live, as
 * `live`; after it ended, as `replay` once its recording is ready (the watch link plays it). Read
 * from the database at each call, inside the order's transaction too, so the relay alone decides
 * an order's source: a viewer cannot name it (the checkout body is strict).
 */
export class ReplaySales {
  private readonly status;
  private readonly recording;
  private readonly offers;

  constructor(db: Db) {
    this.status = db.prepare<[string], { status: string }>('SELECT status FROM shows WHERE id = ?');
    this.recording = db.prepare<[string], { status: RecordingState; progress: number }>('SELECT status, progress FROM recordings WHERE show_id = ?');
    this.offers = db.prepare<[string], { live_offers_in_replay: number }>('SELECT live_offers_in_replay FROM recording_settings WHERE show_id = ?');
  }

  recordingOf(showId: string): { status: RecordingState; progress: number } | null {
    return this.recording.get(showId) ?? null;
  }

  source(showId: string): SaleSource | null {
    const status = this.status.get(showId)?.status;
    if (status === 'live') return 'live';
    if (status !== 'ended') return null;
    return this.recordingOf(showId)?.status === 'ready' ? 'replay' : null;
  }

  /** The seller let live-only prices (라이브 특가) and coupons (drops, quiz rewards) hold in the replay; off by default. */
  liveOffersInReplay(showId: string): boolean {
    return this.offers.get(showId)?.live_offers_in_replay === 1;
  }

  /** Live-only offers hold now: always while live or before; in the replay only when the seller said so. */
  liveOffersHold(showId: string): boolean {
    return this.source(showId) !== 'replay' || this.liveOffersInReplay(showId);
  }
}
