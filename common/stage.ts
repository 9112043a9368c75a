import { z } from 'zod';
import { Currency } from './commerce/money.js';
import { Id } from './commerce/catalog.js';

/**
 * The stage: what every viewer sees over the video right now (pinned product cards, a running
 * coupon drop, an open quiz, an open poll). The relay owns it; cues change it; a late joiner
 * gets it whole. `applyStageOp` is the one place its rules live.
 */
export const MAX_PINNED = 3;

export const ProductCard = z.object({
  productId: Id,
  name: z.string().max(80),
  /** Absolute URLs of the relay's product images (…/assets/<sha256>.<ext>). */
  imageUrls: z.array(z.url({ protocol: /^https?$/ }).max(400).regex(/\/assets\/[0-9a-f]{64}\.(png|jpg|webp)$/, 'image URLs must point at relay assets')).max(8),
  currency: Currency,
  price: z.number().int().min(0),
  salePrice: z.number().int().min(0).nullable(),
  stock: z.number().int().min(0),
  externalUrl: z.url({ protocol: /^https?$/, error: 'the product link must be http(s)' }).max(500).nullable(),
  /** A running 라이브 특가 (filled in by the relay as it sends; the page shows it until endsAt, relay clock). */
  liveSpecial: z.object({ price: z.number().int().min(0), endsAt: z.number() }).nullable().optional(),
  /** Sizes, colours… with their own stock; empty when the product has none. */
  options: z.array(z.object({ id: Id, name: z.string().max(60), stock: z.number().int().min(0) })).max(50).default([]),
});
export type ProductCard = z.infer<typeof ProductCard>;

export const CouponDrop = z.object({
  couponId: Id,
  code: z.string().max(20),
  kind: z.enum(['percent', 'fixed']),
  amount: z.number().int().min(1),
  currency: Currency,
  minOrder: z.number().int().min(0),
  quotaTotal: z.number().int().min(1),
  quotaLeft: z.number().int().min(0),
  /** Relay clock, ms since the epoch */
  endsAt: z.number(),
});
export type CouponDrop = z.infer<typeof CouponDrop>;

export const QuizOpen = z.object({
  quizId: Id,
  question: z.string().max(200),
  choices: z.array(z.string().max(80)).min(2).max(4),
  winners: z.number().int().min(1),
  endsAt: z.number(),
});
export type QuizOpen = z.infer<typeof QuizOpen>;

export const PollOpen = z.object({
  pollId: Id,
  question: z.string().max(200),
  choices: z.array(z.string().max(80)).min(2).max(4),
  counts: z.array(z.number().int().min(0)),
  endsAt: z.number().nullable(),
});
export type PollOpen = z.infer<typeof PollOpen>;

export const Stage = z.object({
  version: z.number().int().min(0),
  pinned: z.array(ProductCard).max(MAX_PINNED),
  coupon: CouponDrop.nullable(),
  quiz: QuizOpen.nullable(),
  poll: PollOpen.nullable(),
});
export type Stage = z.infer<typeof Stage>;

export const EMPTY_STAGE: Stage = { version: 0, pinned: [], coupon: null, quiz: null, poll: null };

const Duration = z.number().int().min(5, 'at least 5 seconds').max(3600, 'at most an hour');

/** What a fired cue does to the stage, with the data viewers need (resolved from the catalog by the studio). */
export const StageOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('pin'), cards: z.array(ProductCard).min(1).max(MAX_PINNED) }),
  z.object({ op: z.literal('unpin'), productId: Id }),
  z.object({ op: z.literal('clearCards') }),
  z.object({ op: z.literal('dropCoupon'), coupon: CouponDrop.omit({ endsAt: true, quotaLeft: true }), durationSec: Duration }),
  z.object({ op: z.literal('closeCoupon') }),
  z.object({ op: z.literal('openQuiz'), quiz: QuizOpen.omit({ endsAt: true }), durationSec: Duration }),
  z.object({ op: z.literal('closeQuiz') }),
  z.object({ op: z.literal('openPoll'), poll: PollOpen.omit({ endsAt: true, counts: true }), durationSec: Duration.nullable() }),
  z.object({ op: z.literal('closePoll') }),
]);
export type StageOp = z.infer<typeof StageOp>;

export type StageResult = { ok: true; stage: Stage } | { ok: false; code: 'too_many_pinned' | 'nothing_to_close'; message: string };

/** Applies one op at relay time `now`. Pure: returns a new stage (version + 1) or why not. */
export function applyStageOp(stage: Stage, op: StageOp, now: number): StageResult {
  const next = (patch: Partial<Stage>): StageResult => ({ ok: true, stage: { ...stage, ...patch, version: stage.version + 1 } });
  switch (op.op) {
    case 'pin': {
      const ids = new Set(op.cards.map((c) => c.productId));
      // Re-pinning a product refreshes its card in place; new ones go to the end.
      const kept = stage.pinned.map((c) => op.cards.find((n) => n.productId === c.productId) ?? c);
      const added = op.cards.filter((c) => !stage.pinned.some((p) => p.productId === c.productId));
      const pinned = [...kept, ...added];
      if (ids.size !== op.cards.length) return { ok: false, code: 'too_many_pinned', message: 'the same product is in the cue twice' };
      if (pinned.length > MAX_PINNED) return { ok: false, code: 'too_many_pinned', message: `at most ${MAX_PINNED} products can be pinned; unpin one first` };
      return next({ pinned });
    }
    case 'unpin':
      if (!stage.pinned.some((c) => c.productId === op.productId)) return { ok: false, code: 'nothing_to_close', message: 'that product is not pinned' };
      return next({ pinned: stage.pinned.filter((c) => c.productId !== op.productId) });
    case 'clearCards':
      return next({ pinned: [] });
    case 'dropCoupon':
      return next({ coupon: { ...op.coupon, quotaLeft: op.coupon.quotaTotal, endsAt: now + op.durationSec * 1000 } });
    case 'closeCoupon':
      return next({ coupon: null });
    case 'openQuiz':
      return next({ quiz: { ...op.quiz, endsAt: now + op.durationSec * 1000 } });
    case 'closeQuiz':
      return next({ quiz: null });
    case 'openPoll':
      return next({ poll: { ...op.poll, counts: op.poll.choices.map(() => 0), endsAt: op.durationSec === null ? null : now + op.durationSec * 1000 } });
    case 'closePoll':
      return next({ poll: null });
  }
}

/** Drops what has run out (a coupon or quiz past its end); returns the same object when nothing changed. */
export function expireStage(stage: Stage, now: number): Stage {
  const coupon = stage.coupon && stage.coupon.endsAt <= now ? null : stage.coupon;
  const quiz = stage.quiz && stage.quiz.endsAt <= now ? null : stage.quiz;
  const poll = stage.poll && stage.poll.endsAt !== null && stage.poll.endsAt <= now ? null : stage.poll;
  if (coupon === stage.coupon && quiz === stage.quiz && poll === stage.poll) return stage;
  return { ...stage, coupon, quiz, poll, version: stage.version + 1 };
}
