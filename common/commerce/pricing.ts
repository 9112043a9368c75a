import type { CartLine, Quote } from './order.js';
import { shippingFor } from './shipping.js';
import type { PaymentSettings, ShowCoupon, ShowProduct } from './show-catalog.js';

/**
 * The one place a price is computed: the relay (authoritative, from the catalog it was handed)
 * and the watch page (to show the same total before ordering) both call this.
 */
export type PriceError =
  | 'unknown_product'
  | 'unknown_option'
  | 'option_required'
  | 'out_of_stock'
  | 'coupon_unknown'
  | 'coupon_not_started'
  | 'coupon_expired'
  | 'coupon_min_order'
  | 'coupon_currency'
  | 'coupon_not_applicable';

export type PriceResult = { ok: true; quote: Quote } | { ok: false; code: PriceError; message: string };

const fail = (code: PriceError, message: string): PriceResult => ({ ok: false, code, message });

/**
 * `stockLeft` is the relay's current stock for the line (product or option); `coupon` is the coupon
 * the code names, already checked to be the viewer's to use (claims and caps are the relay's job).
 */
export function priceLine(args: { product: ShowProduct | undefined; line: CartLine; stockLeft: number; coupon: ShowCoupon | null; couponCode: string | null; payment: PaymentSettings; now: number; postcode?: string | null }): PriceResult {
  const { product, line, stockLeft, coupon, couponCode, payment, now } = args;
  if (!product) return fail('unknown_product', 'this product is not on sale in this show');
  let optionName: string | null = null;
  if (product.options.length) {
    if (line.optionId === null) return fail('option_required', 'choose an option (size, colour…) first');
    const option = product.options.find((o) => o.id === line.optionId);
    if (!option) return fail('unknown_option', 'that option does not exist for this product');
    optionName = option.name;
  } else if (line.optionId !== null) return fail('unknown_option', 'this product has no options');
  if (stockLeft < line.quantity) return fail('out_of_stock', stockLeft === 0 ? 'sold out' : `only ${stockLeft} left`);

  const unitPrice = product.salePrice ?? product.price;
  const subtotal = unitPrice * line.quantity;
  let discount = 0;
  if (couponCode !== null) {
    const problem = couponProblem(coupon, couponCode, product.currency, now);
    if (problem) return problem;
    if (!couponCovers(coupon!, product.id)) return fail('coupon_not_applicable', 'this coupon is not for this product');
    if (subtotal < coupon!.minOrder) return fail('coupon_min_order', `this coupon needs an order of at least ${coupon!.minOrder}`);
    discount = couponDiscount(coupon!, subtotal);
  }
  const shipping = shippingFor({ subtotal, payment, postcode: args.postcode ?? null });
  return {
    ok: true,
    quote: { currency: product.currency, unitPrice, quantity: line.quantity, subtotal, discount, shipping: shipping.total, ...(shipping.surcharge ? { shippingSurcharge: shipping.surcharge } : {}), total: subtotal - discount + shipping.total, couponCode: coupon ? coupon.code : null, productName: product.name, optionName },
  };
}

/** Whether the coupon the code names can be used at `now` in `currency` (claims and caps are the relay's job). */
export function couponProblem(coupon: ShowCoupon | null, couponCode: string, currency: string, now: number): Extract<PriceResult, { ok: false }> | null {
  if (!coupon || coupon.code !== couponCode) return { ok: false, code: 'coupon_unknown', message: 'that coupon code does not exist in this show' };
  if (coupon.validFrom && Date.parse(coupon.validFrom) > now) return { ok: false, code: 'coupon_not_started', message: 'this coupon is not valid yet' };
  if (coupon.validUntil && Date.parse(coupon.validUntil) <= now) return { ok: false, code: 'coupon_expired', message: 'this coupon has expired' };
  if (coupon.currency !== currency) return { ok: false, code: 'coupon_currency', message: 'this coupon is for another currency' };
  return null;
}

/** A coupon limited to some products (`productIds`) covers only those; without a list, every product. */
export function couponCovers(coupon: ShowCoupon, productId: string): boolean {
  return !coupon.productIds || coupon.productIds.includes(productId);
}

/** Percent discounts round down to a whole minor unit: the buyer never pays a fraction. */
export function couponDiscount(coupon: ShowCoupon, subtotal: number): number {
  return coupon.kind === 'percent' ? Math.floor((subtotal * coupon.amount) / 100) : Math.min(coupon.amount, subtotal);
}
