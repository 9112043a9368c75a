import type { Show } from '../../../common/show.js';
import { showForToken, type WatchAccess } from './watch-access.js';

const LINK_TTL_MS = 1000;
const SHOW_TTL_MS = 250;

/**
 * The show a watch token opens, remembered briefly. In a flash sale every buyer's request names the
 * same token: checking its signature and reading the link and show rows each time was a quarter of
 * the relay's time per order. A revoked link stops working within a second. Only a live show is
 * served from memory (a show that just started sells at once), and whether it is still live is
 * checked again inside each order's and claim's transaction, so ending a show is exact.
 * Failures are not remembered (a bad token costs its full check every time).
 */
export class WatchShowCache {
  private readonly links = new Map<string, { showId: string; until: number }>();
  private readonly shows = new Map<string, { show: Show; until: number }>();

  constructor(private readonly access: WatchAccess) {}

  /** Forgets every remembered link (one was revoked: it must stop working now, not within a second). */
  clear(): void {
    this.links.clear();
    this.shows.clear();
  }

  showFor(token: string, now = Date.now()): Show {
    const link = this.links.get(token);
    if (link && link.until > now) {
      const cached = this.shows.get(link.showId);
      // Only "live" is trusted from memory: a show that just went live must sell at once.
      if (cached && cached.until > now && cached.show.status === 'live') return cached.show;
    }
    const show = showForToken(this.access, token);
    if (this.links.size > 10_000) this.links.clear(); // bounded: tokens are per show, so this is only reached by junk
    this.links.set(token, { showId: show.id, until: now + LINK_TTL_MS });
    this.shows.set(show.id, { show, until: now + SHOW_TTL_MS });
    return show;
  }
}
