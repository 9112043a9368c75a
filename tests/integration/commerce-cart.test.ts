import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CartOrder, CartQuote } from '../../common/commerce/cart.js';
import type { ShowCatalog } from '../../common/commerce/show-catalog.js';
import { footprint, openRelayDbReadOnly, randomId, sampleBuyer, sampleCatalog, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/** Carts against a real relay and its SQLite file: one checkout for several lines, all or nothing. */
let relay: RunningRelay;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

function cartCatalog(): ShowCatalog {
  const c = sampleCatalog();
  c.payment = { ...c.payment, remoteSurcharge: { jeju: 3000, island: 5000 } };
  c.products[1]!.perBuyerCap = 2; // coat
  c.products.push(
    { id: 'socks', name: '수면 양말', imageUrls: [], currency: 'KRW', price: 5000, salePrice: null, stock: 20, options: [], externalUrl: null },
    { id: 'hat', name: '니트 모자', imageUrls: [], currency: 'KRW', price: 9000, salePrice: null, stock: 4, options: [], externalUrl: null },
  );
  return c;
}

const JEJU = { postcode: '63309', line1: '제주특별자치도 제주시 연동 312-1', line2: '2층' };
const threeLines = [
  { productId: 'tee', optionId: null, quantity: 1 }, // 15000
  { productId: 'socks', optionId: null, quantity: 2 }, // 10000
  { productId: 'hat', optionId: null, quantity: 1 }, // 9000
];
const cartBody = (viewerId: string, over: Record<string, unknown> = {}) => ({
  viewerId,
  lines: threeLines,
  idempotencyKey: randomId('cart_'),
  buyer: sampleBuyer({ address: JEJU }),
  payment: 'bank_transfer',
  expectedTotal: 40000, // 34000 + 3000 shipping + 3000 Jeju
  paymentToken: null,
  consent: true,
  ...over,
});

describe('a cart', () => {
  it('of three lines to Jeju is quoted and charged one fee plus the Jeju surcharge, as rows that add up', async () => {
    const shop = await shopShow(relay, cartCatalog());
    const viewerId = await shop.viewer();
    const quote = (await shop.w('POST', '/cart-quote', { viewerId, lines: threeLines, postcode: '63309' })).body as unknown as CartQuote;
    expect(quote).toMatchObject({ subtotal: 34000, shipping: 6000, shippingSurcharge: 3000, total: 40000 });
    const mainland = (await shop.w('POST', '/cart-quote', { viewerId, lines: threeLines, postcode: '06236' })).body;
    expect(mainland.total).toBe(37000);

    const placed = await shop.w('POST', '/carts', cartBody(viewerId));
    expect(placed.status).toBe(201);
    const cart = placed.body as unknown as CartOrder;
    expect(cart).toMatchObject({ total: 40000, shipping: 6000, payTo: { bank: '국민은행', amount: 40000 } });
    expect(cart.payBy).not.toBeNull();
    expect(cart.orders.map((o) => o.number)).toEqual([cart.number, `${cart.number}-2`, `${cart.number}-3`]);

    const db = openRelayDbReadOnly(relay);
    try {
      const rows = db.prepare('SELECT product_id, quantity, total, cart_id FROM orders WHERE show_id = ? ORDER BY rowid').all(shop.show.id) as { product_id: string; quantity: number; total: number; cart_id: string }[];
      expect(rows.map((r) => [r.product_id, r.quantity, r.total])).toEqual([['tee', 1, 21000], ['socks', 2, 10000], ['hat', 1, 9000]]);
      expect(new Set(rows.map((r) => r.cart_id))).toEqual(new Set([cart.cartId]));
    } finally {
      db.close();
    }
    const stock = footprint(relay, shop.show.id).stock;
    expect([stock['tee/'], stock['socks/'], stock['hat/']]).toEqual([9, 18, 3]);
    // The buyer's "내 주문" lists every line; the studio's order list counts the same money.
    expect(((await shop.mine('/orders', viewerId)).body as unknown as unknown[]).length).toBe(3);
  });

  it('takes nothing when one line is short of stock', async () => {
    const shop = await shopShow(relay, cartCatalog());
    const viewerId = await shop.viewer();
    const before = footprint(relay, shop.show.id);
    const lines = [threeLines[0], { productId: 'hat', optionId: null, quantity: 5 }, threeLines[1]]; // 4 hats left
    const r = await shop.w('POST', '/carts', cartBody(viewerId, { lines, expectedTotal: 15000 + 45000 + 10000 + 3000 }));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'out_of_stock' });
    expect(String(r.body.message)).toMatch(/line 2/);
    expect(footprint(relay, shop.show.id)).toEqual(before);
  });

  it('is one cart for a retried key, refused for the same key with other content, and one cart for overlapping duplicates', async () => {
    const shop = await shopShow(relay, cartCatalog());
    const viewerId = await shop.viewer();
    const body = cartBody(viewerId);
    const first = await shop.w('POST', '/carts', body);
    const again = await shop.w('POST', '/carts', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.cartId).toBe(first.body.cartId);
    const other = await shop.w('POST', '/carts', { ...body, lines: threeLines.slice(0, 2), expectedTotal: 31000 });
    expect(other.body).toMatchObject({ error: 'idempotency_conflict' });

    const racing = cartBody(viewerId);
    const beforeRace = footprint(relay, shop.show.id).stock;
    const answers = await Promise.all([1, 2, 3].map(() => shop.w('POST', '/carts', racing)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.cartId)).size).toBe(1);
    const after = footprint(relay, shop.show.id);
    expect(after.orders).toBe(6);
    // The stock of every line is taken once, however many of the duplicates were in flight.
    for (const l of threeLines) expect(after.stock[`${l.productId}/${l.optionId ?? ''}`]).toBe(beforeRace[`${l.productId}/${l.optionId ?? ''}`]! - l.quantity);
  });

  it('keeps per-buyer caps per product across lines (two options of one product add up)', async () => {
    const shop = await shopShow(relay, cartCatalog());
    const viewerId = await shop.viewer();
    const before = footprint(relay, shop.show.id);
    const lines = [
      { productId: 'coat', optionId: 'm', quantity: 1 },
      { productId: 'coat', optionId: 'l', quantity: 2 },
    ];
    const r = await shop.w('POST', '/carts', cartBody(viewerId, { lines, expectedTotal: 360000 + 3000 }));
    expect(r.body).toMatchObject({ error: 'buyer_cap' });
    expect(footprint(relay, shop.show.id)).toEqual(before);
  });
});

describe('consent and bad carts', () => {
  it('refuses an order or a cart without consent to personal-data collection, and stores nothing', async () => {
    const shop = await shopShow(relay, cartCatalog());
    const viewerId = await shop.viewer();
    const before = footprint(relay, shop.show.id);
    for (const consent of [false, undefined]) {
      const r = await shop.w('POST', '/carts', cartBody(viewerId, { consent }));
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: 'consent_required' });
    }
    const single = await shop.w('POST', '/orders', { viewerId, line: { productId: 'tee', optionId: null, quantity: 1 }, couponCode: null, idempotencyKey: randomId('k_'), buyer: sampleBuyer(), payment: 'bank_transfer', expectedTotal: 18000, paymentToken: null });
    expect(single.body).toMatchObject({ error: 'consent_required' });
    expect(footprint(relay, shop.show.id)).toEqual(before);
  });

  it('refuses empty, oversized, duplicated, forged and unknown carts with a clear code, storing nothing', async () => {
    const shop = await shopShow(relay, cartCatalog());
    const viewerId = await shop.viewer();
    const before = footprint(relay, shop.show.id);
    const cases: [Record<string, unknown>, number, string, RegExp?][] = [
      [{ lines: [] }, 400, 'bad_request', /empty/],
      [{ lines: Array.from({ length: 11 }, (_, i) => ({ productId: `p${i}`, optionId: null, quantity: 1 })) }, 400, 'bad_request', /at most 10/],
      [{ lines: [threeLines[0], threeLines[0]] }, 400, 'bad_request', /two lines/],
      [{ lines: [{ productId: 'tee', optionId: null, quantity: 0 }] }, 400, 'bad_request'],
      [{ expectedTotal: 100 }, 409, 'total_mismatch', /40000 KRW/],
      [{ lines: [threeLines[0], { productId: 'ghost', optionId: null, quantity: 1 }], expectedTotal: 18000 }, 400, 'unknown_product', /line 2/],
      [{ lines: [{ productId: 'coat', optionId: null, quantity: 1 }], expectedTotal: 120000 }, 400, 'option_required'],
      [{ buyer: sampleBuyer({ address: { postcode: '63309', line1: '' } }) }, 400, 'bad_request'],
    ];
    for (const [over, status, code, message] of cases) {
      const r = await shop.w('POST', '/carts', cartBody(viewerId, over));
      expect([r.status, r.body.error], JSON.stringify(over).slice(0, 80)).toEqual([status, code]);
      if (message) expect(String(r.body.message)).toMatch(message);
    }
    expect((await shop.w('POST', '/carts', undefined, '{"lines":')).status).toBe(400);
    expect(footprint(relay, shop.show.id)).toEqual(before);
  });
});
