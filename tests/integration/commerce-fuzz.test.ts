import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, checkoutBody, footprint, openRelayDbReadOnly, sampleCatalog, shopShow, type ShopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { seededRandom } from '../../common/testing/seeded-random.js';

/**
 * Random viewer requests over HTTP (seeded, so a failure replays): mutated checkout bodies, wrong
 * types, junk JSON, odd strings. The relay must answer every one with a client error or a success,
 * never a 500, keep serving, and never sell more than it holds.
 */
let relay: RunningRelay;
let shop: ShopShow;

beforeAll(async () => {
  relay = await startRelay();
  const catalog = sampleCatalog();
  catalog.products[0]!.stock = 6;
  shop = await shopShow(relay, catalog);
});
afterAll(async () => {
  await relay?.stop();
});


const ODD: unknown[] = [null, true, 0, -1, 1e308, 1.5, '', ' ', '\u0000', '<script>', 'x'.repeat(300), '🙂'.repeat(30), [], {}, [1, 2], { __proto__: { polluted: true } }, 'NaN'];

/** Replaces, deletes or adds one field somewhere in the object. */
function mutate(r: ReturnType<typeof seededRandom>, value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 3) return r.pick(ODD);
  const obj = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(obj);
  const what = r.int(0, 9);
  const key = r.pick(keys.length ? keys : ['x']);
  if (what === 0) delete obj[key];
  else if (what === 1) obj[`extra${r.int(0, 9)}`] = r.pick(ODD);
  else if (what <= 5) obj[key] = mutate(r, obj[key], depth + 1);
  else obj[key] = r.pick(ODD);
  return obj;
}

describe('random viewer requests', () => {
  it('never crash the relay, never oversell, and always get a meaningful answer', async () => {
    const r = seededRandom(4242);
    const viewers = await Promise.all(Array.from({ length: 6 }, () => shop.viewer()));
    const allowed = new Set([200, 201, 400, 401, 402, 404, 409, 413, 429]);
    const seen = new Map<number, number>();
    for (let round = 0; round < 25; round++) {
      const requests = Array.from({ length: 12 }, () => {
        const v = r.pick(viewers);
        const kind = r.int(0, 9);
        if (kind <= 5) {
          let body: unknown = checkoutBody(v, { payment: r.pick(['bank_transfer', 'card', 'cash_on_delivery']), paymentToken: r.pick([null, 'test_ok']) });
          for (let i = r.int(0, 3); i > 0; i--) body = mutate(r, body);
          return shop.w('POST', '/orders', body);
        }
        if (kind === 6) return shop.w('POST', '/quote', mutate(r, { viewerId: v, line: { productId: 'tee', optionId: null, quantity: 1 }, couponCode: null }));
        if (kind === 7) return shop.w('POST', '/coupons/claim', mutate(r, { viewerId: v, couponId: 'c10' }));
        if (kind === 8) return shop.w('POST', '/viewers', mutate(r, { viewerId: v, nickname: 'n' }));
        return shop.w('POST', r.pick(['/orders', '/quote', '/coupons/claim']), undefined, r.pick(['{', '[]', 'null', '"x"', '{"a":1}', '\u00ff\u00fe', '{"viewerId":{"$ne":1}}']));
      });
      for (const a of await Promise.all(requests)) {
        seen.set(a.status, (seen.get(a.status) ?? 0) + 1);
        expect(allowed.has(a.status), `status ${a.status}: ${a.text}`).toBe(true);
        if (a.status >= 400) expect(typeof a.body.error).toBe('string');
      }
    }
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}/stock`)).status).toBe(200);
    const f = footprint(relay, shop.show.id);
    const db = openRelayDbReadOnly(relay);
    const sold = db.prepare("SELECT product_id || '/' || COALESCE(option_id, '') AS line, SUM(quantity) AS n FROM orders WHERE show_id = ? GROUP BY line").all(shop.show.id) as { line: string; n: number }[];
    db.close();
    const initial: Record<string, number> = { 'tee/': 6, 'coat/m': 3, 'coat/l': 2 };
    for (const [line, n] of Object.entries(initial)) expect((sold.find((s) => s.line === line)?.n ?? 0) + f.stock[line]!).toBe(n);
    expect(seen.get(400) ?? 0).toBeGreaterThan(0);
    expect(relay.output()).not.toContain('"level":"error"');
  });
});
