import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SellerOrder, ViewerOrder } from '../../common/commerce/order.js';
import { call, checkoutBody, sampleBuyer, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { requestFrom, sourceAddress } from '../helpers/source-address.js';

/** After the order: the seller ships it (courier + tracking number), the buyer finds it by phone + order number. */
let relay: RunningRelay;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

type Answered = SellerOrder & { error?: string; message?: string };
const ship = (orderId: string, body: unknown) => call<Answered>(relay, 'POST', `/api/orders/${orderId}/shipped`, body);
const act = (orderId: string, action: string) => call<Answered>(relay, 'POST', `/api/orders/${orderId}/${action}`, {});
let nextSource = 10;
/** A lookup from its own network (a fresh budget) unless one is given. */
const lookup = (token: string, body: unknown, from = sourceAddress(nextSource++)) => requestFrom<ViewerOrder & { error?: string; message?: string }>(relay.url, from, 'POST', `/api/watch/${token}/orders/lookup`, body);

describe('shipping', () => {
  it('ships a paid order with courier and tracking number; the buyer sees it on their orders', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const placed = await shop.w('POST', '/orders', checkoutBody(v));
    const id = placed.body.id as string;
    expect((await ship(id, { courier: 'cj', trackingNumber: '6012-3456-7890' })).body).toMatchObject({ error: 'invalid_transition', message: expect.stringMatching(/not paid yet/) });
    await act(id, 'paid');
    const shipped = await ship(id, { courier: 'cj', trackingNumber: '6012-3456-7890' });
    expect(shipped.status).toBe(200);
    expect(shipped.body.shipment).toMatchObject({ courier: 'cj', trackingNumber: '601234567890' });
    const again = await ship(id, { courier: 'cj', trackingNumber: '601234567890' });
    expect(again.body.shipment?.shippedAt).toBe(shipped.body.shipment?.shippedAt); // a double click changes nothing
    const corrected = await ship(id, { courier: 'hanjin', trackingNumber: '512345678901' });
    expect(corrected.body.shipment).toMatchObject({ courier: 'hanjin', trackingNumber: '512345678901' });
    expect((await shop.mine('/orders', v)).body).toMatchObject([{ id, status: 'paid', shipment: { courier: 'hanjin', trackingNumber: '512345678901' } }]);
  });

  it('ships cash on delivery without marking it paid; refuses cancelled orders, unknown couriers and bad tracking numbers', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const cod = await shop.w('POST', '/orders', checkoutBody(v, { payment: 'cash_on_delivery' }));
    expect((await ship(cod.body.id as string, { courier: 'epost', trackingNumber: '6865123456789' })).body).toMatchObject({ status: 'awaiting_payment', shipment: { courier: 'epost' } });
    const other = await shop.w('POST', '/orders', checkoutBody(v));
    await act(other.body.id as string, 'cancel');
    expect((await ship(other.body.id as string, { courier: 'cj', trackingNumber: '601234567890' })).body.error).toBe('invalid_transition');
    const paid = await shop.w('POST', '/orders', checkoutBody(v, { payment: 'card', paymentToken: 'test_ok' }));
    for (const bad of [{ courier: 'dhl', trackingNumber: '601234567890' }, { courier: 'cj', trackingNumber: '12' }, { courier: 'cj', trackingNumber: '<script>1234567' }, { courier: 'cj', trackingNumber: '601234567890', extra: 1 }, { courier: 'cj' }]) {
      const r = await ship(paid.body.id as string, bad);
      expect(r.status).toBe(400);
      expect(r.body.error).toBe('bad_request');
    }
    expect((await ship('nope', { courier: 'cj', trackingNumber: '601234567890' })).body.error).toBe('not_found');
    expect((await call(relay, 'POST', `/api/orders/${paid.body.id as string}/shipped`, { courier: 'cj', trackingNumber: '601234567890' }, { key: null })).status).toBe(401);
    expect((await shop.mine('/orders', v)).body).toEqual(expect.arrayContaining([expect.objectContaining({ id: paid.body.id, shipment: null })]));
  });
});

describe("shipping many orders from the seller's sheet", () => {
  it('ships the good rows and lists every bad row with its line and reason', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const place = async (over: Record<string, unknown> = {}) => (await shop.w('POST', '/orders', checkoutBody(v, over))).body as { id: string; number: string };
    const paid = await place();
    await act(paid.id, 'paid');
    const cod = await place({ payment: 'cash_on_delivery' });
    const unpaid = await place();
    const other = await shopShow(relay);
    const elsewhere = (await other.w('POST', '/orders', checkoutBody(await other.viewer(), { payment: 'cash_on_delivery' }))).body as { number: string };
    const rows = [
      { line: 2, number: paid.number.toLowerCase(), courier: 'CJ대한통운', trackingNumber: '6012-3456-7890' },
      { line: 3, number: cod.number, courier: '우체국 택배', trackingNumber: '6865123456789' },
      { line: 4, number: unpaid.number, courier: 'cj', trackingNumber: '601234567891' },
      { line: 5, number: 'LC-000101-000000', courier: 'cj', trackingNumber: '601234567892' },
      { line: 6, number: elsewhere.number, courier: 'cj', trackingNumber: '601234567893' },
      { line: 7, number: cod.number, courier: 'cj', trackingNumber: '601234567894' },
      { line: 8, number: paid.number, courier: 'DHL', trackingNumber: '601234567895' },
      { line: 9, number: paid.number, courier: 'cj', trackingNumber: '12' },
    ];
    const r = await call<{ shipped: number; refused: { line: number; error: string }[] }>(relay, 'POST', `/api/shows/${shop.show.id}/orders/shipped`, { rows });
    expect(r.status).toBe(200);
    expect(r.body.shipped).toBe(2);
    expect(r.body.refused.map((x) => [x.line, x.error])).toEqual([
      [4, 'not_shippable'],
      [5, 'unknown_order'],
      [6, 'unknown_order'],
      [7, 'duplicate_row'],
      [8, 'duplicate_row'],
      [9, 'duplicate_row'],
    ]);
    const mine = (await shop.mine("/orders", v)).body as unknown as ViewerOrder[];
    expect(mine.find((o) => o.id === paid.id)?.shipment).toMatchObject({ courier: 'cj', trackingNumber: '601234567890' });
    expect(mine.find((o) => o.id === cod.id)?.shipment).toMatchObject({ courier: 'epost', trackingNumber: '6865123456789' });
    expect(mine.find((o) => o.id === unpaid.id)?.shipment).toBeNull();
    // A malformed sheet body (too many rows, oversized cells, extra fields) is refused whole.
    for (const bad of [{ rows: [] }, { rows: [{ ...rows[0], number: 'x'.repeat(41) }] }, { rows: [{ ...rows[0], extra: 1 }] }, { rows: Array.from({ length: 2001 }, () => rows[0]) }]) {
      expect((await call(relay, 'POST', `/api/shows/${shop.show.id}/orders/shipped`, bad)).body.error).toMatch(/bad_request|too_large/);
    }
  });
});

describe('order lookup by phone and order number', () => {
  it('finds the order from any device when both match, whatever way the phone is typed', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const placed = await shop.w('POST', '/orders', checkoutBody(v, { buyer: sampleBuyer({ phone: '010-2222-3333' }) }));
    const number = placed.body.number as string;
    const found = await lookup(shop.token, { number: number.toLowerCase(), phone: '+82 10 2222 3333' });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ id: placed.body.id, number, status: 'awaiting_payment', payTo: { bank: '국민은행' } });
    expect(JSON.stringify(found.body)).not.toContain('홍길동'); // the buyer's own view: no name, phone or address
    expect(JSON.stringify(found.body)).not.toContain('테헤란로');
  });

  it('answers a wrong phone exactly like an unknown number, and never across shows', async () => {
    const shop = await shopShow(relay);
    const otherShop = await shopShow(relay);
    const v = await shop.viewer();
    const placed = await shop.w('POST', '/orders', checkoutBody(v, { buyer: sampleBuyer({ phone: '010-4444-5555' }) }));
    const number = placed.body.number as string;
    const wrongPhone = await lookup(shop.token, { number, phone: '010-4444-5556' });
    const unknown = await lookup(shop.token, { number: 'LC-000101-000000', phone: '010-4444-5555' });
    const elsewhere = await lookup(otherShop.token, { number, phone: '010-4444-5555' });
    expect(wrongPhone).toEqual(unknown);
    expect(elsewhere).toEqual(unknown);
    expect(unknown).toMatchObject({ status: 404, body: { error: 'not_found' } });
    for (const bad of [{ number }, { number: 'x', phone: '010-4444-5555' }, { number, phone: 'call me' }, { number, phone: '010-4444-5555', viewerId: 'v' }]) {
      expect((await lookup(shop.token, bad)).body.error).toBe('bad_request');
    }
    expect((await lookup('not-a-token', { number, phone: '010-4444-5555' })).status).toBeGreaterThanOrEqual(400);
  });

  it('rate-limits guessing per network and per phone, and the limit does not open the door', async () => {
    const shop = await shopShow(relay);
    const v = await shop.viewer();
    const placed = await shop.w('POST', '/orders', checkoutBody(v, { buyer: sampleBuyer({ phone: '010-7777-8888' }) }));
    const number = placed.body.number as string;
    // One network guessing phones: 5 tries, then refused, even with the right phone.
    const guesser = sourceAddress(900);
    for (let i = 0; i < 5; i++) expect((await lookup(shop.token, { number, phone: `010-7777-000${i}` }, guesser)).status).toBe(404);
    const limited = await lookup(shop.token, { number, phone: '010-7777-8888' }, guesser);
    expect(limited).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
    expect(limited.body.id).toBeUndefined();
    // Many networks guessing numbers for one known phone: 5 tries for that phone, then refused everywhere.
    for (let i = 0; i < 5; i++) expect((await lookup(shop.token, { number: `LC-000101-00000${i}`, phone: '010-9999-0000' })).status).toBe(404);
    expect((await lookup(shop.token, { number: 'LC-000101-000009', phone: '010 9999 0000' })).body.error).toBe('rate_limited');
    // The buyer on another network with another phone is not affected.
    expect((await lookup(shop.token, { number, phone: '010-7777-8888' })).status).toBe(200);
  });
});
