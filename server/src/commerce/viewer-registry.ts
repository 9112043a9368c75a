import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Db } from '../db/database.js';
import { CommerceError } from './commerce-error.js';
import { clientAddress, Identity, networkOf, NEW_DEVICES_BURST, NEW_DEVICES_PER_SEC } from './identity.js';
import { RateLimiter } from './rate-limiter.js';
import { preparer } from './sql.js';

export interface Registration {
  viewerId: string;
  nickname: string | null;
}

/**
 * Light viewer identity: a device id the relay issues (kept in the browser across reloads) plus an
 * optional nickname. The id carries the relay's MAC (identity.ts), so checking it needs neither a
 * row nor a memory entry; an id the relay never issued is never registered (asking with one gets
 * a new id instead). New ids are budgeted per network (docs/identity-and-fairness.md).
 * Rows (viewers, show_viewers) are written through the group commit: at registration (batched
 * with others), inside the commit of each order, claim, answer or vote (ensureRow), and in the
 * presence batch for every device that joins the show's channel (watching counts, whatever id the
 * socket carries; acting needs an issued id). Plain ids registered before signed ids began stay valid.
 */
export class ViewerRegistry {
  /** New device ids per network address (token bucket; idle buckets are pruned). */
  readonly newDevices = new RateLimiter(NEW_DEVICES_PER_SEC, NEW_DEVICES_BURST);
  private readonly q: ReturnType<typeof preparer>;

  constructor(
    db: Db,
    readonly identity: Identity,
    /** When signed ids began: plain ids registered before then stay valid (legacy). */
    private readonly legacyBefore: string,
    private readonly trustedProxies: ReadonlySet<string> = new Set(),
    private readonly now: () => number = Date.now,
  ) {
    this.q = preparer(db);
  }

  /** The source address of a request (the socket's peer, or a trusted proxy's X-Forwarded-For). */
  addressOf(req: IncomingMessage): string {
    return clientAddress(req, this.trustedProxies);
  }

  /** The stored tag of the request's network (IPv4 address or IPv6 /64), keyed with the relay's secret. */
  networkTagOf(req: IncomingMessage): string {
    return this.identity.networkTag(this.addressOf(req));
  }

  /**
   * POST …/viewers: an id the relay issued is confirmed; anything else (none, made up, minted by a
   * socket) gets a new id, if the network's budget for new devices allows. The caller writes the
   * rows (`write`) through its group commit: registrations share a transaction instead of one each.
   */
  register(showId: string, address: string, viewerId: string | null, nickname: string | null): Registration & { write: () => void } {
    let id = viewerId !== null && this.isIssued(viewerId) ? viewerId : null;
    if (id === null) {
      if (!this.newDevices.take(networkOf(address), this.now())) throw new CommerceError(429, 'device_budget', 'too many new devices from this network just now; wait a few seconds and reload');
      id = this.identity.issue();
    }
    const issued = id;
    const known = nickname === null ? this.nickname(issued) : nickname;
    const write = () => {
      const at = new Date(this.now()).toISOString();
      this.ensureRow(null, issued, at, nickname);
      this.ensureRow(showId, issued, at);
    };
    return { viewerId: issued, nickname: known, write };
  }

  /**
   * The id a viewer socket's hello watches under: the one it carries if the relay issued it, else a
   * new issued id (the watch page keeps the welcome's id) while the network's budget for new devices
   * allows. Past the budget the socket still watches, under a watch-only id the relay never issued:
   * it counts among the sockets connected now, never as a unique viewer, and cannot act.
   */
  forSocket(address: string, claimed: string | undefined): string {
    if (claimed !== undefined && this.isIssued(claimed)) return claimed;
    if (this.newDevices.take(networkOf(address), this.now())) return this.identity.issue();
    return randomBytes(16).toString('base64url');
  }

  /** The relay issued this id (its MAC checks), or it is an id registered before signed ids began. */
  isIssued(viewerId: string): boolean {
    if (this.identity.issued(viewerId)) return true;
    return this.q('SELECT 1 FROM viewers WHERE id = ? AND created_at < ?').get(viewerId, this.legacyBefore) !== undefined;
  }

  /** Kept under this name for the watch routes: a viewer may act in a show once its id is issued. */
  isRegistered(_showId: string, viewerId: string): boolean {
    return this.isIssued(viewerId);
  }

  /** Rows the viewer's acts refer to; call inside the act's transaction. */
  ensureRow(showId: string | null, viewerId: string, at: string, nickname: string | null = null): void {
    if (nickname === null) this.q('INSERT OR IGNORE INTO viewers (id, nickname, created_at) VALUES (?, NULL, ?)').run(viewerId, at);
    else this.q('INSERT INTO viewers (id, nickname, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET nickname = excluded.nickname').run(viewerId, nickname, at);
    if (showId !== null) this.q('INSERT OR IGNORE INTO show_viewers (show_id, viewer_id, first_seen) VALUES (?, ?, ?)').run(showId, viewerId, at);
  }

  nickname(viewerId: string): string | null {
    const row = this.q('SELECT nickname FROM viewers WHERE id = ?').get(viewerId) as { nickname: string | null } | undefined;
    return row?.nickname ?? null;
  }

  uniqueViewers(showId: string): number {
    return (this.q('SELECT COUNT(*) AS n FROM show_viewers WHERE show_id = ?').get(showId) as { n: number }).n;
  }

  stop(): void {
    this.newDevices.stop();
  }
}
