import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckoutRequest } from '../../../common/commerce/order.js';
import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import { EMPTY_STAGE, type Stage } from '../../../common/stage.js';
import { openRelayDb, type Db } from '../db/database.js';
import { createLogger } from '../log.js';
import { ShowStore } from '../shows/show-store.js';
import { CommerceError } from './commerce-error.js';
import { Commerce } from './commerce.js';
import { NETWORK_SHARE, NEW_DEVICES_BURST } from './identity.js';

/** Fairness rules in-process with a clock the test moves: payment window, caps across devices, shares per network, drops, clusters. */
const catalog: ShowCatalog = {
  products: [
    { id: 'pad', name: '패딩', imageUrls: [], currency: 'KRW', price: 10000, salePrice: null, stock: 3, options: [], externalUrl: null },
    { id: 'capped', name: '한정', imageUrls: [], currency: 'KRW', price: 10000, salePrice: null, stock: 50, options: [], externalUrl: null, perBuyerCap: 1 },
    { id: 'many', name: '양말', imageUrls: [], currency: 'KRW', price: 10000, salePrice: null, stock: 100, options: [], externalUrl: null },
  ],
  coupons: [
    { id: 'drop', code: 'DROP', kind: 'fixed', amount: 1000, currency: 'KRW', minOrder: 0, totalQuota: 100, perViewerCap: 1, validFrom: null, validUntil: null },
    { id: 'plain', code: 'PLAIN', kind: 'fixed', amount: 1000, currency: 'KRW', minOrder: 0, totalQuota: 100, perViewerCap: 1, validFrom: null, validUntil: null },
  ],
  quizzes: [],
  polls: [],
  payment: { bankTransfer: { bank: '국민은행', accountNumber: '123-456-789012', holder: '김판매' }, cashOnDelivery: true, card: true, shippingFee: 0, freeShippingFrom: null },
};
const T0 = Date.parse('2026-11-22T10:00:00Z');

let dir: string;
let db: Db;
let shows: ShowStore;
let commerce: Commerce;
let showId: string;
let clock: number;
let stage: Stage;
let n = 0;

const body = (viewerId: string, over: Record<string, unknown> = {}) =>
  CheckoutRequest.parse({
    viewerId,
    line: { productId: 'pad', optionId: null, quantity: 1 },
    couponCode: null,
    idempotencyKey: `key_${String(++n).padStart(16, '0')}`,
    buyer: { name: '김구매', phone: `010-5555-${String(n).padStart(4, '0')}`, address: { postcode: '06236', line1: '서울 강남구 테헤란로 427', line2: `${n}호` } },
    payment: 'bank_transfer',
    expectedTotal: 10000,
    paymentToken: null,
    consent: true,
    ...over,
  });
const device = (address = '127.0.0.1') => commerce.viewers.register(showId, address, null, null).viewerId;
const order = (viewerId: string, net: string, over: Record<string, unknown> = {}) => commerce.checkout.checkout(shows.get(showId)!, body(viewerId, over), net);
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(CommerceError);
  return (e as CommerceError).code;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-fair-'));
  db = openRelayDb(dir);
  shows = new ShowStore(db);
  showId = shows.create('fair', null).id;
  shows.start(showId);
  clock = T0;
  stage = EMPTY_STAGE;
  commerce = new Commerce({ db, shows, broadcast: () => undefined, stageOf: () => stage, log: createLogger('error'), now: () => clock });
  commerce.putCatalog(showId, catalog);
});
afterEach(() => {
  commerce.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('unpaid bank transfers', () => {
  it('expire after the payment window: the stock is sold again, the buyer sees expired; cash on delivery stays', async () => {
    const holders = [device(), device(), device()];
    const placed = [await order(holders[0]!, 'n1'), await order(holders[1]!, 'n2'), await order(holders[2]!, 'n3', { payment: 'cash_on_delivery' })];
    expect(placed[0]!.order.payBy).toBe(new Date(T0 + 30 * 60_000).toISOString());
    expect(placed[2]!.order.payBy).toBeNull();
    expect(await refusal(order(device(), 'n4'))).toBe('sold_out');
    clock = T0 + 29 * 60_000;
    expect(await commerce.expiry.sweep()).toBe(0);
    await commerce.actions.act(placed[1]!.order.id, 'paid', ''); // paid in time: stays
    clock = T0 + 31 * 60_000;
    expect(await commerce.expiry.sweep()).toBe(1);
    expect(commerce.orders.listByViewer(showId, holders[0]!).map((o) => o.status)).toEqual(['expired']);
    expect(commerce.orders.listByViewer(showId, holders[1]!).map((o) => o.status)).toEqual(['paid']);
    expect(commerce.orders.listByViewer(showId, holders[2]!).map((o) => o.status)).toEqual(['awaiting_payment']);
    expect(commerce.stock.level(showId, 'pad', null)).toBe(1);
    const again = await order(device(), 'n5');
    expect(again.status).toBe(201);
    expect(await commerce.expiry.sweep()).toBe(0);
  });

  it('use the seller’s own window', async () => {
    commerce.putCatalog(showId, { ...catalog, payment: { ...catalog.payment, bankTransfer: { ...catalog.payment.bankTransfer!, paymentWindowMinutes: 5 } } });
    const placed = await order(device(), 'n1');
    clock = T0 + 5 * 60_000;
    expect(await commerce.expiry.sweep()).toBe(1);
    expect(commerce.orders.get(placed.order.id)!.status).toBe('expired');
  });
});

describe('per-buyer caps across device ids', () => {
  it('count one phone or one delivery address as one buyer, whatever device ids it uses', async () => {
    const first = await order(device(), 'n1', { line: { productId: 'capped', optionId: null, quantity: 1 }, buyer: { name: '김', phone: '010-7777-0000', address: { postcode: '06236', line1: '서울특별시 강남구 테헤란로 427', line2: '10층' } } });
    expect(first.status).toBe(201);
    // Same phone typed differently, fresh device, another network, another address.
    expect(await refusal(order(device(), 'n2', { line: { productId: 'capped', optionId: null, quantity: 1 }, buyer: { name: '김', phone: '+82 10 7777 0000', address: { postcode: '11111', line1: '부산 해운대구', line2: '' } } }))).toBe('buyer_cap');
    // Same address spaced differently, another phone, fresh device.
    expect(await refusal(order(device(), 'n3', { line: { productId: 'capped', optionId: null, quantity: 1 }, buyer: { name: '이', phone: '010-8888-0000', address: { postcode: '06236', line1: '서울 강남구 테헤란로427', line2: '10 층' } } }))).toBe('buyer_cap');
    // Cash on delivery counts too; a different buyer is fine.
    expect((await order(device(), 'n4', { payment: 'cash_on_delivery', line: { productId: 'capped', optionId: null, quantity: 1 } })).status).toBe(201);
    // After the first order expires, the buyer may order again.
    clock = T0 + 31 * 60_000;
    await commerce.expiry.sweep();
    expect((await order(device(), 'n5', { line: { productId: 'capped', optionId: null, quantity: 1 }, buyer: { name: '김', phone: '010-7777-0000', address: { postcode: '06236', line1: '서울특별시 강남구 테헤란로 427', line2: '10층' } } })).status).toBe(201);
  });

  it('let one network hold at most its share of unpaid orders of a product; card orders are paid and pass', async () => {
    const results = [];
    for (let i = 0; i < NETWORK_SHARE + 3; i++) results.push(await order(device(), 'n-script', { line: { productId: 'many', optionId: null, quantity: 1 } }).then(() => 'ok', (e: CommerceError) => e.code));
    expect(results.filter((r) => r === 'ok')).toHaveLength(NETWORK_SHARE);
    expect(results.filter((r) => r === 'network_cap')).toHaveLength(3);
    expect((await order(device(), 'n-script', { line: { productId: 'many', optionId: null, quantity: 1 }, payment: 'card', paymentToken: 'test_ok' })).status).toBe(201);
    expect((await order(device(), 'n-other', { line: { productId: 'many', optionId: null, quantity: 1 } })).status).toBe(201);
  });
});

describe('device ids', () => {
  it('are issued by the relay: a made-up id is not taken, and a network gets a budget of new ones', () => {
    const made = 'made_up_device_id_0001';
    const r = commerce.viewers.register(showId, '127.0.0.9', made, null);
    expect(r.viewerId).not.toBe(made);
    expect(commerce.viewers.isRegistered(showId, made)).toBe(false);
    expect(commerce.viewers.isRegistered(showId, r.viewerId)).toBe(true);
    expect(commerce.viewers.register(showId, '127.0.0.9', r.viewerId, null).viewerId).toBe(r.viewerId); // confirmed, not charged
    let issued = 1;
    for (let i = 0; i < NEW_DEVICES_BURST + 10; i++) {
      try {
        device('127.0.0.9');
        issued += 1;
      } catch (e) {
        expect((e as CommerceError).code).toBe('device_budget');
      }
    }
    expect(issued).toBe(NEW_DEVICES_BURST);
    expect(commerce.viewers.register(showId, '127.0.0.10', null, null).viewerId).toBeTruthy(); // another network is not affected
  });

  it('are issued to watching sockets under the same budget: past it a socket watches under an id that cannot act and never counts', () => {
    const made = 'made_up_device_id_0002';
    const first = commerce.viewers.forSocket('127.0.0.11', made);
    expect(first).not.toBe(made);
    expect(commerce.viewers.isIssued(first)).toBe(true);
    expect(commerce.viewers.forSocket('127.0.0.11', first)).toBe(first); // a reload keeps it, free of charge
    const ids = Array.from({ length: NEW_DEVICES_BURST + 5 }, () => commerce.viewers.forSocket('127.0.0.11', undefined));
    const issued = ids.filter((id) => commerce.viewers.isIssued(id));
    expect(issued).toHaveLength(NEW_DEVICES_BURST - 1);
    expect(new Set(ids).size).toBe(ids.length); // watch-only ids are still distinct sockets
    // The registration route shares the budget: this network has none left for now.
    expect(() => commerce.viewers.register(showId, '127.0.0.11', null, null)).toThrow(CommerceError);
  });

  it('keep plain ids registered before signed ids began; a plain id written since (a socket’s) cannot act', () => {
    db.prepare("INSERT INTO viewers (id, created_at) VALUES ('legacy_device_id_0001', '2020-01-01T00:00:00.000Z')").run();
    db.prepare('INSERT INTO viewers (id, created_at) VALUES (?, ?)').run('socket_made_up_id_0001', new Date(Date.now() + 1000).toISOString());
    expect(commerce.viewers.isRegistered(showId, 'legacy_device_id_0001')).toBe(true);
    expect(commerce.viewers.isRegistered(showId, 'socket_made_up_id_0001')).toBe(false);
  });
});

describe('a dropped coupon at checkout', () => {
  it('takes its code only while its drop runs; a code never dropped works as before', async () => {
    db.prepare("INSERT INTO cue_firings (show_id, firing_id, fired_at, op, stage_version) VALUES (?, 'f1', ?, ?, 1)").run(showId, new Date(T0).toISOString(), JSON.stringify({ op: 'dropCoupon', coupon: { couponId: 'drop' }, durationSec: 60 }));
    stage = { ...EMPTY_STAGE, coupon: { couponId: 'drop', code: 'DROP', endsAt: T0 + 60_000 } as Stage['coupon'] };
    expect((await order(device(), 'n1', { couponCode: 'DROP', expectedTotal: 9000, line: { productId: 'many', optionId: null, quantity: 1 } })).status).toBe(201);
    clock = T0 + 61_000;
    stage = EMPTY_STAGE;
    expect(await refusal(order(device(), 'n2', { couponCode: 'DROP', expectedTotal: 9000, line: { productId: 'many', optionId: null, quantity: 1 } }))).toBe('coupon_expired');
    expect((await order(device(), 'n3', { couponCode: 'PLAIN', expectedTotal: 9000, line: { productId: 'many', optionId: null, quantity: 1 } })).status).toBe(201);
  });
});

describe('suspicious clusters', () => {
  it('groups orders by shared phone, address or network, and cancels a cluster in bulk (stock back, paid ones refused)', async () => {
    const same = { name: '박', phone: '010-4444-0000', address: { postcode: '22222', line1: '인천 연수구', line2: '' } };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await order(device(), `n${i}`, { line: { productId: 'many', optionId: null, quantity: 1 }, buyer: same })).order.id);
    const paid = await order(device(), 'n9', { line: { productId: 'many', optionId: null, quantity: 1 }, buyer: same, payment: 'card', paymentToken: 'test_ok' });
    const clusters = commerce.orders.clusters(showId, 3);
    const byPhone = clusters.find((c) => c.by === 'phone')!;
    expect(byPhone.orderIds.sort()).toEqual([...ids, paid.order.id].sort());
    expect(byPhone.key).not.toContain('4444');
    expect(clusters.some((c) => c.by === 'address')).toBe(true);
    expect(clusters.some((c) => c.by === 'network')).toBe(false);
    const result = await commerce.actions.cancelMany(showId, [...byPhone.orderIds, 'ord_unknown'], 'cluster');
    expect(result.cancelled.sort()).toEqual([...ids].sort());
    expect(result.refused).toEqual(expect.arrayContaining([{ orderId: paid.order.id, error: 'invalid_transition' }, { orderId: 'ord_unknown', error: 'not_found' }]));
    expect(commerce.stock.level(showId, 'many', null)).toBe(99);
  });
});
