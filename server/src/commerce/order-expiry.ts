import type { ShowStore } from '../shows/show-store.js';
import { announceStock, announceToStudio, type CommerceContext } from './context.js';

/** How often unpaid bank transfers are looked at; an expiry is at most this late. */
export const EXPIRY_SWEEP_MS = 15_000;

/**
 * Unpaid bank transfers hold their stock only for the seller's payment window: once it closed,
 * the order becomes 'expired' (the buyer sees it in their orders), its stock goes back on sale and
 * its coupon use returns (uses count standing orders only), in one transaction per batch. Cash on
 * delivery never expires (it is paid at the door). A transfer the seller marks paid in time stays.
 */
export class OrderExpiry {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<number> | null = null;

  constructor(
    private readonly c: CommerceContext,
    private readonly shows: ShowStore,
  ) {
    this.timer = setInterval(() => void this.sweep(), EXPIRY_SWEEP_MS);
    this.timer.unref();
  }

  /** Expires what is due now; resolves to how many orders expired. One sweep at a time. */
  sweep(): Promise<number> {
    this.running ??= this.expireDue().finally(() => (this.running = null));
    return this.running;
  }

  private async expireDue(): Promise<number> {
    const { c } = this;
    let total = 0;
    for (let round = 0; round < 50; round++) {
      const now = new Date(c.now()).toISOString();
      const due = c.orders.dueToExpire(now);
      if (due.length === 0) break;
      const levels = await Promise.all(
        due.map((o) =>
          c.commits
            .run(() => {
              // Read again inside the transaction: the seller may have marked it paid meanwhile.
              if (c.orders.get(o.id)?.status !== 'awaiting_payment') return null;
              c.orders.setStatus(o.id, 'expired', now);
              return c.stock.give(o.showId, o.productId, o.optionId, o.quantity);
            })
            .catch((e: unknown) => {
              c.log.error('order expiry failed', { orderId: o.id, error: (e as Error).message });
              return null;
            }),
        ),
      );
      due.forEach((o, i) => {
        const level = levels[i];
        if (level === null || level === undefined) return;
        total += 1;
        const show = this.shows.get(o.showId);
        const catalog = show ? c.catalogOf(show) : null;
        announceStock(c, o.showId, catalog, o.productId, o.optionId, level);
        announceToStudio(c, catalog, c.orders.get(o.id)!);
      });
      if (due.length < 200) break;
    }
    if (total) c.log.info('unpaid orders expired', { count: total });
    return total;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
