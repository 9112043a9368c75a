import { describe, expect, it } from 'vitest';
import { applyStageOp, EMPTY_STAGE, expireStage, type ProductCard, type Stage } from './stage.js';

const card = (id: string, stock = 5): ProductCard => ({ productId: id, name: id, imageUrls: [], currency: 'KRW', price: 10000, salePrice: null, stock, externalUrl: null, options: [] });
const ok = (r: ReturnType<typeof applyStageOp>): Stage => {
  if (!r.ok) throw new Error(r.message);
  return r.stage;
};

describe('stage rules', () => {
  it('pins up to three products, refreshing a re-pinned one in place', () => {
    let s = ok(applyStageOp(EMPTY_STAGE, { op: 'pin', cards: [card('a'), card('b')] }, 0));
    expect(s.pinned.map((c) => c.productId)).toEqual(['a', 'b']);
    expect(s.version).toBe(1);
    s = ok(applyStageOp(s, { op: 'pin', cards: [card('a', 1), card('c')] }, 0));
    expect(s.pinned.map((c) => [c.productId, c.stock])).toEqual([['a', 1], ['b', 5], ['c', 5]]);
    const fourth = applyStageOp(s, { op: 'pin', cards: [card('d')] }, 0);
    expect(fourth).toMatchObject({ ok: false, code: 'too_many_pinned' });
    expect(applyStageOp(EMPTY_STAGE, { op: 'pin', cards: [card('a'), card('a')] }, 0)).toMatchObject({ ok: false });
    s = ok(applyStageOp(s, { op: 'unpin', productId: 'b' }, 0));
    expect(s.pinned.map((c) => c.productId)).toEqual(['a', 'c']);
    expect(applyStageOp(s, { op: 'unpin', productId: 'zz' }, 0)).toMatchObject({ ok: false, code: 'nothing_to_close' });
    expect(ok(applyStageOp(s, { op: 'clearCards' }, 0)).pinned).toEqual([]);
  });

  it('runs a coupon, quiz and poll on the relay clock and expires them', () => {
    let s = ok(applyStageOp(EMPTY_STAGE, { op: 'dropCoupon', coupon: { couponId: 'c', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 60 }, 1000));
    expect(s.coupon).toMatchObject({ quotaLeft: 100, endsAt: 61_000 });
    s = ok(applyStageOp(s, { op: 'openQuiz', quiz: { quizId: 'q', question: '?', choices: ['a', 'b'], winners: 3 }, durationSec: 30 }, 1000));
    s = ok(applyStageOp(s, { op: 'openPoll', poll: { pollId: 'p', question: '?', choices: ['x', 'y', 'z'] }, durationSec: null }, 1000));
    expect(s.poll).toMatchObject({ counts: [0, 0, 0], endsAt: null });
    expect(expireStage(s, 30_000)).toBe(s);
    const afterQuiz = expireStage(s, 31_000);
    expect(afterQuiz.quiz).toBeNull();
    expect(afterQuiz.coupon).not.toBeNull();
    expect(afterQuiz.version).toBe(s.version + 1);
    const afterAll = expireStage(afterQuiz, 61_000);
    expect(afterAll.coupon).toBeNull();
    expect(afterAll.poll).not.toBeNull();
  });
});
