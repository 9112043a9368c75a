import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SellerOrder, ViewerOrder } from '../../common/commerce/order.js';
import { call, checkoutBody, sampleCatalog, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/**
 * "A crash never loses an acknowledged order": a burst of orders is under way when the relay is
 * killed outright (SIGKILL to its whole process group, no chance to flush anything). Every order a
 * buyer was told succeeded must be in the SQLite file, stock must agree with the orders, and the
 * restarted relay must show them to the seller.
 */
let relay: RunningRelay;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

const STOCK = 60;

describe('a crash in the middle of a burst of orders', () => {
  it('keeps every acknowledged order, and stock agrees with the orders after restart', async () => {
    const catalog = sampleCatalog();
    catalog.products[0]!.stock = STOCK;
    const shop = await shopShow(relay, catalog);
    const buyers = await Promise.all(Array.from({ length: STOCK }, () => shop.viewer()));

    const acknowledged: string[] = [];
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      process.kill(-relay.proc.pid!, 'SIGKILL');
    };
    // Four buyers at a time, back to back, so the kill lands with orders in every stage of flight.
    const queue = [...buyers];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let viewerId = queue.shift(); viewerId && !killed; viewerId = queue.shift()) {
          try {
            // Paid by card: unpaid orders from one network are capped at 5 (docs/identity-and-fairness.md).
            const r = await shop.w('POST', '/orders', checkoutBody(viewerId, { payment: 'card', paymentToken: 'test_ok' }));
            if (r.status === 201) {
              acknowledged.push((r.body as unknown as ViewerOrder).id);
              if (acknowledged.length === 10) kill();
            }
          } catch {
            // The connection died with the relay: not acknowledged, so it may or may not exist.
          }
        }
      }),
    );
    kill();
    await new Promise<void>((resolve) => (relay.proc.exitCode !== null || relay.proc.signalCode !== null ? resolve() : relay.proc.once('exit', () => resolve())));
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    expect(acknowledged.length).toBeLessThan(STOCK); // the crash really came mid-burst

    // Read the file as the crash left it (opening read-write replays the WAL like the relay will).
    const db = new Database(path.join(relay.dataDir, 'relay.sqlite'));
    try {
      const stored = new Set((db.prepare('SELECT id FROM orders WHERE show_id = ?').all(shop.show.id) as { id: string }[]).map((r) => r.id));
      for (const id of acknowledged) expect(stored.has(id)).toBe(true);
      const stock = (db.prepare("SELECT stock FROM show_stock WHERE show_id = ? AND product_id = 'tee'").get(shop.show.id) as { stock: number }).stock;
      expect(stock + stored.size).toBe(STOCK);
    } finally {
      db.close();
    }

    await relay.restart();
    const orders = (await call<SellerOrder[]>(relay, 'GET', `/api/shows/${shop.show.id}/orders`)).body;
    const ids = new Set(orders.map((o) => o.id));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
  });
});
