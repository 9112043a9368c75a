import type { CartQuote } from './cart.js';
import type { CartLine, Quote } from './order.js';
import { priceLine, type PriceResult } from './pricing.js';
import { shippingFor } from './shipping.js';
import type { PaymentSettings, ShowProduct } from './show-catalog.js';

export type CartPriceResult = { ok: true; quote: CartQuote } | (Extract<PriceResult, { ok: false }> & { lineIndex: number });

/**
 * A cart's price: every line by priceLine (no coupon, no shipping of its own), then one shipping
 * charge over the goods subtotal and the delivery postcode. Used by the relay (authoritative) and
 * the watch page (the total shown).
 */
export function priceCart(args: { lines: readonly CartLine[]; productOf: (id: string) => ShowProduct | undefined; stockOf: (line: CartLine) => number; payment: PaymentSettings; postcode: string | null; now: number }): CartPriceResult {
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
  const subtotal = lines.reduce((n, l) => n + l.subtotal, 0);
  const shipping = shippingFor({ subtotal, payment, postcode: args.postcode });
  return { ok: true, quote: { currency: lines[0]!.currency, lines, subtotal, shipping: shipping.total, shippingSurcharge: shipping.surcharge, total: subtotal + shipping.total } };
}

/** The cart's shipping rides on its first line, so the order rows' totals add up to the cart's. */
export function lineQuotesWithShipping(q: CartQuote): Quote[] {
  return q.lines.map((l, i) => (i === 0 ? { ...l, shipping: q.shipping, ...(q.shippingSurcharge ? { shippingSurcharge: q.shippingSurcharge } : {}), total: l.total + q.shipping } : l));
}
