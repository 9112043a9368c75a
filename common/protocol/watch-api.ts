import { z } from 'zod';
import { Id } from '../commerce/catalog.js';
import { Currency } from '../commerce/money.js';
import { PaymentMethod } from '../commerce/order.js';
import { RemoteSurcharge } from '../commerce/show-catalog.js';
import { ViewerId } from './viewer-id.js';

/**
 * Viewer → relay HTTP calls for buying and taking part, under /api/watch/:token/… (the watch
 * link's token). Every call names the viewer's device id; the relay refuses ids it never issued
 * (`401 unknown_viewer`). POST …/viewers confirms an issued id, or answers with a new one (a
 * made-up id is never taken; new ids are budgeted per network, docs/identity-and-fairness.md). Bodies are JSON, ≤ 16 KiB.
 * Error bodies are common/errors.ts ApiError with the codes listed in docs/commerce-api.md.
 */
export const MAX_WATCH_BODY_BYTES = 16 * 1024;

export const Nickname = z
  .string()
  .trim()
  .min(1, 'nickname is required')
  .max(20, 'nickname is longer than 20 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'nickname contains control characters');

/** GET …/payment: how this viewer may pay (never the account number before ordering). */
export const PaymentOptions = z.object({
  methods: z.array(PaymentMethod),
  shippingFee: z.number().int().min(0),
  freeShippingFrom: z.number().int().min(0).nullable(),
  currency: Currency,
  /** Bank transfer: minutes to pay before the order expires (shown as the deadline before ordering). */
  paymentWindowMinutes: z.number().int().min(1).optional(),
  /** Jeju / island extra the seller set (common/commerce/shipping.ts). */
  remoteSurcharge: RemoteSurcharge.optional(),
});
export type PaymentOptions = z.infer<typeof PaymentOptions>;

export const RegisterViewerRequest = z.object({ viewerId: ViewerId.nullable(), nickname: Nickname.nullable() }).strict();
export const RegisterViewerResponse = z.object({ viewerId: ViewerId, nickname: z.string().nullable() });

/** A coupon the viewer holds (claimed from a drop, or won in a quiz). */
export const HeldCoupon = z.object({
  couponId: Id,
  code: z.string(),
  kind: z.enum(['percent', 'fixed']),
  amount: z.number().int(),
  currency: Currency,
  minOrder: z.number().int(),
  /** How many more orders this viewer may use it on. */
  usesLeft: z.number().int().min(0),
  /** drop: claimed from a coupon drop; quiz: won; code: typed at checkout. */
  source: z.enum(['drop', 'quiz', 'code']),
  validUntil: z.string().nullable(),
});
export type HeldCoupon = z.infer<typeof HeldCoupon>;

export const ClaimCouponRequest = z.object({ viewerId: ViewerId, couponId: Id }).strict();
/** The claimed coupon, and the drop's quota left after this claim. */
export const ClaimCouponResponse = z.object({ coupon: HeldCoupon, quotaLeft: z.number().int().min(0) });

export const QuizAnswerRequest = z
  .object({
    viewerId: ViewerId,
    quizId: Id,
    choiceIndex: z.number().int().min(0).max(3),
    /** Relay-clock time at which this viewer's screen showed the quiz (the frame-accurate moment). */
    shownAt: z.number().finite(),
  })
  .strict();
export const QuizAnswerResponse = z.object({ accepted: z.literal(true), reactionMs: z.number() });

/** Asked by each viewer after the `quizResult` broadcast: only the viewer learns whether they won. */
export const QuizOutcome = z.object({
  quizId: Id,
  correctIndex: z.number().int(),
  you: z.enum(['won', 'correct', 'wrong', 'no_answer']),
  reward: HeldCoupon.nullable(),
});
export type QuizOutcome = z.infer<typeof QuizOutcome>;

export const PollVoteRequest = z.object({ viewerId: ViewerId, pollId: Id, choiceIndex: z.number().int().min(0).max(3) }).strict();
export const PollVoteResponse = z.object({ counts: z.array(z.number().int().min(0)) });

/** Funnel steps only the watch page sees happen (the relay counts "saw the card" and "ordered" itself). */
export const ViewerEventRequest = z.object({ viewerId: ViewerId, kind: z.enum(['card_open', 'checkout_start']), productId: Id }).strict();
