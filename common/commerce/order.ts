import { z } from 'zod';
import { ViewerId } from '../protocol/viewer-id.js';
import { Id } from './catalog.js';
import { Currency } from './money.js';
import { Shipment } from './shipment.js';

/**
 * Checkout, as the watch page sends it and the relay checks it. Names and addresses are free
 * text (shown as text everywhere, never as markup); lengths fit Korean road-name addresses
 * ("서울특별시 강남구 테헤란로 427, 위워크타워 10층 1004호") with room to spare.
 */
const Text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} is longer than ${max} characters`)
    // Control characters have no place in a name or an address (and break CSV exports).
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), `${what} contains control characters`);

export const Buyer = z.object({
  name: Text(40, 'name'),
  /** Korean mobile/landline or international: digits, spaces, dashes, an optional leading +. */
  phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{6,18}[0-9]$/, 'phone number: digits, spaces or dashes (e.g. 010-1234-5678)'),
  address: z.object({
    /** Korean postcodes are 5 digits; other countries vary. */
    postcode: z.string().trim().regex(/^[0-9A-Za-z -]{3,10}$/, 'postcode is not valid'),
    line1: Text(200, 'address'),
    line2: z.string().trim().max(200, 'address detail is longer than 200 characters').refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'address detail contains control characters').default(''),
  }),
  /** A note for the seller ("문 앞에 놓아 주세요"). */
  note: z.string().trim().max(200).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'note contains control characters').default(''),
  /** Bank transfer: the name the money will come from (입금자명), when it is not the buyer's own. */
  depositor: Text(40, 'depositor name').optional(),
});
export type Buyer = z.infer<typeof Buyer>;

export const PaymentMethod = z.enum(['bank_transfer', 'cash_on_delivery', 'card']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const MAX_QUANTITY = 99;

/** What the buyer chose; the relay prices it. */
export const CartLine = z.object({
  productId: Id,
  optionId: Id.nullable(),
  quantity: z.number().int('quantity must be a whole number').min(1, 'quantity must be at least 1').max(MAX_QUANTITY, `at most ${MAX_QUANTITY} per order`),
});
export type CartLine = z.infer<typeof CartLine>;

export const QuoteRequest = z
  .object({
    viewerId: ViewerId,
    line: CartLine,
    /** A coupon code typed or picked from the viewer's claimed coupons; null = none. */
    couponCode: z.string().trim().toUpperCase().max(20).nullable(),
    /** The delivery postcode typed so far: the quote then carries the Jeju/island surcharge. */
    postcode: z.string().trim().max(10).nullable().default(null),
  })
  .strict();
export type QuoteRequest = z.infer<typeof QuoteRequest>;

export const Quote = z.object({
  currency: Currency,
  unitPrice: z.number().int(),
  quantity: z.number().int(),
  subtotal: z.number().int(),
  discount: z.number().int(),
  shipping: z.number().int(),
  /** The part of `shipping` that is the Jeju/island surcharge (absent on orders placed before it existed). */
  shippingSurcharge: z.number().int().optional(),
  total: z.number().int(),
  couponCode: z.string().nullable(),
  productName: z.string(),
  optionName: z.string().nullable(),
});
export type Quote = z.infer<typeof Quote>;

export const CheckoutRequest = QuoteRequest.extend({
  /** One per tap on "Order": a retry or double tap with the same key is the same order. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'idempotency key is malformed'),
  buyer: Buyer,
  payment: PaymentMethod,
  /** The total the viewer saw; if the relay's total differs the order is refused (`total_mismatch`). */
  expectedTotal: z.number().int().min(0),
  /** Card payments only: the token the payment provider's widget returned (test adapter: see docs). */
  paymentToken: z.string().max(200).nullable().default(null),
  /** 개인정보 수집·이용 동의, ticked by the buyer; the relay refuses an order without it (`consent_required`). */
  consent: z.boolean().default(false),
}).strict();
export type CheckoutRequest = z.input<typeof CheckoutRequest>;

/** expired: a bank transfer not paid within the seller's payment window; its stock went back on sale. */
export const OrderStatus = z.enum(['awaiting_payment', 'paid', 'cancelled', 'refunded', 'expired']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** What the buyer sees of their own order (after ordering and after a reload). */
export const ViewerOrder = z.object({
  id: z.string(),
  /** Short, readable, unique per relay, not counting sales: "LC-261122-483051" (R- for a rehearsal). */
  number: z.string(),
  showId: z.string(),
  createdAt: z.string(),
  status: OrderStatus,
  payment: PaymentMethod,
  quote: Quote,
  /** Bank transfer: where to send the money, shown after ordering. */
  payTo: z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string(), amount: z.number().int() }).nullable(),
  /** Bank transfer awaiting payment: the order expires (and its stock returns) at this time. */
  payBy: z.string().nullable().optional(),
  /** Set once the seller shipped it (courier and tracking number). */
  shipment: Shipment.nullable().optional(),
});
export type ViewerOrder = z.infer<typeof ViewerOrder>;

/** What the seller sees: the buyer's details too. Never sent to any viewer. */
export const SellerOrder = ViewerOrder.extend({
  viewerId: z.string(),
  nickname: z.string().nullable(),
  buyer: Buyer.nullable(), // null once erased on the buyer's request
  segmentId: z.string().nullable(),
  updatedAt: z.string(),
});
export type SellerOrder = z.infer<typeof SellerOrder>;

/** Anonymised for everyone: "김** just bought …". */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '**';
  return `${chars[0]}**`;
}
