import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../common/stage.js';
import type { WatchApi } from './commerce-api.js';
import { CommerceStore } from './commerce-store.js';
import { overlay, withStock, NO_FACTS } from './live-overlay.js';

/** 라이브 특가 and 재입고 알림 in the watch page's commerce store (docs/live-selling.md). */
function store(api: Partial<Record<keyof WatchApi, unknown>>) {
  return new CommerceStore({ api: api as unknown as WatchApi, token: 'tok', storage: null, relayNow: () => 1_000, setTimer: () => 0, clearTimer: () => undefined, monoNow: () => 0 });
}

describe('live specials and restock requests on the watch page', () => {
  it('keeps the latest special per product; an early end is remembered as null (wins over the card)', () => {
    const s = store({});
    s.onMessage({ type: 'special', productId: 'coat', price: 99000, endsAt: 60_000 });
    expect(s.getSnapshot().specials.coat).toEqual({ price: 99000, endsAt: 60_000 });
    s.onMessage({ type: 'special', productId: 'coat', price: null, endsAt: null });
    expect(s.getSnapshot().specials.coat).toBeNull();
  });

  it('shows the restocked notice only on the device that asked, once', async () => {
    const s = store({ requestRestock: async () => ({ ok: true, status: 200, data: [{ productId: 'coat', optionId: 'black-l', notifiedAt: null }] }) });
    s.onMessage({ type: 'restocked', productId: 'coat', optionId: 'black-l', stock: 10 });
    expect(s.getSnapshot().restockNotice).toBeNull(); // not asked yet: someone else's request
    await s.askRestock('coat', 'black-l');
    expect(s.getSnapshot().restockAsked).toEqual(['coat/black-l']);
    s.onMessage({ type: 'restocked', productId: 'coat', optionId: 'navy-m', stock: 3 });
    expect(s.getSnapshot().restockNotice).toBeNull(); // another line
    s.onMessage({ type: 'restocked', productId: 'coat', optionId: 'black-l', stock: 10 });
    expect(s.getSnapshot().restockNotice).toEqual({ productId: 'coat', optionId: 'black-l' });
    expect(s.getSnapshot().restockAsked).toEqual([]);
    s.dismissRestockNotice();
    s.onMessage({ type: 'restocked', productId: 'coat', optionId: 'black-l', stock: 12 });
    expect(s.getSnapshot().restockNotice).toBeNull();
  });

  it('a refused request (limit reached) changes nothing', async () => {
    const s = store({ requestRestock: async () => ({ ok: false, status: 409, error: { code: 'restock_limit', status: 409, message: null } }) });
    await s.askRestock('coat', 'black-l');
    expect(s.getSnapshot().restockAsked).toEqual([]);
  });

  it('lays restocked option stock over a pinned card', () => {
    const card = { productId: 'coat', stock: 3, options: [{ id: 'black-l', name: '블랙 L', stock: 0 }, { id: 'navy-m', name: '네이비 M', stock: 3 }] };
    const stage = { pinned: [card], coupon: null, quiz: null, poll: null } as unknown as Stage;
    const facts = withStock(NO_FACTS, [{ productId: 'coat', optionId: null, stock: 13 }, { productId: 'coat', optionId: 'black-l', stock: 10 }]);
    const shown = overlay(stage, facts).pinned[0]!;
    expect(shown.stock).toBe(13);
    expect(shown.options.map((o) => o.stock)).toEqual([10, 3]);
  });
});
