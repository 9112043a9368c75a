import { EventEmitter } from 'node:events';
import type { ViewerRegistry } from '../commerce/viewer-registry.js';
import type { Db } from '../db/database.js';
import type { LiveShows } from '../live/live-shows.js';
import type { Logger } from '../log.js';

/** Joined viewers are written to the registry at most this often (one transaction per batch). */
export const REGISTER_BATCH_MS = 1000;

export interface ViewerPresenceEvents {
  joined: [showId: string, viewerId: string];
}

/**
 * Who is connected to each show right now (by device id: a viewer with two tabs counts once),
 * and the registration of every issued device that joins a show's viewer channel. Registering makes
 * them count as unique viewers; a watch-only id (past its network's budget for new devices, see
 * ViewerRegistry.forSocket) never does. It is batched so a join storm costs one SQLite transaction a
 * second, not one per socket on the join path.
 */
export class ViewerPresence extends EventEmitter<ViewerPresenceEvents> {
  private readonly present = new Map<string, Map<string, number>>();
  private readonly pending = new Map<string, Set<string>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    live: LiveShows,
    private readonly db: Db,
    private readonly registry: ViewerRegistry,
    private readonly log: Logger,
  ) {
    super();
    live.on('viewerJoined', (showId, viewerId) => this.joined(showId, viewerId));
    live.on('viewerLeft', (showId, viewerId) => this.left(showId, viewerId));
    this.timer = setInterval(() => this.flush(), REGISTER_BATCH_MS);
    this.timer.unref();
  }

  private joined(showId: string, viewerId: string): void {
    let show = this.present.get(showId);
    if (!show) this.present.set(showId, (show = new Map()));
    show.set(viewerId, (show.get(viewerId) ?? 0) + 1);
    let pending = this.pending.get(showId);
    if (!pending) this.pending.set(showId, (pending = new Set()));
    pending.add(viewerId);
    this.emit('joined', showId, viewerId);
  }

  private left(showId: string, viewerId: string): void {
    const show = this.present.get(showId);
    const n = (show?.get(viewerId) ?? 0) - 1;
    if (n > 0) show!.set(viewerId, n);
    else show?.delete(viewerId);
    if (show?.size === 0) this.present.delete(showId);
  }

  /** Device ids connected to the show now. */
  viewerIds(showId: string): string[] {
    return [...(this.present.get(showId)?.keys() ?? [])];
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const batch = [...this.pending].map(([showId, ids]) => [showId, [...ids]] as const);
    this.pending.clear();
    const at = new Date().toISOString();
    try {
      this.db.transaction(() => {
        for (const [showId, ids] of batch) for (const id of ids) if (this.registry.isIssued(id)) this.registry.ensureRow(showId, id, at);
      })();
    } catch (e) {
      // A show deleted under us, a full disk: these viewers register again on their next join or POST …/viewers.
      this.log.warn('viewer registration batch failed', { error: (e as Error).message });
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.flush();
  }
}
