import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote, ViewerOrder } from '../../common/commerce/order.js';
import type { StockLevel } from '../../common/commerce/show-catalog.js';
import { call, checkoutBody, footprint, openRelayDbReadOnly, randomId, recordMessages, sampleCatalog, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/** Checkout against a real relay (and its Janus): the happy paths, idempotency, payments, broadcasts. */
let relay: RunningRelay;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

const studioEvents = async () => {
  const s = new TestSocket(relay.url.replace('http', 'ws') + '/api/studio/events', { authorization: `Bearer ${relay.studioKey}` });
  await s.opened;
  return s;
};
/** The next studio event of a type for this show (other tests' shows share the relay). */
const nextFor = async (s: TestSocket, type: string, showId: string) => {
  for (;;) {
    const m = await s.next(type);
    if (m.showId === showId) return m;
  }
};
const viewerSocket = async (token: string) => {
  const v = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
  await v.opened;
  v.send({ type: 'hello', token });
  await v.next('welcome');
  return v;
};

describe('hand-off and stock', () => {
  it('answers the stock it now holds and keeps relay-held stock on a second hand-off', async () => {
    const shop = await shopShow(relay);
    const stock = await call<StockLevel[]>(relay, 'GET', `/api/shows/${shop.show.id}/stock`);
    expect(stock.body).toEqual([
      { productId: 'coat', optionId: 'l', stock: 2 },
      { productId: 'coat', optionId: 'm', stock: 3 },
      { productId: 'tee', optionId: null, stock: 10 },
    ]);
    const viewerId = await shop.viewer();
    expect((await shop.w('POST', '/orders', checkoutBody(viewerId))).status).toBe(201);
    // The studio hands over again with its old numbers: the relay keeps what it sold.
    const again = await call<{ stock: StockLevel[] }>(relay, 'PUT', `/api/shows/${shop.show.id}/catalog`, sampleCatalog());
    expect(again.body.stock).toContainEqual({ productId: 'tee', optionId: null, stock: 9 });
  });

  it('refuses a bad catalog and a missing key, and stores nothing', async () => {
    const shop = await shopShow(relay);
    const bad = sampleCatalog();
    bad.products[1]!.stock = 99; // not the sum of its options
    expect((await call(relay, 'PUT', `/api/shows/${shop.show.id}/catalog`, bad)).status).toBe(400);
    expect((await call(relay, 'PUT', `/api/shows/${shop.show.id}/catalog`, sampleCatalog(), { key: null })).status).toBe(401);
    expect((await call(relay, 'PUT', `/api/shows/nope/catalog`, sampleCatalog())).status).toBe(404);
    expect(footprint(relay, shop.show.id).stock['coat/m']).toBe(3);
  });
});

describe('placing orders', () => {
  it('takes a bank-transfer order: relay-priced, durable, numbered, with where to pay', async () => {
    const shop = await shopShow(relay);
    const studio = await studioEvents();
    const v = await viewerSocket(shop.token);
    const seen = recordMessages(v.ws);
    const viewerId = await shop.viewer('민지');
    const quote = await shop.w('POST', '/quote', { viewerId, line: { productId: 'tee', optionId: null, quantity: 2 }, couponCode: null });
    expect(quote.body as unknown as Quote).toMatchObject({ unitPrice: 15000, subtotal: 30000, shipping: 3000, total: 33000, productName: '기본 티셔츠' });
    const r = await shop.w('POST', '/orders', checkoutBody(viewerId, { line: { productId: 'tee', optionId: null, quantity: 2 }, expectedTotal: 33000 }));
    expect(r.status).toBe(201);
    const order = r.body as unknown as ViewerOrder;
    expect(order.number).toMatch(/^LC-\d{6}-\d{4,}$/);
    expect(order).toMatchObject({ status: 'awaiting_payment', payment: 'bank_transfer', payTo: { bank: '국민은행', accountNumber: '123-456-789012', holder: '김판매', amount: 33000 } });
    expect(order).not.toHaveProperty('buyer');
    const db = openRelayDbReadOnly(relay);
    expect(db.prepare('SELECT total, status, quantity FROM orders WHERE id = ?').get(order.id)).toEqual({ total: 33000, status: 'awaiting_payment', quantity: 2 });
    db.close();
    const mine = await shop.mine('/orders', viewerId);
    expect((mine.body as unknown as ViewerOrder[]).map((o) => o.id)).toEqual([order.id]);
    const event = await nextFor(studio, 'order', shop.show.id);
    expect(event).toMatchObject({ showId: shop.show.id, order: { id: order.id, nickname: '민지', buyer: { name: '홍길동', phone: '010-1234-5678' } } });
    expect(await nextFor(studio, 'stock', shop.show.id)).toMatchObject({ showId: shop.show.id, items: [{ productId: 'tee', optionId: null, stock: 8 }] });
    // Coalesced: the level may come in the same or a later message than the purchase notice.
    await seen.waitFor('stock 8', (m) => m.type === 'stock' && JSON.stringify(m.items) === JSON.stringify([{ productId: 'tee', optionId: null, stock: 8 }]));
    expect(await seen.waitFor('purchases', (m) => m.type === 'purchases')).toEqual({ type: 'purchases', items: [{ buyer: '홍**', productName: '기본 티셔츠', quantity: 2 }] });
    studio.close();
    v.close();
  });

  it('cash on delivery waits for payment without an account; a test card is paid at once; a declined card stores nothing', async () => {
    const shop = await shopShow(relay);
    const viewerId = await shop.viewer();
    const cod = await shop.w('POST', '/orders', checkoutBody(viewerId, { payment: 'cash_on_delivery' }));
    expect(cod.body).toMatchObject({ status: 'awaiting_payment', payTo: null });
    const card = await shop.w('POST', '/orders', checkoutBody(viewerId, { payment: 'card', paymentToken: 'test_ok' }));
    expect(card.status).toBe(201);
    expect(card.body).toMatchObject({ status: 'paid', payTo: null });
    const before = footprint(relay, shop.show.id);
    const declined = await shop.w('POST', '/orders', checkoutBody(viewerId, { payment: 'card', paymentToken: 'test_decline' }));
    expect(declined.status).toBe(402);
    expect(declined.body.error).toBe('payment_declined');
    expect((await shop.w('POST', '/orders', checkoutBody(viewerId, { payment: 'card' }))).status).toBe(400);
    expect(footprint(relay, shop.show.id)).toEqual(before);
  });

  it('refuses a way to pay the seller did not turn on', async () => {
    const shop = await shopShow(relay, sampleCatalog({ payment: { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 0, freeShippingFrom: null } }));
    const viewerId = await shop.viewer();
    expect((await shop.w('GET', '/payment')).body).toEqual({ methods: ['cash_on_delivery'], shippingFee: 0, freeShippingFrom: null, currency: 'KRW' });
    const r = await shop.w('POST', '/orders', checkoutBody(viewerId, { expectedTotal: 15000 }));
    expect(r.status).toBe(400);
    expect(footprint(relay, shop.show.id).orders).toBe(0);
  });

  it('never tells a viewer the account number before ordering', async () => {
    const shop = await shopShow(relay);
    const payment = await shop.w('GET', '/payment');
    expect(payment.body).toEqual({ methods: ['bank_transfer', 'cash_on_delivery', 'card'], shippingFee: 3000, freeShippingFrom: 50000, currency: 'KRW', paymentWindowMinutes: 30 });
    expect(payment.text).not.toContain('123-456');
  });

  it('orders an option and sends the option line and the card total', async () => {
    const shop = await shopShow(relay);
    const v = await viewerSocket(shop.token);
    const seen = recordMessages(v.ws);
    const viewerId = await shop.viewer();
    const r = await shop.w('POST', '/orders', checkoutBody(viewerId, { line: { productId: 'coat', optionId: 'l', quantity: 2 }, expectedTotal: 240000 }));
    expect(r.body).toMatchObject({ quote: { optionName: 'L / 블랙', total: 240000, shipping: 0 } });
    const stock = await seen.waitFor('the sold-out option', (m) => m.type === 'stock' && JSON.stringify(m.items).includes('"optionId":"l","stock":0'));
    expect(stock.items).toEqual(expect.arrayContaining([{ productId: 'coat', optionId: 'l', stock: 0 }, { productId: 'coat', optionId: null, stock: 3 }]));
    v.close();
  });
});

describe('idempotency', () => {
  it('answers a replayed key with the stored order, and refuses the key with other content', async () => {
    const shop = await shopShow(relay);
    const viewerId = await shop.viewer();
    const body = checkoutBody(viewerId);
    const first = await shop.w('POST', '/orders', body);
    const again = await shop.w('POST', '/orders', body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const other = await shop.w('POST', '/orders', { ...body, line: { productId: 'tee', optionId: null, quantity: 2 }, expectedTotal: 33000 });
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('idempotency_conflict');
    expect(footprint(relay, shop.show.id)).toMatchObject({ orders: 1, stock: { 'tee/': 9 } });
  });

  it('turns overlapping duplicates (a double tap) into one order', async () => {
    const shop = await shopShow(relay);
    const viewerId = await shop.viewer();
    const body = checkoutBody(viewerId, { payment: 'card', paymentToken: 'test_ok' });
    const answers = await Promise.all(Array.from({ length: 8 }, () => shop.w('POST', '/orders', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(footprint(relay, shop.show.id)).toMatchObject({ orders: 1, stock: { 'tee/': 9 } });
  });

  it('keeps answering a placed order after the show ended', async () => {
    const shop = await shopShow(relay);
    const viewerId = await shop.viewer();
    const body = checkoutBody(viewerId);
    const first = await shop.w('POST', '/orders', body);
    await call(relay, 'POST', `/api/shows/${shop.show.id}/end`);
    const again = await shop.w('POST', '/orders', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });
});

describe('coupons', () => {
  const drop = (showId: string, couponId = 'c10', code = 'LIVE10', quotaTotal = 100, baseVersion = 0) =>
    call(relay, 'POST', `/api/shows/${showId}/cues`, { firingId: randomId('f'), baseVersion, captureMs: null, op: { op: 'dropCoupon', coupon: { couponId, code, kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal }, durationSec: 60 } });

  it('claims a dropped coupon once per viewer, tells everyone the quota, and discounts the order', async () => {
    const shop = await shopShow(relay);
    const v = await viewerSocket(shop.token);
    const seen = recordMessages(v.ws);
    const viewerId = await shop.viewer();
    expect((await shop.w('POST', '/coupons/claim', { viewerId, couponId: 'c10' })).body.error).toBe('coupon_expired'); // not dropped yet
    expect((await drop(shop.show.id)).status).toBe(200);
    const claim = await shop.w('POST', '/coupons/claim', { viewerId, couponId: 'c10' });
    expect(claim.body).toEqual({ coupon: { couponId: 'c10', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, usesLeft: 1, source: 'drop', validUntil: null }, quotaLeft: 99 });
    expect((await shop.w('POST', '/coupons/claim', { viewerId, couponId: 'c10' })).body).toMatchObject({ quotaLeft: 99 });
    expect(await seen.waitFor('quota', (m) => m.type === 'couponQuota')).toEqual({ type: 'couponQuota', couponId: 'c10', quotaLeft: 99 });
    expect((await shop.mine('/coupons', viewerId)).body).toEqual([claim.body.coupon]);
    const r = await shop.w('POST', '/orders', checkoutBody(viewerId, { couponCode: 'live10', expectedTotal: 16500 }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ quote: { discount: 1500, total: 16500, couponCode: 'LIVE10' } });
    expect((await shop.mine('/coupons', viewerId)).body).toMatchObject([{ usesLeft: 0 }]);
    v.close();
  });

  it('claims a typed code at checkout (source code) while quota is left', async () => {
    const shop = await shopShow(relay);
    const viewerId = await shop.viewer();
    const r = await shop.w('POST', '/orders', checkoutBody(viewerId, { couponCode: 'FIVE', expectedTotal: 13000 }));
    expect(r.status).toBe(201);
    const db = openRelayDbReadOnly(relay);
    expect(db.prepare('SELECT source FROM coupon_claims WHERE show_id = ? AND viewer_id = ?').get(shop.show.id, viewerId)).toEqual({ source: 'code' });
    db.close();
  });
});

describe('late joiners', () => {
  it('see the relay’s stock on pinned cards and the quota left of a running drop', async () => {
    const shop = await shopShow(relay);
    const card = { productId: 'tee', name: '기본 티셔츠', imageUrls: [], currency: 'KRW', price: 20000, salePrice: 15000, stock: 10, externalUrl: null };
    expect((await call(relay, 'POST', `/api/shows/${shop.show.id}/cues`, { firingId: randomId('f'), baseVersion: 0, captureMs: null, op: { op: 'pin', cards: [card] } })).status).toBe(200);
    const drop = { op: 'dropCoupon', coupon: { couponId: 'c10', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 60 };
    expect((await call(relay, 'POST', `/api/shows/${shop.show.id}/cues`, { firingId: randomId('f'), baseVersion: 1, captureMs: null, op: drop })).status).toBe(200);
    const buyer = await shop.viewer();
    await shop.w('POST', '/coupons/claim', { viewerId: buyer, couponId: 'c10' });
    expect((await shop.w('POST', '/orders', checkoutBody(buyer, { line: { productId: 'tee', optionId: null, quantity: 4 }, couponCode: 'LIVE10', expectedTotal: 54000 }))).status).toBe(201);
    const late = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
    await late.opened;
    late.send({ type: 'hello', token: shop.token });
    const welcome = await late.next('welcome');
    expect(welcome.stage).toMatchObject({ version: 2, pinned: [{ productId: 'tee', stock: 6 }], coupon: { couponId: 'c10', quotaLeft: 99 } });
    late.close();
  });

  it('see the relay’s stock of each option on a pinned card with options', async () => {
    const shop = await shopShow(relay);
    const coat = { productId: 'coat', name: '울 코트', imageUrls: [], currency: 'KRW', price: 120000, salePrice: null, stock: 5, externalUrl: null, options: [{ id: 'm', name: 'M / 블랙', stock: 3 }, { id: 'l', name: 'L / 블랙', stock: 2 }] };
    expect((await call(relay, 'POST', `/api/shows/${shop.show.id}/cues`, { firingId: randomId('f'), baseVersion: 0, captureMs: null, op: { op: 'pin', cards: [coat] } })).status).toBe(200);
    const buyer = await shop.viewer();
    expect((await shop.w('POST', '/orders', checkoutBody(buyer, { line: { productId: 'coat', optionId: 'l', quantity: 2 }, expectedTotal: 240000 }))).status).toBe(201);
    const late = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
    await late.opened;
    late.send({ type: 'hello', token: shop.token });
    const welcome = await late.next('welcome');
    expect(welcome.stage).toMatchObject({ pinned: [{ productId: 'coat', stock: 3, options: [{ id: 'm', stock: 3 }, { id: 'l', stock: 0 }] }] });
    late.close();
  });
});

describe('viewer identity', () => {
  it('does not take a device id the relay never issued: a hello with a made-up id is welcomed under an issued one, and the made-up id cannot act', async () => {
    const shop = await shopShow(relay);
    const v = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
    await v.opened;
    const made = 'made_up_by_a_script_01';
    v.send({ type: 'hello', token: shop.token, viewerId: made });
    const welcome = await v.next('welcome');
    expect(welcome.viewerId).not.toBe(made);
    expect((await shop.w('POST', '/orders', checkoutBody(made))).body).toMatchObject({ error: 'unknown_viewer' });
    // The welcome's id is issued: registering confirms it (same id) and it can order.
    const registered = await shop.w('POST', '/viewers', { viewerId: welcome.viewerId, nickname: null });
    expect(registered.status).toBe(200);
    expect(registered.body.viewerId).toBe(welcome.viewerId);
    expect((await shop.w('POST', '/orders', checkoutBody(welcome.viewerId as string))).status).toBe(201);
    v.close();
  });
});
