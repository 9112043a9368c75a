import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CartOrder, CartQuote } from '../../common/commerce/cart.js';
import type { ShowCatalog } from '../../common/commerce/show-catalog.js';
import { call, openRelayDbReadOnly, randomId, sampleBuyer, sampleCatalog, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/** Coupons on carts against a real relay and its SQLite file (docs/checkout.md). */
let relay: RunningRelay;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

function couponCatalog(): ShowCatalog {
  const c = sampleCatalog();
  c.payment = { ...c.payment, remoteSurcharge: { jeju: 3000, island: 5000 } };
  c.products.push(
    { id: 'socks', name: '수면 양말', imageUrls: [], currency: 'KRW', price: 5000, salePrice: null, stock: 20, options: [], externalUrl: null },
    { id: 'hat', name: '니트 모자', imageUrls: [], currency: 'KRW', price: 9000, salePrice: null, stock: 4, options: [], externalUrl: null },
  );
  c.coupons.push(
    { id: 'cacc', code: 'ACC10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, totalQuota: 100, perViewerCap: 1, validFrom: null, validUntil: null, productIds: ['socks', 'hat'] },
    { id: 'ccoat', code: 'COAT', kind: 'fixed', amount: 1000, currency: 'KRW', minOrder: 0, totalQuota: 100, perViewerCap: 1, validFrom: null, validUntil: null, productIds: ['coat'] },
  );
  return c;
}

const JEJU = { postcode: '63309', line1: '제주특별자치도 제주시 연동 312-1', line2: '2층' };
const lines = [
  { productId: 'tee', optionId: null, quantity: 1 }, // 15000, not covered by ACC10
  { productId: 'socks', optionId: null, quantity: 2 }, // 10000
  { productId: 'hat', optionId: null, quantity: 1 }, // 9000
];
const cartBody = (viewerId: string, over: Record<string, unknown> = {}) => ({
  viewerId,
  lines,
  idempotencyKey: randomId('cart_'),
  buyer: sampleBuyer({ address: JEJU }),
  payment: 'bank_transfer',
  expectedTotal: 38100,
  paymentToken: null,
  consent: true,
  couponCode: 'acc10',
  ...over,
});

describe('a coupon on a cart', () => {
  it('discounts only the lines it covers, split over their rows, and counts as one use', async () => {
    const shop = await shopShow(relay, couponCatalog());
    const viewerId = await shop.viewer();
    const quote = (await shop.w('POST', '/cart-quote', { viewerId, lines, postcode: '63309', couponCode: 'ACC10' })).body as unknown as CartQuote;
    // 10% of socks + hat (19000) = 1900; the tee pays full price; shipping 3000 + Jeju 3000 on the goods.
    expect(quote).toMatchObject({ subtotal: 34000, discount: 1900, shipping: 6000, total: 38100 });
    expect(quote.lines.map((l) => l.discount)).toEqual([0, 1000, 900]);

    const placed = await shop.w('POST', '/carts', cartBody(viewerId));
    expect(placed.status).toBe(201);
    expect((placed.body as unknown as CartOrder).total).toBe(38100);
    const db = openRelayDbReadOnly(relay);
    try {
      const rows = db.prepare('SELECT product_id, total, discount, coupon_id FROM orders WHERE show_id = ? ORDER BY rowid').all(shop.show.id) as { product_id: string; total: number; discount: number; coupon_id: string | null }[];
      expect(rows.map((r) => [r.product_id, r.total, r.discount, r.coupon_id])).toEqual([['tee', 21000, 0, null], ['socks', 9000, 1000, 'cacc'], ['hat', 8100, 900, 'cacc']]);
      // Typed, not held: the cart claimed it (one claim, not one per row).
      expect((db.prepare('SELECT COUNT(*) AS n FROM coupon_claims WHERE show_id = ? AND coupon_id = ?').get(shop.show.id, 'cacc') as { n: number }).n).toBe(1);
    } finally {
      db.close();
    }
    // perViewerCap 1: the two discounted rows were one use, and a second cart is the second use.
    const again = await shop.w('POST', '/carts', cartBody(viewerId, { lines: lines.slice(1, 2), expectedTotal: 9000 + 6000 }));
    expect(again.body.error).toBe('coupon_cap');
  });

  it('refuses a forged total, a coupon that covers no line, and a used-up coupon', async () => {
    const shop = await shopShow(relay, couponCatalog());
    const viewerId = await shop.viewer();
    const forged = await shop.w('POST', '/carts', cartBody(viewerId, { expectedTotal: 30000 }));
    expect(forged.status).toBe(409);
    expect(forged.body.error).toBe('total_mismatch');
    expect(String(forged.body.message)).toContain('38100');

    const none = await shop.w('POST', '/cart-quote', { viewerId, lines, postcode: null, couponCode: 'COAT' });
    expect(none.status).toBe(409);
    expect(none.body.error).toBe('coupon_not_applicable');

    // FIVE: 5000 off from 10000, quota 2 → two carts from two devices take it, the third is refused.
    const codes: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const v = await shop.viewer();
      const r = await shop.w('POST', '/carts', cartBody(v, { couponCode: 'FIVE', expectedTotal: 40000 - 5000 }));
      codes.push(r.status === 201 ? 'placed' : r.body.error);
    }
    expect(codes).toEqual(['placed', 'placed', 'coupon_used_up']);
    const bad = await shop.w('POST', '/cart-quote', { viewerId, lines, postcode: null, couponCode: 'x'.repeat(40) });
    expect(bad.status).toBe(400);
  });
});

describe('a catalog whose coupon names a product it does not list', () => {
  it('is refused whole with a reason naming the coupon; the relay keeps serving', async () => {
    const show = (await call<{ id: string }>(relay, 'POST', '/api/shows', { title: 'deleted product' })).body;
    const c = couponCatalog();
    c.coupons = c.coupons.map((k) => (k.code === 'ACC10' ? { ...k, productIds: ['socks', 'deleted-coat'] } : k));
    const put = await call(relay, 'PUT', `/api/shows/${show.id}/catalog`, c);
    expect(put.status).toBe(400);
    expect(put.body).toMatchObject({ error: 'bad_request' });
    expect(put.text).toContain('productIds: coupon ACC10 names a product that is not in the catalog (deleted-coat)');
    expect((await call<unknown>(relay, 'GET', `/api/shows/${show.id}/stock`)).body).toEqual([]);
    expect((await call(relay, 'PUT', `/api/shows/${show.id}/catalog`, couponCatalog())).status).toBe(200);
  });
});
