import { describe, expect, it } from 'vitest';
import { objectParticle, STRINGS } from './i18n-commerce.js';
import { ToastQueue } from './toast-queue.js';

describe('ToastQueue', () => {
  it('never shows more than two; the rest wait their turn', () => {
    const q = new ToastQueue<string>({ maxVisible: 2, showMs: 4000 });
    q.push(['a', 'b', 'c'], 0);
    expect(q.visible.map((t) => t.item)).toEqual(['a', 'b']);
    expect(q.pending).toBe(1);
    expect(q.nextChangeAt()).toBe(4000);
    expect(q.tick(3999)).toBe(false);
    expect(q.tick(4000)).toBe(true);
    expect(q.visible.map((t) => t.item)).toEqual(['c']);
    q.tick(8000);
    expect(q.visible).toHaveLength(0);
    expect(q.nextChangeAt()).toBeNull();
  });

  it('keeps only the newest few waiting in a burst', () => {
    const q = new ToastQueue<number>({ maxVisible: 2, maxWaiting: 3 });
    q.push([1, 2, 3, 4, 5, 6, 7, 8], 0);
    expect(q.visible.map((t) => t.item)).toEqual([1, 2]);
    expect(q.pending).toBe(3);
    q.push([9], 10);
    expect(q.pending).toBe(3);
    q.tick(100_000);
    expect(q.visible.map((t) => t.item)).toEqual([7, 8]);
  });

  it('fills a free slot at once when one notice leaves', () => {
    const q = new ToastQueue<string>({ maxVisible: 2, showMs: 1000 });
    q.push(['a'], 0);
    q.push(['b'], 500);
    q.push(['c'], 600);
    expect(q.visible.map((t) => t.item)).toEqual(['a', 'b']);
    q.tick(1000);
    expect(q.visible.map((t) => t.item)).toEqual(['b', 'c']);
  });
});

describe('purchase notices', () => {
  it('use the right Korean particle', () => {
    expect(objectParticle('린넨 셔츠')).toBe('를');
    expect(objectParticle('가방')).toBe('을');
    expect(objectParticle('T-shirt')).toBe('을(를)');
    expect(STRINGS.ko.bought('김**', '린넨 셔츠', 1)).toBe('김**님이 린넨 셔츠를 구매했어요');
    expect(STRINGS.ko.bought('이**', '에코백', 2)).toBe('이**님이 에코백 2개를 구매했어요');
    expect(STRINGS.en.bought('김**', 'Linen shirt', 1)).toBe('김** just bought Linen shirt');
    expect(STRINGS.en.bought('김**', 'Linen shirt', 3)).toBe('김** just bought 3 × Linen shirt');
  });
});
