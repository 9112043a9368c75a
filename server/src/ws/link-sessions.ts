import type { WatchLinks } from '../shows/watch-links.js';

/**
 * Which open viewer sockets came in with which watch link, so revoking a link closes them at
 * once (a revoked link must stop working for those already watching, not only for newcomers).
 */
export class LinkSessions {
  private readonly byLink = new Map<string, Set<() => void>>();

  constructor(links: Pick<WatchLinks, 'onRevoke'>) {
    links.onRevoke((linkId) => this.revoked(linkId));
  }

  /** `onRevoked` runs once if the link is revoked while tracked; the returned function stops tracking. */
  add(linkId: string, onRevoked: () => void): () => void {
    let set = this.byLink.get(linkId);
    if (!set) this.byLink.set(linkId, (set = new Set()));
    set.add(onRevoked);
    return () => {
      set.delete(onRevoked);
      if (set.size === 0 && this.byLink.get(linkId) === set) this.byLink.delete(linkId);
    };
  }

  /** Sockets open with a link right now. */
  count(linkId: string): number {
    return this.byLink.get(linkId)?.size ?? 0;
  }

  private revoked(linkId: string): void {
    const set = this.byLink.get(linkId);
    if (!set) return;
    this.byLink.delete(linkId);
    for (const close of set) close();
  }
}

const perLinks = new WeakMap<object, LinkSessions>();

/** One registry per WatchLinks (one relay), subscribed once however many sockets there are. */
export function linkSessionsOf(links: Pick<WatchLinks, 'onRevoke'>): LinkSessions {
  let sessions = perLinks.get(links);
  if (!sessions) perLinks.set(links, (sessions = new LinkSessions(links)));
  return sessions;
}
