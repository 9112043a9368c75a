import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckoutRequest } from '../../../common/commerce/order.js';
import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import { EMPTY_STAGE } from '../../../common/stage.js';
import { openRelayDb, type Db } from '../db/database.js';
import { createLogger } from '../log.js';
import { ShowStore } from '../shows/show-store.js';
import { Commerce } from './commerce.js';
import { TestPaymentProvider } from './payment-provider.js';

/** Card money paths in-process: an approved payment whose order cannot be placed is given back. */
const catalog: ShowCatalog = {
  products: [{ id: 'last', name: 'Last one', imageUrls: [], currency: 'KRW', price: 10000, salePrice: null, stock: 1, options: [], externalUrl: null }],
  coupons: [],
  quizzes: [],
  polls: [],
  payment: { bankTransfer: null, cashOnDelivery: false, card: true, shippingFee: 0, freeShippingFrom: null },
};
const body = (viewerId: string, key: string) =>
  CheckoutRequest.parse({
    viewerId,
    line: { productId: 'last', optionId: null, quantity: 1 },
    couponCode: null,
    idempotencyKey: key,
    buyer: { name: 'Kim', phone: '010-1111-2222', address: { postcode: '12345', line1: 'Seoul' } },
    payment: 'card',
    expectedTotal: 10000,
    paymentToken: 'test_ok',
    consent: true,
  });

let dir: string;
let db: Db;
let shows: ShowStore;
let payments: TestPaymentProvider;
let commerce: Commerce;
let showId: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-card-'));
  db = openRelayDb(dir);
  shows = new ShowStore(db);
  showId = shows.create('cards', null).id;
  shows.start(showId);
  payments = new TestPaymentProvider();
  commerce = new Commerce({ db, shows, broadcast: () => undefined, stageOf: () => EMPTY_STAGE, log: createLogger('error'), payments });
  commerce.putCatalog(showId, catalog);
});
afterEach(() => {
  commerce.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('card payments', () => {
  it('refunds the buyer who was charged but lost the last item to another in the same instant', async () => {
    const a = commerce.viewers.register(showId, '127.0.0.1', null, null).viewerId;
    const b = commerce.viewers.register(showId, '127.0.0.1', null, null).viewerId;
    const results = await Promise.allSettled([commerce.checkout.checkout(shows.get(showId)!, body(a, 'key_aaaaaaaaaaaaaaaa'), 'n-a'), commerce.checkout.checkout(shows.get(showId)!, body(b, 'key_bbbbbbbbbbbbbbbb'), 'n-b')]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'sold_out' });
    expect(payments.journal.filter((j) => j.kind === 'authorize' && j.approved)).toHaveLength(2);
    const refunds = payments.journal.filter((j) => j.kind === 'refund');
    expect(refunds).toHaveLength(1);
    const won = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ order: { id: string } }>).value.order.id;
    expect(refunds[0]!.orderId).not.toBe(won);
    expect((db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n).toBe(1);
  });

  it('charges a double tap once', async () => {
    const a = commerce.viewers.register(showId, '127.0.0.1', null, null).viewerId;
    const [first, second] = await Promise.all([commerce.checkout.checkout(shows.get(showId)!, body(a, 'key_cccccccccccccccc'), 'n-a'), commerce.checkout.checkout(shows.get(showId)!, body(a, 'key_cccccccccccccccc'), 'n-a')]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(payments.journal.filter((j) => j.kind === 'authorize')).toHaveLength(1);
  });

  it('refunds a paid card order through the provider before marking it refunded', async () => {
    const a = commerce.viewers.register(showId, '127.0.0.1', null, null).viewerId;
    const { order } = await commerce.checkout.checkout(shows.get(showId)!, body(a, 'key_dddddddddddddddd'), 'n-a');
    expect(order.status).toBe('paid');
    const refunded = await commerce.actions.act(order.id, 'refund', 'changed mind');
    expect(refunded.status).toBe('refunded');
    expect(payments.journal.at(-1)).toMatchObject({ kind: 'refund', orderId: order.id, amount: 10000 });
    expect(commerce.catalogs.stockOf(showId, 'last', null)).toBe(1);
  });
});
