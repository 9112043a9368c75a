import { z } from 'zod';
import { Currency } from './commerce/money.js';

/**
 * The seller's numbers for a show: live (dashboard, pushed to the studio every ≤ 2 s while live)
 * and after the show (report). Computed by the relay from what it stored; a rehearsal has none.
 * Conversion = distinct buyers ÷ unique viewers (0 when nobody watched).
 */
const Count = z.number().int().min(0);

export const ProductNumbers = z.object({
  productId: z.string(),
  name: z.string(),
  /** Funnel: viewers connected while the card was pinned → tapped the card → opened checkout → ordered. */
  saw: Count,
  opened: Count,
  startedCheckout: Count,
  ordered: Count,
  units: Count,
  revenue: Count,
  stockLeft: Count,
});
export type ProductNumbers = z.infer<typeof ProductNumbers>;

export const SegmentNumbers = z.object({ segmentId: z.string(), title: z.string(), startedAt: z.string(), orders: Count, revenue: Count });
export type SegmentNumbers = z.infer<typeof SegmentNumbers>;

export const CouponNumbers = z.object({ couponId: z.string(), code: z.string(), quota: Count, claimed: Count, redeemed: Count, discountGiven: Count });
export const QuizNumbers = z.object({ quizId: z.string(), question: z.string(), answers: Count, correct: Count, winners: Count });
export const PollNumbers = z.object({ pollId: z.string(), question: z.string(), choices: z.array(z.string()), counts: z.array(Count) });

export const Dashboard = z.object({
  showId: z.string(),
  currency: Currency,
  at: z.number(),
  viewersNow: Count,
  viewersPeak: Count,
  uniqueViewers: Count,
  orders: Count,
  /** Orders not cancelled or refunded. */
  revenue: Count,
  buyers: Count,
  conversion: z.number().min(0),
  products: z.array(ProductNumbers),
  segments: z.array(SegmentNumbers),
  coupons: z.array(CouponNumbers),
  quizzes: z.array(QuizNumbers),
  polls: z.array(PollNumbers),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const Report = Dashboard.extend({
  title: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Viewer count sampled every 5 s while live. */
  viewersOverTime: z.array(z.object({ at: z.number(), viewers: Count })),
  /** Fired cues, for markers on the same time axis. */
  cues: z.array(z.object({ at: z.number(), label: z.string() })),
  /** Buyers of this show who also bought in an earlier show of this relay (matched by device or phone). */
  repeatBuyers: Count,
  /** The chat (docs/chat.md): how much viewers talked and what moderation did. */
  chat: z.object({
    messages: Count,
    questions: Count,
    answered: Count,
    hearts: Count,
    /** Messages the word and link lists stopped before anyone saw them. */
    blocked: Count,
    removed: Count,
    /** Every moderation action, oldest first (at most the last 500). */
    actions: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), detail: z.string().nullable() })).max(500),
  }),
});
export type Report = z.infer<typeof Report>;
