import { describe, expect, it } from 'vitest';
import { filterShelf, markUsed, MAX_RECENT, shelfItems, type ShelfItem } from './shelf-items.js';

const product = (id: string, name: string, options: string[] = []) => ({ id, name, options: options.map((o, i) => ({ id: `${id}${i}`, name: o, stock: 1 })), stock: 5 }) as never;
const items: ShelfItem[] = shelfItems({
  products: [product('coat', '울 코트', ['네이비 M', '블랙 L']), product('tee', '기본 티셔츠'), product('navy', 'Navy Cardigan')],
  coupons: [{ id: 'c1', code: 'LIVE10' } as never],
  quizzes: [{ id: 'q1', question: '오늘 코트 색은?', choices: ['네이비', '블랙'] } as never],
  polls: [{ id: 'p1', question: '다음 상품은?', choices: ['티', '코트'] } as never],
});
const keys = (list: ShelfItem[]) => list.map((i) => i.key);

describe('live shelf', () => {
  it('lists every product, coupon, quiz and poll as a cue the run-down would fire (Korean names sort before Latin)', () => {
    expect(keys(filterShelf(items, '', []))).toEqual(['product:tee', 'product:coat', 'product:navy', 'coupon:c1', 'quiz:q1', 'poll:p1']);
    expect(items.find((i) => i.key === 'coupon:c1')!.action).toEqual({ kind: 'dropCoupon', couponId: 'c1', durationSec: 120 });
    expect(items.find((i) => i.key === 'product:tee')!.action).toEqual({ kind: 'showProducts', productIds: ['tee'] });
  });

  it('filters by every typed word, in labels, option names, codes and choices, ignoring case and Unicode form', () => {
    expect(keys(filterShelf(items, '네이비', []))).toEqual(['product:coat', 'quiz:q1']);
    expect(keys(filterShelf(items, 'navy', []))).toEqual(['product:navy']);
    expect(keys(filterShelf(items, 'live10', []))).toEqual(['coupon:c1']);
    expect(keys(filterShelf(items, '코트 블랙', []))).toEqual(['product:coat', 'quiz:q1']);
    expect(keys(filterShelf(items, '울 코트'.normalize('NFD'), []))).toEqual(['product:coat']);
    expect(filterShelf(items, '없는상품', [])).toEqual([]);
  });

  it('puts recently fired things first, most recent first', () => {
    let recent: string[] = [];
    recent = markUsed(recent, 'poll:p1');
    recent = markUsed(recent, 'product:tee');
    expect(keys(filterShelf(items, '', recent)).slice(0, 3)).toEqual(['product:tee', 'poll:p1', 'product:coat']);
    recent = markUsed(recent, 'poll:p1');
    expect(recent).toEqual(['poll:p1', 'product:tee']);
    for (let i = 0; i < 30; i++) recent = markUsed(recent, `x:${i}`);
    expect(recent).toHaveLength(MAX_RECENT);
    expect(recent[0]).toBe('x:29');
  });
});
