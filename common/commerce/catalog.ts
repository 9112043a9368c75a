import { z } from 'zod';
import { Currency, DEFAULT_CURRENCY, maxMinor } from './money.js';

/**
 * The seller's catalog as the studio keeps it and as it crosses every boundary.
 * Ids are opaque strings chosen by the studio. Limits are generous for people and
 * tight for abuse (a 10,000-character product name is an attack, not a product).
 */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'id must be 1–40 letters, digits, _ or -');
/** An image stored by content: lowercase hex SHA-256 plus its type. */
export const ImageRef = z.string().regex(/^[0-9a-f]{64}\.(png|jpg|webp)$/, 'image reference is malformed');

const Name = z.string().trim().min(1, 'name is required').max(80, 'name is longer than 80 characters');
const Stock = z.number().int('stock must be a whole number').min(0, 'stock cannot be negative').max(1_000_000, 'stock above 1,000,000 is not plausible');
const HttpUrl = z.url({ protocol: /^https?$/, error: 'link must start with http:// or https://' }).max(500);

export const ProductOption = z.object({
  id: Id,
  /** e.g. "M / 블랙" */
  name: z.string().trim().min(1).max(60),
  stock: Stock,
});
export type ProductOption = z.infer<typeof ProductOption>;

export const ProductInput = z
  .object({
    name: Name,
    description: z.string().max(2000, 'description is longer than 2,000 characters').default(''),
    images: z.array(ImageRef).max(8, 'at most 8 images').default([]),
    currency: Currency.default(DEFAULT_CURRENCY),
    price: z.number().int('price must be in whole minor units').min(0, 'price cannot be negative'),
    salePrice: z.number().int().min(0, 'sale price cannot be negative').nullable().default(null),
    stock: Stock,
    options: z.array(ProductOption).max(50, 'at most 50 options').default([]),
    externalUrl: HttpUrl.nullable().default(null),
  })
  .superRefine((p, ctx) => {
    const max = maxMinor(p.currency);
    if (p.price > max) ctx.addIssue({ code: 'custom', path: ['price'], message: 'price is not plausible' });
    if (p.salePrice !== null && p.salePrice >= p.price) ctx.addIssue({ code: 'custom', path: ['salePrice'], message: 'sale price must be lower than the price' });
    if (p.options.length && p.stock !== p.options.reduce((n, o) => n + o.stock, 0))
      ctx.addIssue({ code: 'custom', path: ['stock'], message: 'stock must equal the sum of the options’ stock' });
    const names = new Set(p.options.map((o) => o.name.toLowerCase()));
    if (names.size !== p.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'two options have the same name' });
  });
export type ProductInput = z.input<typeof ProductInput>;
export const Product = z.object({ id: Id, updatedAt: z.string() }).and(ProductInput);
export type Product = z.infer<typeof ProductInput> & { id: string; updatedAt: string };

/** The products a coupon is limited to (a cart's other lines pay full price); null or absent = every product. */
export const CouponProductIds = z.array(Id).min(1).max(200, 'a coupon can name at most 200 products');

export const CouponInput = z
  .object({
    code: z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{3,20}$/, 'code must be 3–20 letters, digits, _ or -'),
    kind: z.enum(['percent', 'fixed']),
    /** percent: 1–100; fixed: minor units */
    amount: z.number().int().min(1, 'discount must be at least 1'),
    currency: Currency.default(DEFAULT_CURRENCY),
    minOrder: z.number().int().min(0).default(0),
    totalQuota: z.number().int().min(1, 'quota must be at least 1').max(1_000_000),
    perViewerCap: z.number().int().min(1).max(100).default(1),
    validFrom: z.iso.datetime({ offset: true }).nullable().default(null),
    validUntil: z.iso.datetime({ offset: true }).nullable().default(null),
    productIds: CouponProductIds.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    if (c.productIds && new Set(c.productIds).size !== c.productIds.length) ctx.addIssue({ code: 'custom', path: ['productIds'], message: 'a product is named twice' });
    if (c.kind === 'percent' && c.amount > 100) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'a percent discount cannot exceed 100' });
    if (c.kind === 'fixed' && c.amount > maxMinor(c.currency)) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'discount is not plausible' });
    if (c.validFrom && c.validUntil && Date.parse(c.validUntil) <= Date.parse(c.validFrom))
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'the coupon must end after it starts' });
  });
export type CouponInput = z.input<typeof CouponInput>;
export type Coupon = z.infer<typeof CouponInput> & { id: string; updatedAt: string };

const Choices = z.array(z.string().trim().min(1, 'a choice is empty').max(80)).min(2, 'at least 2 choices').max(4, 'at most 4 choices');

export const QuizInput = z
  .object({
    question: z.string().trim().min(1).max(200),
    choices: Choices,
    correctIndex: z.number().int().min(0),
    timeLimitSec: z.number().int().min(5, 'at least 5 seconds').max(600, 'at most 10 minutes'),
    winners: z.number().int().min(1).max(1000),
    winnerRule: z.enum(['first', 'draw']).default('first'),
    rewardCouponId: Id.nullable().default(null),
  })
  .refine((q) => q.correctIndex < q.choices.length, { path: ['correctIndex'], message: 'the correct answer must be one of the choices' });
export type QuizInput = z.input<typeof QuizInput>;
export type Quiz = z.infer<typeof QuizInput> & { id: string; updatedAt: string };

export const PollInput = z.object({
  question: z.string().trim().min(1).max(200),
  choices: Choices,
  durationSec: z.number().int().min(5).max(3600).nullable().default(null),
});
export type PollInput = z.input<typeof PollInput>;
export type Poll = z.infer<typeof PollInput> & { id: string; updatedAt: string };
