import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SellerOrder } from '../../../common/commerce/order.js';
import { bridge } from '../bridge.js';
import { mergeOrder, sortNewestFirst } from './orders-merge.js';

/**
 * Orders of a show as they arrive: loaded once (orders.list), then kept current by relay.order
 * events. One feed per show, shared by the live room's badge and the Orders screen, so the
 * "new" count and the highlight agree wherever the seller looks.
 */

interface FeedState {
  orders: SellerOrder[];
  loaded: boolean;
  /** Why the last load failed, as thrown (the screen says it in the seller's language); null when it did not. */
  error: unknown;
  /** Ids that arrived live since the seller last looked at the Orders screen. */
  unseen: ReadonlySet<string>;
  /** Ids that arrived live after the list loaded (briefly highlighted). */
  fresh: ReadonlySet<string>;
}

class Feed {
  state: FeedState = { orders: [], loaded: false, error: null, unseen: new Set(), fresh: new Set() };
  private readonly listeners = new Set<() => void>();
  private started = false;

  constructor(readonly showId: string) {}

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    this.start();
    return () => void this.listeners.delete(l);
  };

  private set(next: Partial<FeedState>) {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l();
  }

  private start() {
    if (this.started) return;
    this.started = true;
    bridge.on('relay.order', ({ showId, order }) => {
      if (showId !== this.showId) return;
      const known = this.state.orders.some((o) => o.id === order.id);
      const live = this.state.loaded && !known;
      this.set({
        orders: mergeOrder(this.state.orders, order),
        unseen: live ? new Set([...this.state.unseen, order.id]) : this.state.unseen,
        fresh: live ? new Set([...this.state.fresh, order.id]) : this.state.fresh,
      });
      if (live) setTimeout(() => this.set({ fresh: new Set([...this.state.fresh].filter((id) => id !== order.id)) }), 6000);
    });
    void this.reload();
  }

  async reload(): Promise<void> {
    try {
      const list = await bridge.invoke('orders.list', { showId: this.showId });
      let orders = sortNewestFirst([...list]);
      // Events that came in while the list was loading are newer than it, or the same.
      for (const o of this.state.orders) orders = mergeOrder(orders, o, true);
      this.set({ orders, loaded: true, error: null });
    } catch (e) {
      this.set({ loaded: true, error: e ?? new Error('load failed') });
    }
  }

  replace(order: SellerOrder) {
    this.set({ orders: mergeOrder(this.state.orders, order) });
  }

  markSeen() {
    if (this.state.unseen.size) this.set({ unseen: new Set() });
  }
}

const feeds = new Map<string, Feed>();
function feedFor(showId: string): Feed {
  let f = feeds.get(showId);
  if (!f) {
    f = new Feed(showId);
    feeds.set(showId, f);
  }
  return f;
}

export function useOrderFeed(showId: string) {
  const feed = feedFor(showId);
  const state = useSyncExternalStore(feed.subscribe, () => feed.state);
  return { ...state, reload: () => feed.reload(), replace: (o: SellerOrder) => feed.replace(o), markSeen: () => feed.markSeen() };
}

/** The live room's badge: orders that arrived since the Orders screen was last open. */
export function useUnseenOrders(showId: string): number {
  return useOrderFeed(showId).unseen.size;
}

/** A ticking clock for "2 min ago" labels. */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
