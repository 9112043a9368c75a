import { describe, expect, it } from 'vitest';
import { EMPTY_STAGE, type ProductCard, type Stage } from './stage.js';
import { mergeCounts, NO_FACTS, overlay, withQuota, withStock, withTally } from './stage-overlay.js';

const card = (productId: string, stock: number): ProductCard => ({ productId, name: productId, imageUrls: [], currency: 'KRW', price: 10000, salePrice: null, stock, externalUrl: null, options: [] });
const stage: Stage = {
  ...EMPTY_STAGE,
  version: 3,
  pinned: [card('shirt', 10), card('bag', 5)],
  coupon: { couponId: 'c1', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 100, quotaLeft: 100, endsAt: 1 },
  poll: { pollId: 'p1', question: '?', choices: ['a', 'b'], counts: [3, 1], endsAt: null },
};

describe('live facts over the stage', () => {
  it('sets a card’s stock from the latest broadcast; 0 is sold out', () => {
    const facts = withStock(NO_FACTS, [{ productId: 'shirt', optionId: null, stock: 0 }]);
    const out = overlay(stage, facts);
    expect(out.pinned.map((c) => c.stock)).toEqual([0, 5]);
    expect(out.version).toBe(3);
  });

  it('totals a product’s options when only option stock is sent', () => {
    let facts = withStock(NO_FACTS, [
      { productId: 'bag', optionId: 'S', stock: 2 },
      { productId: 'bag', optionId: 'M', stock: 1 },
    ]);
    expect(overlay(stage, facts).pinned[1]!.stock).toBe(3);
    facts = withStock(facts, [{ productId: 'bag', optionId: 'M', stock: 0 }]);
    expect(overlay(stage, facts).pinned[1]!.stock).toBe(2);
  });

  it('lowers the coupon quota, never raises it from an older snapshot', () => {
    expect(overlay(stage, withQuota(NO_FACTS, 'c1', 40)).coupon!.quotaLeft).toBe(40);
    const lower = { ...stage, coupon: { ...stage.coupon!, quotaLeft: 20 } };
    expect(overlay(lower, withQuota(NO_FACTS, 'c1', 40)).coupon!.quotaLeft).toBe(20);
    expect(overlay(stage, withQuota(NO_FACTS, 'other', 0)).coupon!.quotaLeft).toBe(100);
  });

  it('merges poll counts choice by choice (answers arrive in any order)', () => {
    expect(mergeCounts([3, 1], [2, 4])).toEqual([3, 4]);
    expect(mergeCounts(undefined, [1, 2])).toEqual([1, 2]);
    const facts = withTally(withTally(NO_FACTS, 'p1', [5, 2]), 'p1', [4, 3]);
    expect(overlay(stage, facts).poll!.counts).toEqual([5, 3]);
  });

  it('returns the same stage object when nothing changes (no needless renders)', () => {
    expect(overlay(stage, NO_FACTS)).toBe(stage);
    expect(overlay(stage, withStock(NO_FACTS, [{ productId: 'shirt', optionId: null, stock: 10 }]))).toBe(stage);
  });
});
