import type { Stage } from '../../../common/stage.js';
import type { CommitQueue } from '../commerce/commit-queue.js';
import { writeWithoutFsync, type Db } from '../db/database.js';
import type { StageService } from '../live/stage-service.js';
import type { Logger } from '../log.js';
import type { FanoutActivity } from '../viewers/fanout-activity.js';
import type { ViewerPresence } from './viewer-presence.js';

export type FunnelKind = 'saw' | 'card_open' | 'checkout_start';

/** How many viewers reached a step for a product. */
export interface FunnelCount {
  id: string;
  kind: FunnelKind;
  n: number;
}

/** Shows whose counts are kept in memory (the live ones, in practice); the oldest goes first. */
const COUNTED_SHOWS = 20;

/** "Saw" rows are written at most this often, in chunks, so a pin to 10,000 viewers never stalls the relay. */
export const SAW_BATCH_MS = 1000;
/**
 * Rows per event-loop turn: 2,000 held the relay's loop for about 17 ms at a time, long enough to
 * show in chat delivery during a storm of pins (bench:chat-fanout); 500 hold it for about one.
 */
const CHUNK = 500;

/** Viewers who saw a product from `at` (a pin's audience, or one viewer joining under a pin). */
interface Sighting {
  showId: string;
  productId: string;
  at: string;
  viewerIds: string[];
}

/**
 * The product funnel: saw (connected while its card was pinned) → card_open → checkout_start
 * (ordered comes from orders). Each step counts once per viewer per product (the table's key).
 * Taps are written as they come; "saw" is recorded off the cue's path: after the stage has gone
 * out, for everyone connected, and for each viewer who joins while the card is pinned.
 */
export class FunnelRecorder {
  /** Pinned product ids per show, from stage events; a show missing here is read once. */
  private readonly pinned = new Map<string, Set<string>>();
  private queue: Sighting[] = [];
  private readonly timer: NodeJS.Timeout;
  private flushing = false;
  private stopped = false;
  /**
   * Per show, rows per product and step: read once, then moved by each insert's own count of rows
   * added. The dashboard asks every 2 s, and counting a show's rows (a row per viewer per pinned
   * card: 150,000 after 30 pins to 5,000 viewers) held the relay's loop longer as the show went on.
   */
  private readonly counted = new Map<string, Map<string, FunnelCount>>();

  constructor(
    private readonly db: Db,
    private readonly stage: StageService,
    private readonly presence: ViewerPresence,
    private readonly commits: CommitQueue,
    private readonly log: Logger,
    private readonly fanout: FanoutActivity | null = null,
  ) {
    stage.on('stage', (showId, s) => this.onStage(showId, s));
    presence.on('joined', (showId, viewerId) => {
      const at = new Date().toISOString();
      for (const productId of this.pinnedIn(showId)) this.queue.push({ showId, productId, at, viewerIds: [viewerId] });
    });
    this.timer = setInterval(() => void this.flush(), SAW_BATCH_MS);
    this.timer.unref();
  }

  private pinnedIn(showId: string): Set<string> {
    let set = this.pinned.get(showId);
    if (!set) this.pinned.set(showId, (set = new Set(this.stage.get(showId).pinned.map((c) => c.productId))));
    return set;
  }

  private onStage(showId: string, s: Stage): void {
    // Unknown before (first event since start): every pinned card counts as new; re-recording is a no-op.
    const before = this.pinned.get(showId) ?? new Set<string>();
    const now = new Set(s.pinned.map((c) => c.productId));
    this.pinned.set(showId, now);
    const added = [...now].filter((id) => !before.has(id));
    if (added.length === 0) return;
    // The stage event fires inside the cue request; listing thousands of viewers waits for the next turn.
    setImmediate(() => {
      if (this.stopped) return;
      const at = new Date().toISOString();
      const viewers = this.presence.viewerIds(showId);
      if (viewers.length > 0) for (const productId of added) this.queue.push({ showId, productId, at, viewerIds: viewers });
    });
  }

  /** A step the watch page reports (card_open, checkout_start), committed (group commit) before the answer. */
  async record(showId: string, viewerId: string, kind: FunnelKind, productId: string, now = Date.now()): Promise<void> {
    const written = await this.commits.run(() =>
      this.db.prepare('INSERT OR IGNORE INTO funnel_events (show_id, product_id, viewer_id, kind, at) VALUES (?, ?, ?, ?, ?)').run(showId, productId, viewerId, kind, new Date(now).toISOString()),
    );
    // Counted once committed; nothing else runs between the commit and this line (a microtask).
    this.count(showId, productId, kind, written.changes);
  }

  /** The show's funnel: viewers per product and step. */
  counts(showId: string): FunnelCount[] {
    let byStep = this.counted.get(showId);
    if (!byStep) {
      const rows = this.db.prepare('SELECT product_id AS id, kind, COUNT(*) AS n FROM funnel_events WHERE show_id = ? GROUP BY product_id, kind').all(showId) as FunnelCount[];
      byStep = new Map(rows.map((r) => [`${r.id}\u0000${r.kind}`, r]));
      this.counted.set(showId, byStep);
      if (this.counted.size > COUNTED_SHOWS) this.counted.delete(this.counted.keys().next().value!);
    }
    return [...byStep.values()].map((c) => ({ ...c }));
  }

  /** Rows just committed; a show not counted yet will read them with the rest. */
  private count(showId: string, productId: string, kind: FunnelKind, added: number): void {
    const byStep = this.counted.get(showId);
    if (!byStep || added === 0) return;
    const key = `${productId}\u0000${kind}`;
    const c = byStep.get(key);
    if (c) c.n += added;
    else byStep.set(key, { id: productId, kind, n: added });
  }

  /**
   * Writes queued "saw" rows, one chunk per event-loop turn, each once no cue is being fanned
   * out (a pinned card queues a row per viewer; writing them mid-fan-out took a core from it).
   */
  async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0 && !this.stopped) {
        await this.fanout?.whenQuiet();
        await new Promise((r) => setImmediate(r));
        if (!this.stopped) this.writeChunk();
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Up to CHUNK rows, oldest first, in one transaction without an fsync of its own (analytics: see
   * writeWithoutFsync); a pin's audience goes in one statement (the ids as one JSON array: half the
   * CPU of a statement per row), and viewers joining one by one share the transaction.
   */
  private writeChunk(): void {
    const batch: Sighting[] = [];
    let rows = 0;
    while (rows < CHUNK && this.queue.length > 0) {
      const head = this.queue[0]!;
      const take = Math.min(CHUNK - rows, head.viewerIds.length);
      if (take === head.viewerIds.length) batch.push(this.queue.shift()!);
      else {
        batch.push({ ...head, viewerIds: head.viewerIds.slice(0, take) });
        head.viewerIds = head.viewerIds.slice(take);
      }
      rows += take;
    }
    if (rows === 0) return;
    try {
      const added = writeWithoutFsync(this.db, () => {
        const insert = this.db.prepare("INSERT OR IGNORE INTO funnel_events (show_id, product_id, viewer_id, kind, at) SELECT ?, ?, value, 'saw', ? FROM json_each(?)");
        return batch.map((b) => insert.run(b.showId, b.productId, b.at, JSON.stringify(b.viewerIds)).changes);
      });
      batch.forEach((b, i) => this.count(b.showId, b.productId, 'saw', added[i]!));
    } catch (e) {
      this.log.warn('funnel batch failed', { rows, error: (e as Error).message });
    }
  }

  /** Writes everything still queued, synchronously, before the database closes. */
  stop(): void {
    clearInterval(this.timer);
    while (this.queue.length) this.writeChunk();
    this.stopped = true;
  }
}
