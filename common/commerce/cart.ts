import { z } from 'zod';
import { ViewerId } from '../protocol/viewer-id.js';
import { Currency } from './money.js';
import { Buyer, CartLine, PaymentMethod, Quote, ViewerOrder } from './order.js';

/**
 * A cart: several lines checked out once (POST /api/watch/:token/carts). The relay takes the stock
 * of every line in one transaction (all or nothing) and writes one order row per line, all with the
 * same cart id, so per-product counts (dashboard, report, CSV) stay what they were. Shipping is
 * charged once, on the cart's first line. One coupon may apply to the lines it covers (docs/checkout.md).
 */
export const MAX_CART_LINES = 10;

const lineKey = (l: CartLine) => `${l.productId}\u0000${l.optionId ?? ''}`;

export const CartLines = z
  .array(CartLine)
  .min(1, 'the cart is empty')
  .max(MAX_CART_LINES, `a cart has at most ${MAX_CART_LINES} lines`)
  .refine((lines) => new Set(lines.map(lineKey)).size === lines.length, 'the same product and option appear on two lines; change the quantity instead');

/** Same rule as a single order's code (order.ts QuoteRequest): upper-cased, trimmed. */
const CartCouponCode = z.string().trim().toUpperCase().max(20).nullable().default(null);

export const CartQuoteRequest = z.object({ viewerId: ViewerId, lines: CartLines, postcode: z.string().trim().max(10).nullable().default(null), couponCode: CartCouponCode }).strict();
export type CartQuoteRequest = z.input<typeof CartQuoteRequest>;

export const CartQuote = z.object({
  currency: Currency,
  /** Each line priced on its own (shipping 0 here; the cart's shipping is below). */
  lines: z.array(Quote),
  subtotal: z.number().int(),
  /** The coupon's discount over the lines it covers (each line's quote carries its share). */
  discount: z.number().int().min(0).default(0),
  shipping: z.number().int(),
  shippingSurcharge: z.number().int(),
  total: z.number().int(),
});
export type CartQuote = z.infer<typeof CartQuote>;

export const CartCheckoutRequest = z
  .object({
    viewerId: ViewerId,
    lines: CartLines,
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'idempotency key is malformed'),
    buyer: Buyer,
    payment: PaymentMethod,
    /** The cart total the viewer saw, shipping included; a different relay total is `total_mismatch`. */
    expectedTotal: z.number().int().min(0),
    paymentToken: z.string().max(200).nullable().default(null),
    couponCode: CartCouponCode,
    consent: z.boolean().default(false),
  })
  .strict();
export type CartCheckoutRequest = z.input<typeof CartCheckoutRequest>;

/** The placed cart: its orders (one per line) and, for a bank transfer, one amount to send. */
export const CartOrder = z.object({
  cartId: z.string(),
  /** The first line's order number: the one the buyer quotes. */
  number: z.string(),
  total: z.number().int(),
  shipping: z.number().int(),
  orders: z.array(ViewerOrder),
  payTo: ViewerOrder.shape.payTo,
  payBy: z.string().nullable(),
});
export type CartOrder = z.infer<typeof CartOrder>;
