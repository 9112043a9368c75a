import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { maskName, type CheckoutRequest, type ViewerOrder } from '../../../common/commerce/order.js';
import type { Show } from '../../../common/show.js';
import { CommerceError } from './commerce-error.js';
import { announceStock, announceToStudio, payToFor, type CommerceContext } from './context.js';
import { toViewerOrder, type OrderRecord, type OrderTags } from './order-store.js';
import type { Priced } from './pricer.js';
import { checkBuyerCaps, paymentDeadline } from './buyer-caps.js';
import { requestHash } from './request-hash.js';
import { admitCheckout, OncePerKey } from './checkout-gate.js';

export type CheckoutInput = z.output<typeof CheckoutRequest>;
export type CheckoutResult = { status: 200 | 201; order: ViewerOrder };

/**
 * Placing an order. The relay prices it itself (the viewer's total is only compared), charges a
 * card if that is the method, then writes stock, order and coupon use in one transaction that is
 * committed before the answer. A retried tap (same idempotency key) is the same order, even when
 * the two requests overlap.
 */
export class CheckoutService {
  /** Orders being placed, by (show, viewer, key): an overlapping duplicate waits for the first. */
  private readonly once = new OncePerKey<CheckoutResult>();

  constructor(private readonly c: CommerceContext) {}

  /**
   * `net`: the network tag of the request (ViewerRegistry.networkTagOf). `clipToken`: the clip page
   * the buyer came from (its Buy cookie, server/src/clips/clip-cookies.ts); the order counts for that
   * clip only if it is one of this show's that still exists.
   */
  async checkout(show: Show, req: CheckoutInput, net: string, clipToken: string | null = null): Promise<CheckoutResult> {
    return this.once.run(`${show.id}\u0000${req.viewerId}\u0000${req.idempotencyKey}`, () => this.place(show, req, net, clipToken));
  }

  private async place(show: Show, req: CheckoutInput, net: string, clipToken: string | null): Promise<CheckoutResult> {
    const { c } = this;
    const existing = c.orders.byKey(show.id, req.viewerId, req.idempotencyKey);
    if (existing) return this.replay(show, existing, requestHash(req));
    const catalog = admitCheckout(c, show, req);
    const priced = c.pricer.price({ showId: show.id, catalog, viewerId: req.viewerId, line: req.line, couponCode: req.couponCode, now: c.now(), postcode: req.buyer.address.postcode });
    const total = priced.quote.total;
    if (total !== req.expectedTotal) throw new CommerceError(409, 'total_mismatch', `the total is ${total} ${priced.quote.currency}, not ${req.expectedTotal}; check the order and try again`);

    const identity = c.viewers.identity;
    const tags: OrderTags = { phoneHash: identity.phoneHash(req.buyer.phone), addressHash: identity.addressHash(req.buyer.address), net };
    const caps = { showId: show.id, product: priced.product, viewerId: req.viewerId, quantity: req.line.quantity, payment: req.payment, tags };
    checkBuyerCaps(c.orders, caps); // before a card is charged; again in the transaction
    const hash = requestHash(req); // only now: a refused request never needed it
    const orderId = `ord_${randomUUID()}`;
    const charge = { orderId, amount: total, currency: priced.quote.currency };
    if (req.payment === 'card') {
      const auth = await c.payments.authorize({ ...charge, token: req.paymentToken! });
      if (!auth.approved) throw new CommerceError(402, 'payment_declined', auth.reason);
    }
    let written: { order: OrderRecord; created: boolean; level: number };
    try {
      written = await c.commits.run(() => this.write(show, req, hash, orderId, priced, tags, clipToken));
    } catch (e) {
      if (req.payment === 'card') await c.payments.refund({ ...charge, reason: 'order not placed' }).catch((err: unknown) => c.log.error('refund of an unplaced card order failed', { orderId, error: (err as Error).message }));
      throw e;
    }
    if (!written.created) {
      if (req.payment === 'card') await c.payments.refund({ ...charge, reason: 'duplicate order' }).catch(() => undefined);
      return this.replay(show, written.order, hash);
    }
    this.announce(show, written.order, written.level, priced);
    return { status: 201, order: toViewerOrder(written.order, payToFor(catalog, written.order)) };
  }

  /** Inside the batch transaction (its own savepoint): any throw leaves nothing of this order behind. */
  private write(show: Show, req: CheckoutInput, hash: string, orderId: string, priced: Priced, tags: OrderTags, clipToken: string | null): { order: OrderRecord; created: boolean; level: number } {
    const { c } = this;
    const dup = c.orders.byKey(show.id, req.viewerId, req.idempotencyKey);
    if (dup) return { order: dup, created: false, level: 0 };
    // The show may have ended since the request was read (or the cached show was): exact here.
    // Live or from the replay is the relay's own finding, never the viewer's word (docs/replay.md).
    const source = c.saleSourceOf(show.id);
    if (!source) throw new CommerceError(409, 'show_not_live', 'the show has ended');
    checkBuyerCaps(c.orders, { showId: show.id, product: priced.product, viewerId: req.viewerId, quantity: req.line.quantity, payment: req.payment, tags });
    const level = c.stock.take(show.id, req.line.productId, req.line.optionId, req.line.quantity);
    const at = new Date(c.now());
    c.viewers.ensureRow(show.id, req.viewerId, at.toISOString());
    if (priced.coupon) {
      // Re-checked here, where no other order can come between the check and the write.
      const byCode = c.pricer.checkCouponUse(show.id, c.catalogOf(show)!, priced.coupon, req.viewerId, at.getTime());
      if (byCode) c.coupons.grant(show.id, priced.coupon, req.viewerId, 'code', at.toISOString(), tags.net);
    }
    const order: OrderRecord = {
      id: orderId,
      number: c.numbers.next(show.rehearsalOf !== null, at),
      showId: show.id,
      viewerId: req.viewerId,
      idempotencyKey: req.idempotencyKey,
      requestHash: hash,
      productId: req.line.productId,
      optionId: req.line.optionId,
      quantity: req.line.quantity,
      couponId: priced.coupon?.id ?? null,
      total: priced.quote.total,
      discount: priced.quote.discount,
      quote: priced.quote,
      payment: req.payment,
      status: req.payment === 'card' ? 'paid' : 'awaiting_payment',
      buyer: req.buyer,
      // A replay order was not sold in the segment the show ended on: the report counts it as the replay's.
      segmentId: source === 'live' ? c.orders.currentSegment(show.id) : null,
      expiresAt: paymentDeadline(req.payment, c.catalogOf(show)!.payment, at.getTime()),
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      source,
      clipId: clipToken === null ? null : c.clipOf(show.id, clipToken),
    };
    c.orders.insert({ ...order, ...tags });
    return { order, created: true, level };
  }

  private replay(show: Show, existing: OrderRecord, hash: string): CheckoutResult {
    if (existing.requestHash !== hash) throw new CommerceError(409, 'idempotency_conflict', 'this order key was already used for a different order; start the order again');
    return { status: 200, order: toViewerOrder(existing, payToFor(this.c.catalogOf(show), existing)) };
  }

  /** After the commit: the studio hears the order, everyone hears the stock and an anonymised notice. */
  private announce(show: Show, order: OrderRecord, level: number, priced: Priced): void {
    const { c } = this;
    const catalog = c.catalogOf(show);
    announceToStudio(c, catalog, order);
    announceStock(c, show.id, catalog, order.productId, order.optionId, level);
    // A replay purchase is not announced as live news to whoever is watching (docs/replay.md).
    if (order.source === 'live') c.notices.purchase(show.id, { buyer: maskName(order.buyer?.name ?? ''), productName: priced.product.name, quantity: order.quantity });
    if (priced.claimByCode && priced.coupon) c.notices.couponQuota(show.id, priced.coupon.id, Math.max(0, priced.coupon.totalQuota - c.coupons.claimCount(show.id, priced.coupon.id)));
  }
}
