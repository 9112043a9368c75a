import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, ShopShow } from '../helpers/commerce-api.js';
import { call, checkoutBody, footprint, randomId, sampleBuyer, sampleCatalog, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/** Every bad checkout is refused with its code, and leaves no order, claim or stock change behind. */
let relay: RunningRelay;
let shop: ShopShow;
let viewerId: string;

beforeAll(async () => {
  relay = await startRelay();
  const catalog = sampleCatalog();
  catalog.coupons.push(
    { id: 'old', code: 'OLD', kind: 'fixed', amount: 1000, currency: 'KRW', minOrder: 0, totalQuota: 10, perViewerCap: 1, validFrom: null, validUntil: '2020-01-01T00:00:00Z' },
    { id: 'soon', code: 'SOON', kind: 'fixed', amount: 1000, currency: 'KRW', minOrder: 0, totalQuota: 10, perViewerCap: 1, validFrom: '2999-01-01T00:00:00Z', validUntil: null },
    { id: 'big', code: 'BIG', kind: 'fixed', amount: 5000, currency: 'KRW', minOrder: 100000, totalQuota: 10, perViewerCap: 1, validFrom: null, validUntil: null },
    { id: 'one', code: 'ONLYONE', kind: 'fixed', amount: 1000, currency: 'KRW', minOrder: 0, totalQuota: 1, perViewerCap: 5, validFrom: null, validUntil: null },
  );
  shop = await shopShow(relay, catalog);
  viewerId = await shop.viewer();
});
afterAll(async () => {
  await relay?.stop();
});

/** Runs a refused request and checks that nothing of the show changed in SQLite. */
async function refused(send: () => Promise<Answer<Record<string, unknown>>>, status: number, code: string, message?: RegExp, showId = shop.show.id) {
  const before = footprint(relay, showId);
  const r = await send();
  expect({ status: r.status, error: r.body.error }).toEqual({ status, error: code });
  if (message) expect(r.body.message).toMatch(message);
  expect(footprint(relay, showId)).toEqual(before);
  return r;
}
const order = (over: Record<string, unknown>) => () => shop.w('POST', '/orders', checkoutBody(viewerId, over));
const line = (quantity: unknown, productId = 'tee', optionId: string | null = null) => ({ line: { productId, optionId, quantity } });

describe('quantities and products', () => {
  it('refuses quantity 0, negative, fractional and above 99', async () => {
    for (const q of [0, -1, 1.5, 100, '2']) await refused(order(line(q)), 400, 'bad_request', /quantity|line/);
  });
  it('refuses more than is left, and says how many are left', async () => {
    await refused(order({ ...line(11), expectedTotal: 168000 }), 409, 'out_of_stock', /only 10 left/);
  });
  it('refuses an option that does not exist, a missing option, and an option on a product without options', async () => {
    await refused(order({ ...line(1, 'coat', 'xxl'), expectedTotal: 120000 }), 400, 'unknown_option');
    await refused(order({ ...line(1, 'coat', null), expectedTotal: 120000 }), 400, 'option_required');
    await refused(order({ ...line(1, 'tee', 'm') }), 400, 'unknown_option');
    await refused(order({ ...line(1, 'ghost') }), 400, 'unknown_product');
  });
});

describe('coupons', () => {
  it('refuses an expired, a not-yet-valid and another show’s coupon', async () => {
    await refused(order({ couponCode: 'OLD', expectedTotal: 17000 }), 409, 'coupon_expired');
    await refused(order({ couponCode: 'SOON', expectedTotal: 17000 }), 409, 'coupon_not_started');
    const other = await shopShow(relay, sampleCatalog({ coupons: [{ id: 'x', code: 'ELSEWHERE', kind: 'fixed', amount: 1000, currency: 'KRW', minOrder: 0, totalQuota: 5, perViewerCap: 1, validFrom: null, validUntil: null }] }));
    expect(other.show.id).not.toBe(shop.show.id);
    await refused(order({ couponCode: 'ELSEWHERE', expectedTotal: 17000 }), 409, 'coupon_unknown');
  });
  it('refuses a used-up coupon (quota) and one over the per-viewer cap', async () => {
    const first = await shop.viewer();
    expect((await shop.w('POST', '/orders', checkoutBody(first, { couponCode: 'ONLYONE', expectedTotal: 17000 }))).status).toBe(201);
    await refused(order({ couponCode: 'ONLYONE', expectedTotal: 17000 }), 409, 'coupon_used_up');
    const capped = await shop.viewer();
    expect((await shop.w('POST', '/orders', checkoutBody(capped, { couponCode: 'LIVE10', expectedTotal: 16500 }))).status).toBe(201);
    await refused(() => shop.w('POST', '/orders', checkoutBody(capped, { couponCode: 'LIVE10', expectedTotal: 16500 })), 409, 'coupon_cap');
  });
  it('refuses a coupon under its minimum order', async () => {
    await refused(order({ couponCode: 'BIG', expectedTotal: 13000 }), 409, 'coupon_min_order', /100000/);
  });
});

describe('totals, keys and bodies', () => {
  it('refuses a tampered total and states the relay’s', async () => {
    await refused(order({ expectedTotal: 100 }), 409, 'total_mismatch', /18000 KRW/);
  });
  it('refuses a replayed key with different content', async () => {
    const body = checkoutBody(viewerId, { payment: 'cash_on_delivery' });
    expect((await shop.w('POST', '/orders', body)).status).toBe(201);
    await refused(() => shop.w('POST', '/orders', { ...body, buyer: sampleBuyer({ name: '다른사람' }) }), 409, 'idempotency_conflict');
  });
  it('refuses oversized and malformed bodies', async () => {
    await refused(() => shop.w('POST', '/orders', undefined, JSON.stringify(checkoutBody(viewerId, { buyer: sampleBuyer({ note: 'x'.repeat(17 * 1024) }) }))), 413, 'too_large');
    await refused(() => shop.w('POST', '/orders', undefined, '{"viewerId":'), 400, 'bad_request', /JSON/);
    await refused(() => shop.w('POST', '/orders', undefined, ''), 400, 'bad_request');
    await refused(() => shop.w('POST', '/orders', { ...checkoutBody(viewerId), extra: 1 }), 400, 'bad_request');
    await refused(() => shop.w('POST', '/orders', checkoutBody(viewerId, { idempotencyKey: 'short' })), 400, 'bad_request', /idempotency/);
  });
  it('refuses an unknown viewer and a bad link', async () => {
    await refused(() => shop.w('POST', '/orders', checkoutBody(randomId('v'))), 401, 'unknown_viewer');
    const bad = await call(relay, 'POST', '/api/watch/not-a-token/orders', checkoutBody(viewerId), { key: null });
    expect(bad.status).toBe(404);
    await refused(() => shop.mine('/orders', randomId('v')), 401, 'unknown_viewer');
  });
  it('refuses control characters and malformed phones in the buyer', async () => {
    await refused(order({ buyer: sampleBuyer({ name: 'a\u0000b' }) }), 400, 'bad_request', /control/);
    await refused(order({ buyer: sampleBuyer({ phone: 'call me' }) }), 400, 'bad_request', /phone/);
    await refused(order({ buyer: sampleBuyer({ name: '   ' }) }), 400, 'bad_request', /name/);
  });
});

describe('the show must be live', () => {
  it('refuses orders and claims before the show starts and after it ends', async () => {
    const later = await shopShow(relay, sampleCatalog(), { live: false });
    const v = await later.viewer();
    await refused(() => later.w('POST', '/orders', checkoutBody(v)), 409, 'show_not_live', /not started/, later.show.id);
    await call(relay, 'POST', `/api/shows/${later.show.id}/start`);
    expect((await later.w('POST', '/orders', checkoutBody(v))).status).toBe(201);
    await call(relay, 'POST', `/api/shows/${later.show.id}/end`);
    await refused(() => later.w('POST', '/orders', checkoutBody(v)), 409, 'show_not_live', /ended/, later.show.id);
    await refused(() => later.w('POST', '/coupons/claim', { viewerId: v, couponId: 'c10' }), 409, 'show_not_live', /ended/, later.show.id);
  });
});

describe('markup in buyer details', () => {
  it('stores names and addresses verbatim and returns them as JSON text and safe CSV', async () => {
    const evil = sampleBuyer({ name: '<script>alert(1)</script>', address: { postcode: '06236', line1: '=HYPERLINK("http://x","y")', line2: '<img src=x onerror=alert(1)>, "2층"' }, note: '@SUM(1)' });
    const v = await shop.viewer('<b>nick</b>');
    const r = await shop.w('POST', '/orders', checkoutBody(v, { buyer: evil }));
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    const orders = await call<{ id: string; buyer: unknown; nickname: string }[]>(relay, 'GET', `/api/shows/${shop.show.id}/orders`);
    const mine = orders.body.find((o) => o.id === r.body.id)!;
    expect(mine.buyer).toEqual(evil);
    expect(mine.nickname).toBe('<b>nick</b>');
    const csv = await call(relay, 'GET', `/api/shows/${shop.show.id}/orders.csv`);
    expect(csv.text).toContain(`"<script>alert(1)</script>"`);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.text).toContain(`"<img src=x onerror=alert(1)>, ""2층"""`);
    expect(csv.text).toContain(`"'@SUM(1)"`);
  });
});

describe('rate limit', () => {
  it('answers 429 to a device hammering the relay, and others still get through', async () => {
    const noisy = await shop.viewer();
    const answers = await Promise.all(Array.from({ length: 40 }, () => shop.w('POST', '/quote', { viewerId: noisy, line: { productId: 'tee', optionId: null, quantity: 1 }, couponCode: null })));
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(0);
    expect(answers.find((a) => a.status === 429)!.body.error).toBe('rate_limited');
    const calm = await shop.viewer();
    expect((await shop.w('POST', '/quote', { viewerId: calm, line: { productId: 'tee', optionId: null, quantity: 1 }, couponCode: null })).status).toBe(200);
  });
});
