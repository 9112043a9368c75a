import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckoutRequest } from '../../../common/commerce/order.js';
import { priceLine } from '../../../common/commerce/pricing.js';
import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import { EMPTY_STAGE } from '../../../common/stage.js';
import { openRelayDb, type Db } from '../db/database.js';
import { createLogger } from '../log.js';
import { ShowStore } from '../shows/show-store.js';
import { NETWORK_SHARE } from './identity.js';
import { CommerceError } from './commerce-error.js';
import { Commerce } from './commerce.js';
import { seededRandom } from '../../../common/testing/seeded-random.js';


const catalog: ShowCatalog = {
  products: [
    { id: 'a', name: 'A', imageUrls: [], currency: 'KRW', price: 9900, salePrice: null, stock: 7, options: [], externalUrl: null },
    { id: 'b', name: 'B', imageUrls: [], currency: 'KRW', price: 50000, salePrice: 33333, stock: 6, options: [{ id: 's', name: 'S', stock: 2 }, { id: 'm', name: 'M', stock: 4 }], externalUrl: null },
    { id: 'c', name: 'C', imageUrls: [], currency: 'USD', price: 1999, salePrice: null, stock: 3, options: [], externalUrl: null },
  ],
  coupons: [
    { id: 'p', code: 'PCT15', kind: 'percent', amount: 15, currency: 'KRW', minOrder: 0, totalQuota: 5, perViewerCap: 2, validFrom: null, validUntil: null },
    { id: 'f', code: 'FIX', kind: 'fixed', amount: 60000, currency: 'KRW', minOrder: 20000, totalQuota: 3, perViewerCap: 1, validFrom: null, validUntil: null },
  ],
  quizzes: [],
  polls: [],
  payment: { bankTransfer: { bank: 'B', accountNumber: '111-222-333', holder: 'H' }, cashOnDelivery: true, card: true, shippingFee: 2500, freeShippingFrom: 60000 },
};
const INITIAL: Record<string, number> = { 'a/': 7, 'b/s': 2, 'b/m': 4, 'c/': 3 };

let dir: string;
let db: Db;
let commerce: Commerce;
let showId: string;
let shows: ShowStore;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-checkout-prop-'));
  db = openRelayDb(dir);
  shows = new ShowStore(db);
  showId = shows.create('property', null).id;
  shows.start(showId);
  commerce = new Commerce({ db, shows, broadcast: () => undefined, stageOf: () => EMPTY_STAGE, log: createLogger('error') });
  commerce.putCatalog(showId, catalog);
});
afterAll(() => {
  commerce.stop();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function randomRequest(r: ReturnType<typeof seededRandom>, viewers: string[]) {
  const product = r.pick([...catalog.products.map((p) => p.id), 'ghost']);
  const optionId = r.pick([null, 's', 'm', 'x']);
  const quantity = r.pick([1, 1, 1, 2, 3, 5, 99]);
  const couponCode = r.pick([null, null, 'PCT15', 'FIX', 'NOPE']);
  const line = { productId: product, optionId, quantity };
  // Most requests carry the right total (what the watch page computes), some are tampered.
  const priced = priceLine({ product: catalog.products.find((p) => p.id === product), line, stockLeft: 1000, coupon: catalog.coupons.find((c) => c.code === couponCode) ?? null, couponCode, payment: catalog.payment, now: Date.now() });
  const right = priced.ok ? priced.quote.total : r.int(0, 100000);
  return CheckoutRequest.parse({
    viewerId: r.pick(viewers),
    line,
    couponCode,
    idempotencyKey: `key_${r.int(0, 400).toString().padStart(12, '0')}`,
    buyer: { name: r.pick(['김', 'Ann', '<b>x</b>']), phone: '010-0000-0000', address: { postcode: '12345', line1: 'somewhere' } },
    payment: r.pick(['bank_transfer', 'cash_on_delivery', 'card'] as const),
    expectedTotal: r.next() < 0.85 ? right : right + r.pick([-1, 1, 1000]),
    paymentToken: r.pick([null, 'test_ok', 'test_ok', 'test_decline']),
    consent: true,
  });
}

describe('checkout under random requests (seeded)', () => {
  it('never oversells, never charges a total priceLine disagrees with, and refuses only with commerce codes', async () => {
    const r = seededRandom(20261122);
    const viewers = Array.from({ length: 12 }, (_, i) => commerce.viewers.register(showId, `127.0.0.${i + 1}`, null, null).viewerId);
    // Three networks of four devices each: the per-network share of unpaid orders is exercised too.
    const netOf = (viewerId: string) => `net-${viewers.indexOf(viewerId) % 3}`;
    const codes = new Map<string, number>();
    for (let round = 0; round < 60; round++) {
      // Overlapping requests: several land in the same group-commit batch, some share keys.
      const batch = Array.from({ length: r.int(1, 25) }, () => randomRequest(r, viewers));
      const settled = await Promise.allSettled(batch.map((req) => commerce.checkout.checkout(shows.get(showId)!, req, netOf(req.viewerId))));
      for (const s of settled) {
        if (s.status === 'rejected') {
          expect(s.reason).toBeInstanceOf(CommerceError);
          const code = (s.reason as CommerceError).code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        } else codes.set(String(s.value.status), (codes.get(String(s.value.status)) ?? 0) + 1);
      }
    }
    const standing = db.prepare("SELECT product_id, option_id, quantity, coupon_id, total, quote FROM orders WHERE show_id = ? AND status IN ('awaiting_payment','paid')").all(showId) as { product_id: string; option_id: string | null; quantity: number; coupon_id: string | null; total: number; quote: string }[];
    const stock = Object.fromEntries((db.prepare('SELECT product_id, option_id, stock FROM show_stock WHERE show_id = ?').all(showId) as { product_id: string; option_id: string; stock: number }[]).map((s) => [`${s.product_id}/${s.option_id}`, s.stock]));
    for (const [line, initial] of Object.entries(INITIAL)) {
      const sold = standing.filter((o) => `${o.product_id}/${o.option_id ?? ''}` === line).reduce((n, o) => n + o.quantity, 0);
      expect(stock[line]).toBeGreaterThanOrEqual(0);
      expect(sold + stock[line]!).toBe(initial);
    }
    for (const o of standing) {
      const coupon = catalog.coupons.find((c) => c.id === o.coupon_id) ?? null;
      const again = priceLine({ product: catalog.products.find((p) => p.id === o.product_id), line: { productId: o.product_id, optionId: o.option_id, quantity: o.quantity }, stockLeft: 1000, coupon, couponCode: coupon?.code ?? null, payment: catalog.payment, now: Date.now() });
      expect(again.ok && again.quote.total).toBe(o.total);
    }
    // Quotas and caps held too.
    for (const c of catalog.coupons) {
      const claims = (db.prepare('SELECT COUNT(*) AS n FROM coupon_claims WHERE show_id = ? AND coupon_id = ?').get(showId, c.id) as { n: number }).n;
      expect(claims).toBeLessThanOrEqual(c.totalQuota);
      const maxUses = (db.prepare("SELECT MAX(n) AS m FROM (SELECT COUNT(*) AS n FROM orders WHERE show_id = ? AND coupon_id = ? AND status IN ('awaiting_payment','paid') GROUP BY viewer_id)").get(showId, c.id) as { m: number | null }).m ?? 0;
      expect(maxUses).toBeLessThanOrEqual(c.perViewerCap);
    }
    const unpaidPerNetwork = (db.prepare("SELECT MAX(n) AS m FROM (SELECT COUNT(*) AS n FROM orders WHERE show_id = ? AND status = 'awaiting_payment' AND payment != 'card' GROUP BY product_id, net)").get(showId) as { m: number | null }).m ?? 0;
    expect(unpaidPerNetwork).toBeLessThanOrEqual(NETWORK_SHARE);
    // The generator reached the interesting outcomes, not only one kind of refusal.
    for (const code of ['201', 'sold_out', 'total_mismatch', 'unknown_product', 'payment_declined']) expect(codes.get(code) ?? 0).toBeGreaterThan(0);
  });
});
