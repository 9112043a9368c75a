import { z } from 'zod';
import { CouponProductIds, Id } from './catalog.js';
import { Currency } from './money.js';

/**
 * What the studio hands the relay for one show (PUT /api/shows/:id/catalog). From then on the
 * relay owns stock for that show: a re-hand-off updates names, prices, coupons and quizzes but
 * never overwrites stock the relay already holds (stock changes go back to the studio as events).
 * Prices, discounts and totals are computed on the relay from this, never taken from a viewer.
 */
const Stock = z.number().int().min(0).max(1_000_000);

export const ShowProduct = z.object({
  id: Id,
  name: z.string().trim().min(1).max(80),
  imageUrls: z.array(z.url({ protocol: /^https?$/ }).max(400)).max(8),
  currency: Currency,
  price: z.number().int().min(0),
  salePrice: z.number().int().min(0).nullable(),
  /** Total stock when the product has no options; the sum of the options' stock otherwise. */
  stock: Stock,
  options: z.array(z.object({ id: Id, name: z.string().trim().min(1).max(60), stock: Stock })).max(50),
  externalUrl: z.url({ protocol: /^https?$/ }).max(500).nullable(),
  /** Units one buyer may hold in this show (standing orders), counted by device, phone and delivery address; absent/null = no cap. */
  perBuyerCap: z.number().int().min(1).max(99).nullable().optional(),
});
export type ShowProduct = z.infer<typeof ShowProduct>;

export const ShowCoupon = z.object({
  id: Id,
  code: z.string().regex(/^[A-Z0-9_-]{3,20}$/),
  kind: z.enum(['percent', 'fixed']),
  amount: z.number().int().min(1),
  currency: Currency,
  minOrder: z.number().int().min(0),
  totalQuota: z.number().int().min(1).max(1_000_000),
  perViewerCap: z.number().int().min(1).max(100),
  validFrom: z.iso.datetime({ offset: true }).nullable(),
  validUntil: z.iso.datetime({ offset: true }).nullable(),
  /** Only these products (a cart's other lines pay full price); absent or null = every product. */
  productIds: CouponProductIds.nullable().optional(),
});
export type ShowCoupon = z.infer<typeof ShowCoupon>;

export const ShowQuiz = z.object({
  id: Id,
  question: z.string().max(200),
  choices: z.array(z.string().max(80)).min(2).max(4),
  correctIndex: z.number().int().min(0).max(3),
  winners: z.number().int().min(1).max(1000),
  winnerRule: z.enum(['first', 'draw']),
  rewardCouponId: Id.nullable(),
});
export type ShowQuiz = z.infer<typeof ShowQuiz>;

export const ShowPoll = z.object({ id: Id, question: z.string().max(200), choices: z.array(z.string().max(80)).min(2).max(4) });
export type ShowPoll = z.infer<typeof ShowPoll>;

/** Whole won (minor units) added for Jeju and for islands/remote places, by the delivery postcode. */
const SurchargeAmount = z.number().int().min(0).max(1_000_000);
export const RemoteSurcharge = z.object({ jeju: SurchargeAmount, island: SurchargeAmount });
export type RemoteSurcharge = z.infer<typeof RemoteSurcharge>;

/** How viewers pay. Bank transfer / cash on delivery is how most small sellers work today. */
export const PaymentSettings = z.object({
  bankTransfer: z
    .object({
      bank: z.string().trim().min(1).max(40),
      accountNumber: z.string().trim().regex(/^[0-9-]{6,30}$/, 'account number: digits and dashes'),
      holder: z.string().trim().min(1).max(40),
      /** Minutes an unpaid transfer holds its stock before the order expires (default 30). */
      paymentWindowMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
    })
    .nullable(),
  cashOnDelivery: z.boolean(),
  /** Card payments through the payment-provider interface (a clearly marked test adapter here). */
  card: z.boolean(),
  /** Shipping fee added to every order, minor units of the show's currency. */
  shippingFee: z.number().int().min(0).max(1_000_000),
  /** Orders at or above this subtotal ship free; null = never. */
  freeShippingFrom: z.number().int().min(0).nullable(),
  /** Extra for Jeju and for islands/remote places (common/commerce/remote-postcodes.ts); absent = none. */
  remoteSurcharge: RemoteSurcharge.optional(),
});
export type PaymentSettings = z.infer<typeof PaymentSettings>;

export const DEFAULT_PAYMENT_WINDOW_MINUTES = 30;

export const ShowCatalog = z
  .object({
    products: z.array(ShowProduct).max(500),
    coupons: z.array(ShowCoupon).max(200),
    quizzes: z.array(ShowQuiz).max(200),
    polls: z.array(ShowPoll).max(200),
    payment: PaymentSettings,
  })
  .superRefine((c, ctx) => {
    for (const [i, p] of c.products.entries()) {
      if (p.options.length && p.stock !== p.options.reduce((n, o) => n + o.stock, 0)) ctx.addIssue({ code: 'custom', path: ['products', i, 'stock'], message: 'stock must equal the sum of the options’ stock' });
    }
    const productIds = new Set(c.products.map((p) => p.id));
    for (const [i, k] of c.coupons.entries()) {
      const unknown = k.productIds?.find((id) => !productIds.has(id));
      if (unknown) ctx.addIssue({ code: 'custom', path: ['coupons', i, 'productIds'], message: `coupon ${k.code} names a product that is not in the catalog (${unknown})` });
    }
    for (const [i, q] of c.quizzes.entries()) {
      if (q.correctIndex >= q.choices.length) ctx.addIssue({ code: 'custom', path: ['quizzes', i, 'correctIndex'], message: 'the correct answer must be one of the choices' });
      if (q.rewardCouponId && !c.coupons.some((k) => k.id === q.rewardCouponId)) ctx.addIssue({ code: 'custom', path: ['quizzes', i, 'rewardCouponId'], message: 'the reward coupon is not in the catalog' });
    }
    if (!c.payment.bankTransfer && !c.payment.cashOnDelivery && !c.payment.card) ctx.addIssue({ code: 'custom', path: ['payment'], message: 'turn on at least one way to pay' });
  });
export type ShowCatalog = z.infer<typeof ShowCatalog>;

/** The relay's answer to a hand-off and GET /api/shows/:id/stock: the stock it now holds. */
export const StockLevel = z.object({ productId: Id, optionId: Id.nullable(), stock: z.number().int().min(0) });
export type StockLevel = z.infer<typeof StockLevel>;
