import { canShip } from '../../common/commerce/shipment.js';
import type { Dashboard, Report } from '../../common/analytics.js';
import type { SellerOrder } from '../../common/commerce/order.js';
import type { ShowCatalog, StockLevel } from '../../common/commerce/show-catalog.js';
import { FakeRefusal, type FakeHandlers } from './declared-fake.js';

/**
 * The commerce routes of the FAKE relay (docs/commerce-api.md, "Studio → relay"): catalog
 * hand-off keeping the stock it already holds, stock, segments, orders and their actions (stock
 * returns on cancel and refund, and a `stock` event goes out), CSV, dashboard and report.
 * Orders come from `addOrder` (tests and the demo), not from a checkout.
 */
export interface FakeCommerce {
  catalogs: Map<string, ShowCatalog>;
  /** Stock the fake holds per show: `${productId}/${optionId ?? ''}` → units. */
  stock: Map<string, Map<string, number>>;
  orders: Map<string, SellerOrder>;
  segments: { showId: string; segmentId: string; title: string }[];
  dashboards: Map<string, Dashboard>;
  reports: Map<string, Report>;
  /** Places an order (stock goes down) and pushes `order` and `stock` events. */
  addOrder(showId: string, order: Partial<SellerOrder> & { productId: string; optionId?: string | null; quantity?: number }): SellerOrder;
}

type Broadcast = (message: unknown) => void;

const levelKey = (productId: string, optionId: string | null) => `${productId}/${optionId ?? ''}`;
let orderSeq = 0;

function levels(catalog: ShowCatalog | undefined, held: Map<string, number>): StockLevel[] {
  if (!catalog) return [];
  return catalog.products.flatMap((p): StockLevel[] =>
    p.options.length ? p.options.map((o) => ({ productId: p.id, optionId: o.id, stock: held.get(levelKey(p.id, o.id)) ?? 0 })) : [{ productId: p.id, optionId: null, stock: held.get(levelKey(p.id, null)) ?? 0 }],
  );
}

/** A CSV cell as the contract says: quoted when needed, formulas neutralised with a leading '. */
function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function createFakeCommerce(broadcast: Broadcast): { commerce: FakeCommerce; handlers: FakeHandlers } {
  const lines = new Map<string, { productId: string; optionId: string | null; quantity: number }>();
  const restock = (order: SellerOrder) => {
    const line = lines.get(order.id);
    const held = commerce.stock.get(order.showId);
    if (!line || !held) return;
    const key = levelKey(line.productId, line.optionId);
    held.set(key, (held.get(key) ?? 0) + line.quantity);
    broadcast({ type: 'stock', showId: order.showId, items: [{ productId: line.productId, optionId: line.optionId, stock: held.get(key)! }] });
  };
  const commerce: FakeCommerce = {
    catalogs: new Map(),
    stock: new Map(),
    orders: new Map(),
    segments: [],
    dashboards: new Map(),
    reports: new Map(),
    addOrder(showId, o) {
      const catalog = commerce.catalogs.get(showId);
      const product = catalog?.products.find((p) => p.id === o.productId);
      const optionId = o.optionId ?? null;
      const quantity = o.quantity ?? 1;
      const held = commerce.stock.get(showId) ?? new Map<string, number>();
      const key = levelKey(o.productId, optionId);
      held.set(key, Math.max(0, (held.get(key) ?? 0) - quantity));
      commerce.stock.set(showId, held);
      const unit = product ? (product.salePrice ?? product.price) : 10_000;
      const subtotal = unit * quantity;
      const pay = catalog?.payment;
      const shipping = !pay ? 3000 : pay.freeShippingFrom !== null && subtotal >= pay.freeShippingFrom ? 0 : pay.shippingFee;
      const n = ++orderSeq;
      const now = new Date(Date.UTC(2025, 4, 1, 10, 0, n)).toISOString();
      const order: SellerOrder = {
        id: `o${n}`,
        number: `LC-20250501-${String(n).padStart(4, '0')}`,
        showId,
        createdAt: now,
        updatedAt: now,
        status: 'awaiting_payment',
        payment: 'bank_transfer',
        quote: { currency: product?.currency ?? 'KRW', unitPrice: unit, quantity, subtotal, discount: 0, shipping, total: subtotal + shipping, couponCode: null, productName: product?.name ?? 'Product', optionName: product?.options.find((x) => x.id === optionId)?.name ?? null },
        payTo: null,
        viewerId: 'viewer-0000000000000001',
        nickname: null,
        buyer: { name: '김민지', phone: '010-1234-5678', address: { postcode: '06236', line1: '서울특별시 강남구 테헤란로 427', line2: '10층' }, note: '' },
        segmentId: null,
        ...o,
      } as SellerOrder;
      delete (order as Record<string, unknown>).productId;
      delete (order as Record<string, unknown>).optionId;
      delete (order as Record<string, unknown>).quantity;
      commerce.orders.set(order.id, order);
      lines.set(order.id, { productId: o.productId, optionId, quantity });
      broadcast({ type: 'order', showId, order });
      broadcast({ type: 'stock', showId, items: [{ productId: o.productId, optionId, stock: held.get(key)! }] });
      return order;
    },
  };

  const ordersOf = (showId: string) => [...commerce.orders.values()].filter((o) => o.showId === showId);
  const csv = (rows: (string | number)[][]) => '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
  const act = (orderId: string, action: 'paid' | 'cancel' | 'refund' | 'erase'): SellerOrder => {
    const order = commerce.orders.get(orderId);
    if (!order) throw new FakeRefusal('not_found', 'no such order');
    // The relay's rules: asking for the state an order is already in is an answer, not an error.
    const to = { paid: 'paid', cancel: 'cancelled', refund: 'refunded', erase: order.status }[action];
    const from = { paid: ['awaiting_payment'], cancel: ['awaiting_payment'], refund: ['paid'], erase: [order.status] }[action];
    if (action !== 'erase' && order.status === to) return order;
    if (!from.includes(order.status)) throw new FakeRefusal('invalid_transition', `an order that is ${order.status} cannot be changed that way`);
    const next: SellerOrder = { ...order, status: to as SellerOrder['status'], buyer: action === 'erase' ? null : order.buyer, updatedAt: new Date().toISOString() };
    commerce.orders.set(next.id, next);
    if (action === 'cancel' || action === 'refund') restock(next);
    broadcast({ type: 'order', showId: next.showId, order: next });
    return next;
  };
  const reportOf = (showId: string) => {
    const r = commerce.reports.get(showId);
    if (!r) throw new FakeRefusal('not_found', 'no report');
    return r;
  };

  const handlers: FakeHandlers = {
    putCatalog: ({ params: { id: showId }, body: catalog }) => {
      const held = commerce.stock.get(showId) ?? new Map<string, number>();
      for (const p of catalog.products) {
        const items = p.options.length ? p.options.map((o) => [levelKey(p.id, o.id), o.stock] as const) : [[levelKey(p.id, null), p.stock] as const];
        for (const [k, v] of items) if (!held.has(k)) held.set(k, v); // the relay keeps the stock it holds
      }
      commerce.stock.set(showId, held);
      commerce.catalogs.set(showId, catalog);
      return { stock: levels(catalog, held) };
    },
    getStock: ({ params: { id } }) => levels(commerce.catalogs.get(id), commerce.stock.get(id) ?? new Map()),
    enterSegment: ({ params: { id }, body }) => {
      commerce.segments.push({ showId: id, segmentId: body.segmentId, title: body.title });
      return {};
    },
    listOrders: ({ params: { id } }) => ordersOf(id).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    ordersCsv: ({ params: { id } }) => csv([['number', 'status', 'name', 'total'], ...ordersOf(id).map((o) => [o.number, o.status, o.buyer?.name ?? '', o.quote.total])]),
    markPaid: ({ params }) => act(params.orderId, 'paid'),
    // The relay's rule (order-actions.ts ship): paid, or cash on delivery still standing, can ship.
    // The relay checks each row (order-actions.ts shipMany); the fake ships rows whose order it knows and can ship.
    shipOrders: ({ params: { id }, body }) => {
      const refused: { line: number; number: string; error: 'unknown_order' | 'not_shippable' }[] = [];
      let shipped = 0;
      for (const row of body.rows) {
        const order = ordersOf(id).find((o) => o.number === row.number.trim().toUpperCase());
        if (!order) refused.push({ line: row.line, number: row.number, error: 'unknown_order' });
        else if (!canShip(order)) refused.push({ line: row.line, number: row.number, error: 'not_shippable' });
        else {
          commerce.orders.set(order.id, { ...order, shipment: { courier: 'cj', trackingNumber: row.trackingNumber, shippedAt: new Date().toISOString() } });
          shipped++;
        }
      }
      return { shipped, refused };
    },
    markShipped: ({ params, body }) => {
      const order = commerce.orders.get(params.orderId);
      if (!order) throw new FakeRefusal('not_found', 'no such order');
      if (!canShip(order)) throw new FakeRefusal('invalid_transition', 'this order is not paid yet; mark it paid before shipping');
      const next: SellerOrder = { ...order, shipment: { courier: body.courier, trackingNumber: body.trackingNumber, shippedAt: new Date().toISOString() }, updatedAt: new Date().toISOString() };
      commerce.orders.set(next.id, next);
      return next;
    },
    cancelOrder: ({ params }) => act(params.orderId, 'cancel'),
    refundOrder: ({ params }) => act(params.orderId, 'refund'),
    eraseBuyer: ({ params }) => act(params.orderId, 'erase'),
    // The relay groups by keyed hashes of phone, address and network; the fake groups standing orders by phone.
    orderClusters: ({ params: { id } }) => {
      const byPhone = new Map<string, string[]>();
      for (const o of ordersOf(id)) if ((o.status === 'awaiting_payment' || o.status === 'paid') && o.buyer) byPhone.set(o.buyer.phone, [...(byPhone.get(o.buyer.phone) ?? []), o.id]);
      return [...byPhone.entries()].filter(([, ids]) => ids.length >= 3).map(([phone, orderIds]) => ({ by: 'phone' as const, key: `p${phone.slice(-4)}`, orderIds }));
    },
    cancelOrders: ({ params: { id }, body }) => {
      const cancelled: string[] = [];
      const refused: { orderId: string; error: string }[] = [];
      for (const orderId of body.orderIds) {
        try {
          if (commerce.orders.get(orderId)?.showId !== id) throw new FakeRefusal('not_found', 'no such order');
          act(orderId, 'cancel');
          cancelled.push(orderId);
        } catch (e) {
          refused.push({ orderId, error: e instanceof FakeRefusal ? e.code : 'internal' });
        }
      }
      return { cancelled, refused };
    },
    dashboard: ({ params: { id } }) => {
      const d = commerce.dashboards.get(id);
      if (!d) throw new FakeRefusal('not_found', 'no dashboard');
      return d;
    },
    report: ({ params: { id } }) => reportOf(id),
    reportCsv: ({ params: { id } }) => csv([['product', 'units', 'revenue'], ...reportOf(id).products.map((p) => [p.name, p.units, p.revenue])]),
  };
  return { commerce, handlers };
}
