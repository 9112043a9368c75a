import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../common/stage.js';
import type { WatchApi } from './commerce-api.js';
import { CommerceStore } from './commerce-store.js';
import { overlay, withStock, NO_FACTS } from '../../../common/stage-overlay.js';
import type { KeyValueStore } from './local-store.js';
import { saveRestockAsked } from './restock-memory.js';

/** 라이브 특가 and 재입고 알림 in the watch page's commerce store (docs/live-selling.md). */
function store(api: Partial<Record<keyof WatchApi, unknown>>, storage: KeyValueStore | null = null) {
  return new CommerceStore({ api: api as unknown as WatchApi, token: 'tok', storage, relayNow: () => 1_000, setTimer: () => 0, clearTimer: () => undefined, monoNow: () => 0 });
}

/** One device's localStorage, shared by the stores a test builds (a reload is a new store on the same storage). */
function deviceStorage(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const welcome = { type: 'welcome' } as unknown as Parameters<CommerceStore['onMessage']>[0];
const watch = (productId: string, optionId: string | null, notifiedAt: number | null) => ({ productId, optionId, notifiedAt });
const settle = () => new Promise((r) => setTimeout(r, 0));

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

  it('remembers the request across a reload: still "requested", and the notice still comes through', async () => {
    const device = deviceStorage();
    const before = store({ requestRestock: async () => ({ ok: true, status: 200, data: [watch('coat', 'black-l', null)] }) }, device);
    await before.askRestock('coat', 'black-l');
    const after = store({ restockRequests: async () => ({ ok: true, status: 200, data: [watch('coat', 'black-l', null)] }) }, device);
    expect(after.getSnapshot().restockAsked).toEqual(['coat/black-l']);
    after.onMessage(welcome);
    await settle();
    expect(after.getSnapshot().restockAsked).toEqual(['coat/black-l']);
    after.onMessage({ type: 'restocked', productId: 'coat', optionId: 'black-l', stock: 10 });
    expect(after.getSnapshot().restockNotice).toEqual({ productId: 'coat', optionId: 'black-l' });
    // Told once: the next reload neither shows it as requested nor lets another notice through.
    const later = store({}, device);
    expect(later.getSnapshot().restockAsked).toEqual([]);
  });

  it('on (re)connecting, takes the relay’s list and shows a restock that happened while the page was away', async () => {
    const device = deviceStorage();
    saveRestockAsked(device, 'tok', ['coat/black-l', 'tee/', 'ghost/']);
    const s = store({ restockRequests: async () => ({ ok: true, status: 200, data: [watch('coat', 'black-l', 5_000), watch('tee', null, null), watch('hat', null, 4_000)] }) }, device);
    s.onMessage(welcome);
    await settle();
    // ghost/: the relay does not hold it for this device; hat/: answered but never remembered here (no notice for it).
    expect(s.getSnapshot().restockAsked).toEqual(['tee/']);
    expect(s.getSnapshot().restockNotice).toEqual({ productId: 'coat', optionId: 'black-l' });
    expect(store({}, device).getSnapshot().restockAsked).toEqual(['tee/']);
  });

  it('keeps what the device remembers when the relay cannot be asked, and asks nothing when nothing was asked', async () => {
    const device = deviceStorage();
    let asked = 0;
    const api = { restockRequests: async () => (asked++, { ok: false, error: { code: 'network', status: 0, message: null } }) };
    store(api, device).onMessage(welcome);
    await settle();
    expect(asked).toBe(0);
    saveRestockAsked(device, 'tok', ['coat/black-l']);
    const s = store(api, device);
    s.onMessage(welcome);
    await settle();
    expect(asked).toBe(1);
    expect(s.getSnapshot().restockAsked).toEqual(['coat/black-l']);
    expect(s.getSnapshot().restockNotice).toBeNull();
  });
});
