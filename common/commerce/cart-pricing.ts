import type { CartQuote } from './cart.js';
import type { CartLine, Quote } from './order.js';
import { couponCovers, couponDiscount, couponProblem, priceLine, type PriceResult } from './pricing.js';
import { shippingFor } from './shipping.js';
import type { PaymentSettings, ShowCoupon, ShowProduct } from './show-catalog.js';

export type CartPriceResult = { ok: true; quote: CartQuote } | (Extract<PriceResult, { ok: false }> & { lineIndex: number });

/**
 * A cart's price: every line by priceLine (no shipping of its own), then one coupon over the lines
 * it covers, then one shipping charge over the goods subtotal and the delivery postcode. Used by the
 * relay (authoritative) and the watch page (the total shown).
 */
export function priceCart(args: {
  lines: readonly CartLine[];
  productOf: (id: string) => ShowProduct | undefined;
  stockOf: (line: CartLine) => number;
  payment: PaymentSettings;
  postcode: string | null;
  now: number;
  /** The coupon the code names (the relay checks it is the viewer's to use). */
  coupon?: ShowCoupon | null;
  couponCode?: string | null;
}): CartPriceResult {
  const { payment, now } = args;
  const noShipping: PaymentSettings = { ...payment, shippingFee: 0, freeShippingFrom: null, remoteSurcharge: undefined };
  const lines: Quote[] = [];
  for (const [lineIndex, line] of args.lines.entries()) {
    const r = priceLine({ product: args.productOf(line.productId), line, stockLeft: args.stockOf(line), coupon: null, couponCode: null, payment: noShipping, now });
    if (!r.ok) return { ...r, lineIndex };
    lines.push(r.quote);
  }
  const currencies = new Set(lines.map((l) => l.currency));
  if (currencies.size > 1) return { ok: false, code: 'unknown_product', message: 'a cart takes products of one currency', lineIndex: lines.findIndex((l) => l.currency !== lines[0]!.currency) };
  const couponCode = args.couponCode ?? null;
  const discounted = couponCode === null ? { ok: true as const, lines } : withCoupon(lines, args.lines, args.coupon ?? null, couponCode, now);
  if (!discounted.ok) return discounted;
  const subtotal = lines.reduce((n, l) => n + l.subtotal, 0);
  const discount = discounted.lines.reduce((n, l) => n + l.discount, 0);
  // Free shipping is reached on the goods before the discount, as for a single order (pricing.ts).
  const shipping = shippingFor({ subtotal, payment, postcode: args.postcode });
  return { ok: true, quote: { currency: lines[0]!.currency, lines: discounted.lines, subtotal, discount, shipping: shipping.total, shippingSurcharge: shipping.surcharge, total: subtotal - discount + shipping.total } };
}

/**
 * One coupon use for the whole cart, over the lines it covers: the minimum order and a percent are
 * reckoned on those lines' subtotal; the discount is split over them in proportion (rounded down,
 * the rest on the largest covered line), so each order row carries its share and the rows add up.
 */
function withCoupon(lines: Quote[], cartLines: readonly CartLine[], coupon: ShowCoupon | null, couponCode: string, now: number): { ok: true; lines: Quote[] } | Extract<CartPriceResult, { ok: false }> {
  const problem = couponProblem(coupon, couponCode, lines[0]!.currency, now);
  if (problem) return { ...problem, lineIndex: 0 };
  const c = coupon!;
  const covered = cartLines.map((l) => couponCovers(c, l.productId));
  const first = covered.reduce((best, yes, i) => (yes && (best < 0 || lines[i]!.subtotal > lines[best]!.subtotal) ? i : best), -1);
  if (first < 0) return { ok: false, code: 'coupon_not_applicable', message: 'this coupon is not for any product in the cart', lineIndex: 0 };
  const base = lines.reduce((n, l, i) => (covered[i] ? n + l.subtotal : n), 0);
  if (base < c.minOrder) return { ok: false, code: 'coupon_min_order', message: `this coupon needs an order of at least ${c.minOrder}`, lineIndex: first };
  const total = couponDiscount(c, base);
  const shares = lines.map((l, i) => (covered[i] && base > 0 ? Math.floor((total * l.subtotal) / base) : 0));
  shares[first]! += total - shares.reduce((n, s) => n + s, 0);
  return { ok: true, lines: lines.map((l, i) => (covered[i] ? { ...l, discount: shares[i]!, total: l.subtotal - shares[i]!, couponCode: c.code } : l)) };
}

/** The cart's shipping rides on its first line, so the order rows' totals add up to the cart's. */
export function lineQuotesWithShipping(q: CartQuote): Quote[] {
  return q.lines.map((l, i) => (i === 0 ? { ...l, shipping: q.shipping, ...(q.shippingSurcharge ? { shippingSurcharge: q.shippingSurcharge } : {}), total: l.total + q.shipping } : l));
}
