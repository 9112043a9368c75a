import { describe, expect, it } from 'vitest';
import type { StageOp } from '../../../common/stage.js';
import { cueLabel } from './cue-labels.js';

const card = (productId: string, name: string) => ({ productId, name, imageUrls: [], currency: 'KRW' as const, price: 1000, salePrice: null, stock: 1, externalUrl: null, options: [] });
const name = (id: string) => (id === 'p1' ? '셔츠' : id);

describe('cue labels', () => {
  it('names what each cue did', () => {
    const cases: [StageOp, string][] = [
      [{ op: 'pin', cards: [card('p1', '셔츠'), card('p2', '바지')] }, 'Pinned: 셔츠, 바지'],
      [{ op: 'unpin', productId: 'p1' }, 'Unpinned: 셔츠'],
      [{ op: 'clearCards' }, 'Cleared cards'],
      [{ op: 'dropCoupon', coupon: { couponId: 'c', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 5 }, durationSec: 60 }, 'Coupon: LIVE10'],
      [{ op: 'closeCoupon' }, 'Coupon closed'],
      [{ op: 'openQuiz', quiz: { quizId: 'q', question: '소재는?', choices: ['a', 'b'], winners: 1 }, durationSec: 10 }, 'Quiz: 소재는?'],
      [{ op: 'closeQuiz' }, 'Quiz closed'],
      [{ op: 'openPoll', poll: { pollId: 'p', question: '색상?', choices: ['a', 'b'] }, durationSec: null }, 'Poll: 색상?'],
      [{ op: 'closePoll' }, 'Poll closed'],
    ];
    for (const [op, label] of cases) expect(cueLabel(op, name)).toBe(label);
  });

  it('keeps labels short', () => {
    const long = cueLabel({ op: 'openQuiz', quiz: { quizId: 'q', question: 'x'.repeat(200), choices: ['a', 'b'], winners: 1 }, durationSec: 10 }, name);
    expect(long.length).toBe(120);
    expect(long.endsWith('…')).toBe(true);
  });
});
