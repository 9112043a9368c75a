import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { lineQuotesWithShipping, priceCart } from '../../../common/commerce/cart-pricing.js';
import type { CartCheckoutRequest, CartOrder, CartQuote } from '../../../common/commerce/cart.js';
import { maskName, type CartLine } from '../../../common/commerce/order.js';
import type { ShowCatalog, ShowCoupon } from '../../../common/commerce/show-catalog.js';
import type { Show } from '../../../common/show.js';
import { checkBuyerCaps, paymentDeadline } from './buyer-caps.js';
import { admitCheckout, OncePerKey } from './checkout-gate.js';
import { CommerceError } from './commerce-error.js';
import { announceStock, announceToStudio, payToFor, type CommerceContext } from './context.js';
import { toViewerOrder, type OrderRecord, type OrderTags } from './order-store.js';
import { requestHash } from './request-hash.js';
import { stockError } from './stock-ledger.js';

export type CartCheckoutInput = z.output<typeof CartCheckoutRequest>;
export type CartCheckoutResult = { status: 200 | 201; cart: CartOrder };

const STATUS = { unknown_product: 400, unknown_option: 400, option_required: 400 } as const;

/** The relay's price for a cart over the stock it holds now and the specials in force; a refusal names the line (1-based). */
export function quoteCart(c: CommerceContext, show: Show, catalog: ShowCatalog, req: { viewerId: string; lines: readonly CartLine[]; postcode: string | null; couponCode: string | null }): CartQuote {
  const { lines, postcode, couponCode } = req;
  const now = c.now();
  const { coupon } = cartCoupon(c, show, catalog, req.viewerId, couponCode, now);
  const r = priceCart({ lines, productOf: (id) => c.pricer.productAt(show.id, catalog, id, now), stockOf: (l) => c.stock.level(show.id, l.productId, l.optionId) ?? 0, payment: catalog.payment, postcode, now, coupon, couponCode });
  if (r.ok) return r.quote;
  const where = `line ${r.lineIndex + 1}: `;
  if (r.code === 'out_of_stock') {
    const l = lines[r.lineIndex]!;
    const e = stockError(c.stock.level(show.id, l.productId, l.optionId) ?? 0);
    throw new CommerceError(e.status, e.code, where + e.message);
  }
  const message = r.code.startsWith('coupon_') ? r.message : where + r.message;
  throw new CommerceError(r.code in STATUS ? STATUS[r.code as keyof typeof STATUS] : 409, r.code, message);
}

/** The cart's coupon, if any, and whether the viewer may use it (claimed, or claimable by its code now). */
function cartCoupon(c: CommerceContext, show: Show, catalog: ShowCatalog, viewerId: string, couponCode: string | null, now: number): { coupon: ShowCoupon | null; byCode: boolean } {
  const coupon = couponCode === null ? null : (catalog.coupons.find((k) => k.code === couponCode) ?? null);
  return { coupon, byCode: coupon ? c.pricer.checkCouponUse(show.id, catalog, coupon, viewerId, now) : false };
}

/**
 * Checking a cart out once. Like CheckoutService (priced by the relay, card charged before the
 * write, one savepoint, idempotent by key even for overlapping duplicates), but every line's stock
 * is taken inside the same savepoint: one line short and nothing of the cart is taken. Each line is
 * an order row sharing the cart id; the first row's key is the cart's key, the others `key.2`, `key.3`
 * (a client key cannot contain a dot, so they never meet a single-line order's key).
 */
export class CartCheckoutService {
  private readonly once = new OncePerKey<CartCheckoutResult>();

  constructor(private readonly c: CommerceContext) {}

  /** `clipToken`: as CheckoutService.checkout (every line of the cart counts for the clip). */
  async checkout(show: Show, req: CartCheckoutInput, net: string, clipToken: string | null = null): Promise<CartCheckoutResult> {
    return this.once.run(`${show.id}\u0000${req.viewerId}\u0000${req.idempotencyKey}`, () => this.place(show, req, net, clipToken));
  }

  private async place(show: Show, req: CartCheckoutInput, net: string, clipToken: string | null): Promise<CartCheckoutResult> {
    const { c } = this;
    const existing = c.orders.byKey(show.id, req.viewerId, req.idempotencyKey);
    if (existing) return this.replay(show, existing, requestHash(req));
    const catalog = admitCheckout(c, show, req);
    // The coupon's use is refused here before a card is charged, and checked again inside the transaction.
    const quote = quoteCart(c, show, catalog, { viewerId: req.viewerId, lines: req.lines, postcode: req.buyer.address.postcode, couponCode: req.couponCode });
    if (quote.total !== req.expectedTotal) throw new CommerceError(409, 'total_mismatch', `the total is ${quote.total} ${quote.currency}, not ${req.expectedTotal}; check the cart and try again`);
    const identity = c.viewers.identity;
    const tags: OrderTags = { phoneHash: identity.phoneHash(req.buyer.phone), addressHash: identity.addressHash(req.buyer.address), net };
    this.checkCaps(show, catalog, req, tags); // before a card is charged; again in the transaction
    const hash = requestHash(req);
    const cartId = `cart_${randomUUID()}`;
    const charge = { orderId: cartId, amount: quote.total, currency: quote.currency };
    if (req.payment === 'card') {
      const auth = await c.payments.authorize({ ...charge, token: req.paymentToken! });
      if (!auth.approved) throw new CommerceError(402, 'payment_declined', auth.reason);
    }
    let written: { orders: OrderRecord[]; created: boolean; levels: number[]; byCode: boolean; coupon: ShowCoupon | null };
    try {
      written = await c.commits.run(() => this.write(show, catalog, req, hash, cartId, quote, tags, clipToken));
    } catch (e) {
      if (req.payment === 'card') await c.payments.refund({ ...charge, reason: 'cart not placed' }).catch((err: unknown) => c.log.error('refund of an unplaced card cart failed', { cartId, error: (err as Error).message }));
      throw e;
    }
    if (!written.created) {
      if (req.payment === 'card') await c.payments.refund({ ...charge, reason: 'duplicate cart' }).catch(() => undefined);
      return this.replay(show, written.orders[0]!, hash);
    }
    this.announce(show, catalog, written.orders, written.levels);
    const coupon = written.coupon;
    if (written.byCode && coupon) c.notices.couponQuota(show.id, coupon.id, Math.max(0, coupon.totalQuota - c.coupons.claimCount(show.id, coupon.id)));
    return { status: 201, cart: this.cartOf(catalog, written.orders) };
  }

  /** Per-buyer and per-network caps per product, over the units of all its lines (two options of one product add up). */
  private checkCaps(show: Show, catalog: ShowCatalog, req: CartCheckoutInput, tags: OrderTags): void {
    const units = new Map<string, number>();
    for (const l of req.lines) units.set(l.productId, (units.get(l.productId) ?? 0) + l.quantity);
    for (const [productId, quantity] of units) {
      const product = catalog.products.find((p) => p.id === productId)!;
      checkBuyerCaps(this.c.orders, { showId: show.id, product, viewerId: req.viewerId, quantity, payment: req.payment, tags });
    }
  }

  /** Inside the batch transaction (its own savepoint): a throw on any line leaves nothing of the cart. */
  private write(show: Show, catalog: ShowCatalog, req: CartCheckoutInput, hash: string, cartId: string, quote: CartQuote, tags: OrderTags, clipToken: string | null): { orders: OrderRecord[]; created: boolean; levels: number[]; byCode: boolean; coupon: ShowCoupon | null } {
    const { c } = this;
    const dup = c.orders.byKey(show.id, req.viewerId, req.idempotencyKey);
    if (dup) return { orders: [dup], created: false, levels: [], byCode: false, coupon: null };
    const source = c.saleSourceOf(show.id); // live, or the replay (docs/replay.md): the relay's finding
    if (!source) throw new CommerceError(409, 'show_not_live', 'the show has ended');
    this.checkCaps(show, catalog, req, tags);
    const levels = req.lines.map((l, i) => {
      try {
        return c.stock.take(show.id, l.productId, l.optionId, l.quantity);
      } catch (e) {
        if (e instanceof CommerceError) throw new CommerceError(e.status, e.code, `line ${i + 1}: ${e.message}`);
        throw e;
      }
    });
    const at = new Date(c.now());
    c.viewers.ensureRow(show.id, req.viewerId, at.toISOString());
    // One use of the coupon for the whole cart (usesBy counts carts), granted here if typed, not held.
    const { coupon, byCode } = cartCoupon(c, show, catalog, req.viewerId, req.couponCode, at.getTime());
    if (coupon && byCode) c.coupons.grant(show.id, coupon, req.viewerId, 'code', at.toISOString(), tags.net);
    const number = c.numbers.next(show.rehearsalOf !== null, at);
    const segmentId = source === 'live' ? c.orders.currentSegment(show.id) : null;
    const expiresAt = paymentDeadline(req.payment, catalog.payment, at.getTime());
    const clipId = clipToken === null ? null : c.clipOf(show.id, clipToken);
    const orders = lineQuotesWithShipping(quote).map((q, i): OrderRecord => {
      const line = req.lines[i]!;
      return {
        id: i === 0 ? cartId.replace(/^cart_/, 'ord_') : `ord_${randomUUID()}`,
        number: i === 0 ? number : `${number}-${i + 1}`,
        showId: show.id,
        viewerId: req.viewerId,
        idempotencyKey: i === 0 ? req.idempotencyKey : `${req.idempotencyKey}.${i + 1}`,
        requestHash: hash,
        productId: line.productId,
        optionId: line.optionId,
        quantity: line.quantity,
        couponId: coupon && q.couponCode === coupon.code ? coupon.id : null,
        total: q.total,
        discount: q.discount,
        quote: q,
        payment: req.payment,
        status: req.payment === 'card' ? 'paid' : 'awaiting_payment',
        buyer: req.buyer,
        segmentId,
        expiresAt,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        cartId,
        source,
        clipId,
      };
    });
    for (const o of orders) c.orders.insert({ ...o, ...tags });
    return { orders, created: true, levels, byCode, coupon };
  }

  private cartOf(catalog: ShowCatalog | null, orders: OrderRecord[]): CartOrder {
    const first = orders[0]!;
    const total = orders.reduce((n, o) => n + o.total, 0);
    const payTo = payToFor(catalog, first);
    return {
      cartId: first.cartId ?? first.id,
      number: first.number,
      total,
      shipping: first.quote.shipping,
      orders: orders.map((o) => toViewerOrder(o, payToFor(catalog, o))),
      payTo: payTo && { ...payTo, amount: total },
      payBy: first.status === 'awaiting_payment' ? first.expiresAt : null,
    };
  }

  private replay(show: Show, first: OrderRecord, hash: string): CartCheckoutResult {
    if (first.requestHash !== hash || !first.cartId) throw new CommerceError(409, 'idempotency_conflict', 'this order key was already used for a different order; start the order again');
    return { status: 200, cart: this.cartOf(this.c.catalogOf(show), this.c.orders.listByCart(first.cartId)) };
  }

  private announce(show: Show, catalog: ShowCatalog, orders: OrderRecord[], levels: number[]): void {
    const { c } = this;
    for (const [i, o] of orders.entries()) {
      announceToStudio(c, catalog, o);
      announceStock(c, show.id, catalog, o.productId, o.optionId, levels[i]!);
    }
    const names = orders.map((o) => catalog.products.find((p) => p.id === o.productId)?.name ?? '');
    if (orders[0]!.source === 'live') c.notices.purchase(show.id, { buyer: maskName(orders[0]!.buyer?.name ?? ''), productName: names[0]! + (names.length > 1 ? ` +${names.length - 1}` : ''), quantity: orders.reduce((n, o) => n + o.quantity, 0) });
  }
}
