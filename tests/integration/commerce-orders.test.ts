import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SellerOrder } from '../../common/commerce/order.js';
import type { Show, WatchLink } from '../../common/show.js';
import { call, checkoutBody, footprint, openRelayDbReadOnly, sampleBuyer, sampleCatalog, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/** What the seller does with orders (paid, cancel, refund, erase, CSV), bursts for the last items, rehearsals. */
let relay: RunningRelay;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

const act = (orderId: string, action: string, body: unknown = {}) => call<SellerOrder & { error?: string; message?: string }>(relay, 'POST', `/api/orders/${orderId}/${action}`, body);

describe('order actions', () => {
  it('marks a bank transfer paid, refunds it (stock back), and refuses what makes no sense', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const placed = await shop.w('POST', '/orders', checkoutBody(v, { line: { productId: 'tee', optionId: null, quantity: 3 }, expectedTotal: 48000 }));
    const id = placed.body.id as string;
    expect(footprint(relay, shop.show.id).stock['tee/']).toBe(7);
    expect((await act(id, 'refund')).body).toMatchObject({ error: 'invalid_transition', message: expect.stringMatching(/not paid yet/) });
    const paid = await act(id, 'paid');
    expect(paid.body).toMatchObject({ status: 'paid', payTo: null, buyer: { name: '홍길동' } });
    expect((await act(id, 'paid')).status).toBe(200); // a double click changes nothing
    expect((await act(id, 'cancel')).body).toMatchObject({ error: 'invalid_transition', message: expect.stringMatching(/refund it instead/) });
    expect((await act(id, 'refund', { reason: '고객 변심' })).body).toMatchObject({ status: 'refunded' });
    expect(footprint(relay, shop.show.id).stock['tee/']).toBe(10);
    expect((await act(id, 'refund')).status).toBe(200);
    expect(footprint(relay, shop.show.id).stock['tee/']).toBe(10); // not twice
    expect((await act(id, 'cancel')).body.error).toBe('invalid_transition');
    expect((await act(id, 'paid')).body.error).toBe('invalid_transition');
    expect((await shop.mine('/orders', v)).body).toMatchObject([{ id, status: 'refunded' }]);
  });

  it('cancels an unpaid order: stock and the coupon use come back in one step', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const placed = await shop.w('POST', '/orders', checkoutBody(v, { couponCode: 'LIVE10', expectedTotal: 16500 }));
    expect(placed.status).toBe(201);
    expect((await shop.w('POST', '/orders', checkoutBody(v, { couponCode: 'LIVE10', expectedTotal: 16500 }))).body.error).toBe('coupon_cap');
    expect((await act(placed.body.id as string, 'cancel', { reason: 'out of town' })).body).toMatchObject({ status: 'cancelled' });
    expect(footprint(relay, shop.show.id).stock['tee/']).toBe(10);
    expect((await shop.w('POST', '/orders', checkoutBody(v, { couponCode: 'LIVE10', expectedTotal: 16500 }))).status).toBe(201);
    expect((await act(placed.body.id as string, 'paid')).body.error).toBe('invalid_transition');
  });

  it('refunds a card order through the payment adapter', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const placed = await shop.w('POST', '/orders', checkoutBody(v, { payment: 'card', paymentToken: 'test_ok' }));
    expect((await act(placed.body.id as string, 'cancel')).body.error).toBe('invalid_transition');
    expect((await act(placed.body.id as string, 'refund')).body).toMatchObject({ status: 'refunded' });
  });

  it('erases the buyer’s personal data and keeps the amounts', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const placed = await shop.w('POST', '/orders', checkoutBody(v));
    const erased = await act(placed.body.id as string, 'erase');
    expect(erased.body).toMatchObject({ buyer: null, quote: { total: 18000 } });
    const db = openRelayDbReadOnly(relay);
    expect(db.prepare('SELECT buyer, phone_hash, total FROM orders WHERE id = ?').get(placed.body.id)).toEqual({ buyer: null, phone_hash: null, total: 18000 });
    db.close();
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}/orders.csv`)).text).not.toContain('홍길동');
    expect((await act('ord_nope', 'erase')).status).toBe(404);
    expect((await act(placed.body.id as string, 'cancel', { reason: 'x'.repeat(500) })).status).toBe(400);
    expect((await call(relay, 'POST', `/api/orders/${placed.body.id}/paid`, {}, { key: null })).status).toBe(401);
  });
});

describe('orders list and CSV', () => {
  it('lists orders newest first and exports a shipping sheet Excel reads', async () => {
    const shop = await shopShow(relay);
    const a = await shop.viewer();
    const first = await shop.w('POST', '/orders', checkoutBody(a, { buyer: sampleBuyer({ name: '김철수', phone: '+82 10-9876-5432' }) }));
    const second = await shop.w('POST', '/orders', checkoutBody(a, { line: { productId: 'coat', optionId: 'm', quantity: 1 }, expectedTotal: 120000, payment: 'cash_on_delivery' }));
    const list = await call<SellerOrder[]>(relay, 'GET', `/api/shows/${shop.show.id}/orders`);
    expect(list.body.map((o) => o.id)).toEqual([second.body.id, first.body.id]);
    const csv = await call(relay, 'GET', `/api/shows/${shop.show.id}/orders.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
    const raw = new Uint8Array(await (await fetch(`${relay.url}/api/shows/${shop.show.id}/orders.csv`, { headers: { authorization: `Bearer ${relay.studioKey}` } })).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('"number","date","status","product","option","qty","total","payment","name","phone","postcode","address","detail","note"');
    expect(lines[1]).toMatch(new RegExp(`^"${first.body.number}","\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d","awaiting_payment","기본 티셔츠","","1","18000","bank_transfer","김철수","'\\+82 10-9876-5432","06236",`));
    expect(lines[2]).toContain('"울 코트","M / 블랙","1","120000","cash_on_delivery"');
    expect(lines).toHaveLength(4); // header, two rows, the final CRLF
  });
});

describe('the last items in a burst', () => {
  it('accepts exactly as many orders as there is stock, however many buyers tap at once', async () => {
    const catalog = sampleCatalog();
    catalog.products[0]!.stock = 5;
    const shop = await shopShow(relay, catalog);
    const buyers = await Promise.all(Array.from({ length: 40 }, () => shop.viewer()));
    // Paid by card: unpaid holds from one network are capped (docs/identity-and-fairness.md), paid orders are not.
    const answers = await Promise.all(buyers.map((v) => shop.w('POST', '/orders', checkoutBody(v, { payment: 'card', paymentToken: 'test_ok' }))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(new Set(answers.filter((a) => a.status !== 201).map((a) => a.body.error))).toEqual(new Set(['sold_out']));
    expect(footprint(relay, shop.show.id)).toMatchObject({ orders: 5, stock: { 'tee/': 0 } });
    const db = openRelayDbReadOnly(relay);
    const ids = (db.prepare('SELECT id FROM orders WHERE show_id = ?').all(shop.show.id) as { id: string }[]).map((r) => r.id).sort();
    db.close();
    expect(ids).toEqual(answers.filter((a) => a.status === 201).map((a) => a.body.id as string).sort());
  });
});

describe('rehearsal', () => {
  it('sells from the rehearsal’s own rows with R- numbers; the real show’s stock and numbers are untouched', async () => {
    const shop = await shopShow(relay, sampleCatalog(), { live: false });
    const r = await call<{ show: Show; link: WatchLink }>(relay, 'POST', `/api/shows/${shop.show.id}/rehearsal`);
    const rehearsal = r.body.show;
    await call(relay, 'POST', `/api/shows/${rehearsal.id}/start`);
    const token = r.body.link.url.split('/w/')[1]!;
    const v = (await call<{ viewerId: string }>(relay, 'POST', `/api/watch/${token}/viewers`, { viewerId: null, nickname: null }, { key: null })).body.viewerId;
    const placed = await call(relay, 'POST', `/api/watch/${token}/orders`, checkoutBody(v), { key: null });
    expect(placed.status).toBe(201);
    expect(placed.body.number).toMatch(/^R-\d{6}-\d{6}$/);
    expect(footprint(relay, shop.show.id)).toMatchObject({ orders: 0, stock: { 'tee/': 10 } });
    expect(footprint(relay, rehearsal.id)).toMatchObject({ orders: 1, stock: { 'tee/': 9 } });
    expect((await call<SellerOrder[]>(relay, 'GET', `/api/shows/${shop.show.id}/orders`)).body).toEqual([]);
  });
});
