import { describe, expect, it } from 'vitest';
import { CartStore, type CartItem } from './cart-store.js';

const item = (productId: string, quantity = 1, optionId: string | null = null): CartItem => ({ productId, optionId, quantity, name: productId, optionName: null, currency: 'KRW' });

describe('the viewer cart', () => {
  it('adds the same product and option to one line, and other options as their own lines', () => {
    const c = new CartStore();
    c.add(item('tee'));
    c.add(item('tee', 2));
    c.add(item('coat', 1, 'm'));
    c.add(item('coat', 1, 'l'));
    expect(c.getSnapshot().map((i) => [i.productId, i.optionId, i.quantity])).toEqual([['tee', null, 3], ['coat', 'm', 1], ['coat', 'l', 1]]);
  });
  it('stops at ten lines and at 99 of one line, and tells listeners', () => {
    const c = new CartStore();
    let heard = 0;
    c.subscribe(() => heard++);
    for (let i = 0; i < 10; i++) expect(c.add(item(`p${i}`))).toBe(true);
    expect(c.add(item('p10'))).toBe(false);
    c.add(item('p0', 200));
    expect(c.getSnapshot()[0]!.quantity).toBe(99);
    c.remove(0);
    expect(c.getSnapshot()).toHaveLength(9);
    expect(heard).toBe(12);
  });
});
