import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkCancelResponse, OrderCluster } from '../../common/commerce/clusters.js';
import type { Product } from '../../common/commerce/catalog.js';
import type { SellerOrder } from '../../common/commerce/order.js';
import { startCoreHarness, type CoreHarness } from '../testing/core-harness.js';

// The relay is a FAKE (main/testing/fake-relay-commerce.ts) on 127.0.0.1; the real relay's clusters are tested in tests/integration/commerce-fairness.test.ts.
let h: CoreHarness;
let socks: Product;
beforeEach(async () => {
  h = await startCoreHarness();
  socks = await h.ok<Product>('products.save', { input: { name: '양말', price: 3000, stock: 10 } });
  h.relay.shows.set('show1', { id: 'show1', title: '봄 니트 라이브', status: 'scheduled', scheduledAt: null, startedAt: null, endedAt: null, createdAt: new Date(0).toISOString(), rehearsalOf: null });
  await h.ok('shows.start', { showId: 'show1' });
});
afterEach(() => h.close());

describe('suspicious clusters through the studio core', () => {
  it('lists a cluster and cancels its unpaid orders in one call; a paid one is refused, and the request is checked', async () => {
    const a = h.relay.commerce.addOrder('show1', { productId: socks.id });
    const b = h.relay.commerce.addOrder('show1', { productId: socks.id });
    const paid = h.relay.commerce.addOrder('show1', { productId: socks.id, status: 'paid' });
    const clusters = await h.ok<OrderCluster[]>('orders.clusters', { showId: 'show1' });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.orderIds.sort()).toEqual([a.id, b.id, paid.id].sort());
    const r = await h.ok<BulkCancelResponse>('orders.cancelMany', { showId: 'show1', orderIds: clusters[0]!.orderIds });
    expect(r.cancelled.sort()).toEqual([a.id, b.id].sort());
    expect(r.refused).toEqual([{ orderId: paid.id, error: 'invalid_transition' }]);
    const orders = await h.ok<SellerOrder[]>('orders.list', { showId: 'show1' });
    expect(orders.filter((o) => o.status === 'cancelled').map((o) => o.id).sort()).toEqual([a.id, b.id].sort());
    expect(await h.ok<OrderCluster[]>('orders.clusters', { showId: 'show1' })).toEqual([]);
    // Malformed requests stop at the IPC contract.
    await expect(h.ok('orders.cancelMany', { showId: 'show1', orderIds: [] })).rejects.toThrow();
    await expect(h.ok('orders.cancelMany', { showId: 'show1', orderIds: Array.from({ length: 501 }, (_, i) => `o${i}`) })).rejects.toThrow();
  });
});
