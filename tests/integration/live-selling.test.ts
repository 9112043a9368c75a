import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../common/stage.js';
import { call, checkoutBody, footprint, randomId, sampleCatalog, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/** Improvising live on the real relay (docs/live-selling.md): restock by delta/CAS, 라이브 특가, 재입고 알림, current numbers on re-fired cues. */
let relay: RunningRelay;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

const adjust = (showId: string, body: unknown) => call(relay, 'POST', `/api/shows/${showId}/stock/adjust`, body);
const stockOf = async (showId: string, productId: string, optionId: string | null = null) => {
  const levels = (await call<{ productId: string; optionId: string | null; stock: number }[]>(relay, 'GET', `/api/shows/${showId}/stock`)).body;
  return levels.find((l) => l.productId === productId && l.optionId === optionId)!.stock;
};
const viewerSocket = async (token: string, viewerId?: string) => {
  const v = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
  await v.opened;
  v.send({ type: 'hello', token, ...(viewerId ? { viewerId } : {}) });
  const welcome = await v.next('welcome');
  return { v, welcome };
};
const fire = (showId: string, baseVersion: number, op: unknown) => call<Stage>(relay, 'POST', `/api/shows/${showId}/cues`, { firingId: randomId('f'), baseVersion, captureMs: null, op });
const teeCard = { productId: 'tee', name: '기본 티셔츠', imageUrls: [], currency: 'KRW', price: 20000, salePrice: 15000, stock: 10, externalUrl: null };
const dropOp = { op: 'dropCoupon', coupon: { couponId: 'c10', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 60 };

describe('live restock and stock correction', () => {
  it('adds stock by a delta while orders run concurrently: no sale is lost', async () => {
    const shop = await shopShow(relay);
    const buyers = await Promise.all([1, 2, 3, 4].map(() => shop.viewer()));
    const results = await Promise.all([
      ...buyers.map((b) => shop.w('POST', '/orders', checkoutBody(b, { payment: 'cash_on_delivery' }))),
      adjust(shop.show.id, { productId: 'tee', optionId: null, delta: 10 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 200]);
    // 10 at hand-off − 4 sold + 10 found in the back, whatever the interleaving.
    expect(await stockOf(shop.show.id, 'tee')).toBe(16);
    expect(footprint(relay, shop.show.id).orders).toBe(4);
  });

  it('applies a compare-and-set only if the relay still holds what the studio saw, and says the current level otherwise', async () => {
    const shop = await shopShow(relay);
    const buyer = await shop.viewer();
    expect((await shop.w('POST', '/orders', checkoutBody(buyer, { payment: 'cash_on_delivery' }))).status).toBe(201); // 10 → 9 after the studio looked
    const before = footprint(relay, shop.show.id);
    const stale = await adjust(shop.show.id, { productId: 'tee', optionId: null, delta: 5, expectedStock: 10 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'stock_changed', message: expect.stringMatching(/holds 9/) });
    expect(footprint(relay, shop.show.id)).toEqual(before);
    const fresh = await adjust(shop.show.id, { productId: 'tee', optionId: null, delta: 5, expectedStock: 9 });
    expect(fresh.body).toEqual({ productId: 'tee', optionId: null, stock: 14, notified: 0 });
    expect((await adjust(shop.show.id, { productId: 'coat', optionId: 'm', delta: -3 })).body).toMatchObject({ stock: 0 });
  });

  it('tells the studio and viewers the new level (a card total for a product with options)', async () => {
    const shop = await shopShow(relay);
    const { v } = await viewerSocket(shop.token);
    await adjust(shop.show.id, { productId: 'coat', optionId: 'l', delta: 10 });
    const msg = await v.next('stock');
    expect(msg.items).toEqual(expect.arrayContaining([{ productId: 'coat', optionId: 'l', stock: 12 }, { productId: 'coat', optionId: null, stock: 15 }]));
    v.ws.close();
  });

  it('refuses bad corrections with their codes and changes nothing', async () => {
    const shop = await shopShow(relay);
    const before = footprint(relay, shop.show.id);
    const cases: [unknown, number, string][] = [
      [{ productId: 'tee', optionId: null, delta: -11 }, 409, 'stock_below_zero'],
      [{ productId: 'tee', optionId: null, delta: 0 }, 400, 'bad_request'],
      [{ productId: 'tee', optionId: null, delta: 1.5 }, 400, 'bad_request'],
      [{ productId: 'tee', optionId: null, stock: 50 }, 400, 'bad_request'], // an absolute figure is not a thing the relay takes
      [{ productId: 'tee', optionId: null, delta: 1, expectedStock: -1 }, 400, 'bad_request'],
      [{ productId: 'ghost', optionId: null, delta: 1 }, 400, 'unknown_product'],
      [{ productId: 'coat', optionId: null, delta: 1 }, 400, 'option_required'],
      [{ productId: 'coat', optionId: 'xxl', delta: 1 }, 400, 'unknown_option'],
      [{ productId: 'tee', optionId: null, delta: 2_000_000 }, 400, 'bad_request'],
    ];
    for (const [body, status, code] of cases) {
      const r = await adjust(shop.show.id, body);
      expect({ status: r.status, error: r.body.error }).toEqual({ status, error: code });
    }
    expect((await call(relay, 'POST', `/api/shows/${shop.show.id}/stock/adjust`, { productId: 'tee', optionId: null, delta: 1 }, { key: null })).status).toBe(401);
    expect(footprint(relay, shop.show.id)).toEqual(before);
  });
});

describe('라이브 특가 (live special price)', () => {
  it('prices orders by the special only while it lasts, by the relay clock', async () => {
    const shop = await shopShow(relay);
    const buyer = await shop.viewer();
    const order = (expectedTotal: number) => shop.w('POST', '/orders', checkoutBody(buyer, { payment: 'cash_on_delivery', expectedTotal }));
    // before: sale price 15000 + shipping 3000
    expect((await order(18000)).status).toBe(201);
    const started = await call(relay, 'POST', `/api/shows/${shop.show.id}/specials`, { productId: 'tee', price: 9900, minutes: 5 });
    expect(started.status).toBe(201);
    expect((started.body.endsAt as number) - Date.now()).toBeGreaterThan(4 * 60_000);
    // during: the special price; the old total is refused with the relay's
    expect((await shop.w('POST', '/quote', { viewerId: buyer, line: { productId: 'tee', optionId: null, quantity: 1 }, couponCode: null })).body).toMatchObject({ total: 12900 });
    expect((await order(18000)).body).toMatchObject({ error: 'total_mismatch', message: expect.stringMatching(/12900/) });
    expect((await order(12900)).status).toBe(201);
    // after: the deadline passes on the relay's clock (moved into the past in its SQLite file)
    const db = new Database(path.join(relay.dataDir, 'relay.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE live_specials SET ends_at = ? WHERE show_id = ?').run(Date.now() - 1, shop.show.id);
    db.close();
    expect((await order(12900)).body).toMatchObject({ error: 'total_mismatch' });
    expect((await order(18000)).status).toBe(201);
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}/specials`)).body).toEqual([]);
  });

  it('shows a pinned card with the special to viewers and late joiners, and ends early on request', async () => {
    const shop = await shopShow(relay);
    expect((await fire(shop.show.id, 0, { op: 'pin', cards: [teeCard] })).status).toBe(200);
    const { v } = await viewerSocket(shop.token);
    await call(relay, 'POST', `/api/shows/${shop.show.id}/specials`, { productId: 'tee', price: 9900, minutes: 3 });
    expect(await v.next('special')).toMatchObject({ productId: 'tee', price: 9900, endsAt: expect.any(Number) });
    const late = await viewerSocket(shop.token);
    expect((late.welcome.stage as Stage).pinned[0]!.liveSpecial).toMatchObject({ price: 9900 });
    expect((await call(relay, 'POST', `/api/shows/${shop.show.id}/specials/end`, { productId: 'tee' })).body).toEqual([]);
    expect(await v.next('special')).toEqual({ type: 'special', productId: 'tee', price: null, endsAt: null });
    const after = await viewerSocket(shop.token);
    expect((after.welcome.stage as Stage).pinned[0]!.liveSpecial).toBeNull();
    for (const s of [v, late.v, after.v]) s.ws.close();
  });

  it('refuses a special that is not lower, too long, or for an unknown product', async () => {
    const shop = await shopShow(relay);
    const start = (body: unknown) => call(relay, 'POST', `/api/shows/${shop.show.id}/specials`, body);
    expect((await start({ productId: 'tee', price: 15000, minutes: 5 })).body.error).toBe('special_price');
    expect((await start({ productId: 'tee', price: 100, minutes: 181 })).body.error).toBe('bad_request');
    expect((await start({ productId: 'tee', price: 100, minutes: 0 })).body.error).toBe('bad_request');
    expect((await start({ productId: 'tee', price: 0, minutes: 5 })).body.error).toBe('bad_request');
    expect((await start({ productId: 'tee', price: -100, minutes: 5 })).body.error).toBe('bad_request');
    expect((await start({ productId: 'tee', price: 99.5, minutes: 5 })).body.error).toBe('bad_request');
    expect((await start({ productId: 'ghost', price: 100, minutes: 5 })).body.error).toBe('unknown_product');
    expect((await start({ productId: 'tee', price: 100, minutes: 5, endsAt: 9e15 })).body.error).toBe('bad_request');
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}/specials`)).body).toEqual([]);
  });
});

describe('재입고 알림 (back-in-stock requests)', () => {
  it('stores a request per device on a sold-out option, counts it for the host and answers it on restock', async () => {
    const shop = await shopShow(relay);
    const buyer = await shop.viewer();
    const waiter = await shop.viewer();
    const ask = (viewerId: string) => shop.w('POST', '/restock-requests', { viewerId, productId: 'coat', optionId: 'l' });
    expect((await ask(waiter)).body).toMatchObject({ error: 'in_stock' });
    expect((await shop.w('POST', '/orders', checkoutBody(buyer, { payment: 'cash_on_delivery', line: { productId: 'coat', optionId: 'l', quantity: 2 }, expectedTotal: 240000 }))).status).toBe(201);
    expect((await ask(waiter)).body).toEqual([{ productId: 'coat', optionId: 'l', notifiedAt: null }]);
    expect((await ask(waiter)).body).toHaveLength(1); // asking twice is one request
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}/restock-requests`)).body).toEqual([{ productId: 'coat', optionId: 'l', waiting: 1 }]);
    const { v } = await viewerSocket(shop.token, waiter);
    // A device in the same show that did not ask: it must get no restock notice at all.
    const bystander = (await viewerSocket(shop.token, await shop.viewer())).v;
    const bystanderTypes: unknown[] = [];
    bystander.ws.on('message', (d) => bystanderTypes.push((JSON.parse(d.toString()) as { type: unknown }).type));
    const r = await adjust(shop.show.id, { productId: 'coat', optionId: 'l', delta: 10, expectedStock: 0 });
    expect(r.body).toEqual({ productId: 'coat', optionId: 'l', stock: 10, notified: 1 });
    expect(await v.next('restocked')).toEqual({ type: 'restocked', productId: 'coat', optionId: 'l', stock: 10 });
    // A broadcast sent after the restock reaches the bystander behind anything the restock sent it (one ordered socket).
    expect((await call(relay, 'POST', `/api/shows/${shop.show.id}/specials`, { productId: 'tee', price: 100, minutes: 5 })).status).toBeLessThan(300);
    await bystander.take('special');
    expect(bystanderTypes).toContain('special');
    expect(bystanderTypes).not.toContain('restocked');
    bystander.ws.close();
    // A device that comes back later reads it from its stored requests.
    const mine = (await shop.mine('/restock-requests', waiter)).body as unknown as { notifiedAt: number | null }[];
    expect(mine[0]!.notifiedAt).toEqual(expect.any(Number));
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}/restock-requests`)).body).toEqual([]);
    v.ws.close();
  });

  it('keeps a request across the device’s reconnect (keyed by its id) and tells only that device’s new socket', async () => {
    const shop = await shopShow(relay);
    const waiter = await shop.viewer();
    expect((await shop.w('POST', '/orders', checkoutBody(await shop.viewer(), { payment: 'cash_on_delivery', line: { productId: 'coat', optionId: 'l', quantity: 2 }, expectedTotal: 240000 }))).status).toBe(201);
    const first = await viewerSocket(shop.token, waiter);
    expect(first.welcome.viewerId).toBe(waiter);
    expect((await shop.w('POST', '/restock-requests', { viewerId: waiter, productId: 'coat', optionId: 'l' })).status).toBe(200);
    // The page reloads: its socket goes, a new one says hello with the same device id.
    first.v.ws.close();
    await new Promise((r) => first.v.ws.once('close', r));
    const again = await viewerSocket(shop.token, waiter);
    expect(again.welcome.viewerId).toBe(waiter);
    expect((await shop.mine('/restock-requests', waiter)).body).toEqual([{ productId: 'coat', optionId: 'l', notifiedAt: null }]);
    // Another device, and a socket claiming an id the relay never issued (it gets an id of its own).
    const other = (await viewerSocket(shop.token)).v;
    const forged = await viewerSocket(shop.token, `${waiter.slice(0, -2)}xx`);
    expect(forged.welcome.viewerId).not.toBe(waiter);
    const seen: Record<string, unknown[]> = { other: [], forged: [] };
    other.ws.on('message', (d) => seen.other!.push((JSON.parse(d.toString()) as { type: unknown }).type));
    forged.v.ws.on('message', (d) => seen.forged!.push((JSON.parse(d.toString()) as { type: unknown }).type));
    expect((await adjust(shop.show.id, { productId: 'coat', optionId: 'l', delta: 5 })).body).toMatchObject({ notified: 1 });
    expect(await again.v.next('restocked')).toEqual({ type: 'restocked', productId: 'coat', optionId: 'l', stock: 5 });
    // The stock broadcast that follows the restock reaches the others after anything the restock sent them.
    await other.take('stock', (m) => (m.items as { optionId: string | null; stock: number }[]).some((i) => i.optionId === 'l' && i.stock === 5));
    await forged.v.take('stock', (m) => (m.items as { optionId: string | null; stock: number }[]).some((i) => i.optionId === 'l' && i.stock === 5));
    expect(seen.other).not.toContain('restocked');
    expect(seen.forged).not.toContain('restocked');
    for (const s of [again.v, other, forged.v]) s.ws.close();
  });

  it('bounds requests per device and refuses made-up devices and lines', async () => {
    const products = Array.from({ length: 21 }, (_, i) => ({ id: `p${i}`, name: `품절 ${i}`, imageUrls: [], currency: 'KRW' as const, price: 1000, salePrice: null, stock: 0, options: [], externalUrl: null }));
    const shop = await shopShow(relay, sampleCatalog({ products }));
    const viewerId = await shop.viewer();
    for (let i = 0; i < 20; i++) {
      // Paced under the viewer-call budget (5 a second, bursts of 20), so the bound met is the request limit.
      if (i === 15) await new Promise((r) => setTimeout(r, 1200));
      expect((await shop.w('POST', '/restock-requests', { viewerId, productId: `p${i}`, optionId: null })).status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 1200));
    expect((await shop.w('POST', '/restock-requests', { viewerId, productId: 'p20', optionId: null })).body).toMatchObject({ error: 'restock_limit' });
    expect((await shop.w('POST', '/restock-requests', { viewerId: 'v1.made-up', productId: 'p0', optionId: null })).status).toBe(401);
    expect((await shop.w('POST', '/restock-requests', { viewerId, productId: 'nope', optionId: null })).body).toMatchObject({ error: 'unknown_product' });
    expect((await shop.w('POST', '/restock-requests', { viewerId, productId: 'p0', optionId: null, extra: 1 })).body).toMatchObject({ error: 'bad_request' });
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}/restock-requests`)).body).toHaveLength(20);
  });
});

describe('numbers that are never stale', () => {
  it('a coupon drop fired again shows what is left, to the studio, viewers and late joiners', async () => {
    const shop = await shopShow(relay);
    const { v } = await viewerSocket(shop.token);
    expect((await fire(shop.show.id, 0, dropOp)).body.coupon).toMatchObject({ quotaLeft: 100 });
    const viewerId = await shop.viewer();
    expect((await shop.w('POST', '/coupons/claim', { viewerId, couponId: 'c10' })).body).toMatchObject({ quotaLeft: 99 });
    await fire(shop.show.id, 1, { op: 'closeCoupon' });
    const again = await fire(shop.show.id, 2, dropOp);
    expect(again.body.coupon).toMatchObject({ quotaLeft: 99 });
    let seen = await v.next('stage');
    while ((seen.stage as Stage).version < 3) seen = await v.next('stage');
    expect((seen.stage as Stage).coupon).toMatchObject({ quotaLeft: 99 });
    expect((await call<Stage>(relay, 'GET', `/api/shows/${shop.show.id}/stage`)).body.coupon).toMatchObject({ quotaLeft: 99 });
    v.ws.close();
  });

  it('a product card fired after sales carries the relay’s stock, not the figure in the cue', async () => {
    const shop = await shopShow(relay);
    const buyer = await shop.viewer();
    expect((await shop.w('POST', '/orders', checkoutBody(buyer, { payment: 'cash_on_delivery', line: { productId: 'tee', optionId: null, quantity: 3 }, expectedTotal: 48000 }))).status).toBe(201);
    const r = await fire(shop.show.id, 0, { op: 'pin', cards: [teeCard] });
    expect(r.body.pinned[0]).toMatchObject({ productId: 'tee', stock: 7 });
  });
});
