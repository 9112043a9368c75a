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
  | 'coupon_currency';

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
    if (!coupon || coupon.code !== couponCode) return fail('coupon_unknown', 'that coupon code does not exist in this show');
    if (coupon.validFrom && Date.parse(coupon.validFrom) > now) return fail('coupon_not_started', 'this coupon is not valid yet');
    if (coupon.validUntil && Date.parse(coupon.validUntil) <= now) return fail('coupon_expired', 'this coupon has expired');
    if (coupon.currency !== product.currency) return fail('coupon_currency', 'this coupon is for another currency');
    if (subtotal < coupon.minOrder) return fail('coupon_min_order', `this coupon needs an order of at least ${coupon.minOrder}`);
    // Percent discounts round down to a whole minor unit: the buyer never pays a fraction.
    discount = coupon.kind === 'percent' ? Math.floor((subtotal * coupon.amount) / 100) : Math.min(coupon.amount, subtotal);
  }
  const shipping = shippingFor({ subtotal, payment, postcode: args.postcode ?? null });
  return {
    ok: true,
    quote: { currency: product.currency, unitPrice, quantity: line.quantity, subtotal, discount, shipping: shipping.total, ...(shipping.surcharge ? { shippingSurcharge: shipping.surcharge } : {}), total: subtotal - discount + shipping.total, couponCode: coupon ? coupon.code : null, productName: product.name, optionName },
  };
}
