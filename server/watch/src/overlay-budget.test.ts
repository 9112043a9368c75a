import { describe, expect, it } from 'vitest';
import { arrange, OVERLAY_SHARE } from './overlay-budget.js';

describe('dock arrangement', () => {
  it('puts the newest interaction first and reports what arrived', () => {
    const seen = new Map<string, number>();
    const counter = { n: 0 };
    expect(arrange(seen, ['coupon:c1'], counter)).toEqual({ order: ['coupon:c1'], arrived: ['coupon:c1'] });
    expect(arrange(seen, ['coupon:c1', 'poll:p1'], counter)).toEqual({ order: ['poll:p1', 'coupon:c1'], arrived: ['poll:p1'] });
    // Nothing new: same order, nothing arrived (the viewer's own choice of what is open stays).
    expect(arrange(seen, ['poll:p1', 'coupon:c1'], counter)).toEqual({ order: ['poll:p1', 'coupon:c1'], arrived: [] });
  });

  it('forgets a key that went, so the same key coming back counts as new', () => {
    const seen = new Map<string, number>();
    const counter = { n: 0 };
    arrange(seen, ['quiz:q1', 'poll:p1'], counter);
    arrange(seen, ['poll:p1'], counter);
    expect(seen.has('quiz:q1')).toBe(false);
    expect(arrange(seen, ['poll:p1', 'quiz:q1'], counter)).toEqual({ order: ['quiz:q1', 'poll:p1'], arrived: ['quiz:q1'] });
  });

  it('declares a share that leaves most of the picture free', () => {
    expect(OVERLAY_SHARE).toBeGreaterThan(0);
    expect(OVERLAY_SHARE).toBeLessThanOrEqual(0.4);
  });
});
