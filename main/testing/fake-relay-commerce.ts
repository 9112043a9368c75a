import type { Dashboard, Report } from '../../common/analytics.js';
import type { SellerOrder } from '../../common/commerce/order.js';
import { ShowCatalog, type StockLevel } from '../../common/commerce/show-catalog.js';
import { OrderActionRequest, SegmentRequest } from '../../common/protocol/studio-api.js';

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

type Send = (status: number, body: unknown, type?: string) => void;
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

export function createFakeCommerce(broadcast: Broadcast): { commerce: FakeCommerce; route: (method: string, url: string, body: Buffer, send: Send) => boolean } {
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

  const json = (body: Buffer): unknown => {
    try {
      return JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return null;
    }
  };

  const route = (method: string, url: string, body: Buffer, send: Send): boolean => {
    let m: RegExpMatchArray | null;
    if ((m = url.match(/^\/api\/shows\/([^/]+)\/catalog$/)) && method === 'PUT') {
      const parsed = ShowCatalog.safeParse(json(body));
      if (!parsed.success) return send(400, { error: 'bad_request', message: parsed.error.issues[0]?.message ?? 'bad' }), true;
      const showId = m[1]!;
      const held = commerce.stock.get(showId) ?? new Map<string, number>();
      for (const p of parsed.data.products) {
        const items = p.options.length ? p.options.map((o) => [levelKey(p.id, o.id), o.stock] as const) : [[levelKey(p.id, null), p.stock] as const];
        for (const [k, v] of items) if (!held.has(k)) held.set(k, v); // the relay keeps the stock it holds
      }
      commerce.stock.set(showId, held);
      commerce.catalogs.set(showId, parsed.data);
      return send(200, { stock: levels(parsed.data, held) }), true;
    }
    if ((m = url.match(/^\/api\/shows\/([^/]+)\/stock$/)) && method === 'GET') {
      const showId = m[1]!;
      if (!commerce.catalogs.has(showId)) return send(404, { error: 'not_found', message: 'no catalog for this show' }), true;
      return send(200, levels(commerce.catalogs.get(showId), commerce.stock.get(showId)!)), true;
    }
    if ((m = url.match(/^\/api\/shows\/([^/]+)\/segment$/)) && method === 'POST') {
      const parsed = SegmentRequest.safeParse(json(body));
      if (!parsed.success) return send(400, { error: 'bad_request', message: 'bad segment' }), true;
      commerce.segments.push({ showId: m[1]!, ...parsed.data });
      return send(200, {}), true;
    }
    if ((m = url.match(/^\/api\/shows\/([^/]+)\/orders$/)) && method === 'GET') {
      return send(200, [...commerce.orders.values()].filter((o) => o.showId === m![1]).sort((a, b) => b.createdAt.localeCompare(a.createdAt))), true;
    }
    if ((m = url.match(/^\/api\/shows\/([^/]+)\/orders\.csv$/)) && method === 'GET') {
      const rows = [...commerce.orders.values()].filter((o) => o.showId === m![1]);
      const lines = [['number', 'status', 'name', 'total'], ...rows.map((o) => [o.number, o.status, o.buyer?.name ?? '', o.quote.total])];
      return send(200, '\uFEFF' + lines.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n', 'text/csv; charset=utf-8'), true;
    }
    if ((m = url.match(/^\/api\/orders\/([^/]+)\/(paid|cancel|refund|erase)$/)) && method === 'POST') {
      const order = commerce.orders.get(m[1]!);
      if (!order) return send(404, { error: 'not_found', message: 'no such order' }), true;
      const action = m[2]!;
      if ((action === 'cancel' || action === 'refund') && !OrderActionRequest.safeParse(json(body)).success) return send(400, { error: 'bad_request', message: 'bad reason' }), true;
      const refuse = (message: string) => (send(409, { error: 'conflict', message }), true);
      let next: SellerOrder;
      if (action === 'paid') {
        if (order.status !== 'awaiting_payment') return refuse('only an order awaiting payment can be marked paid');
        next = { ...order, status: 'paid' };
      } else if (action === 'cancel') {
        if (order.status !== 'awaiting_payment') return refuse('only an order awaiting payment can be cancelled; refund a paid one');
        next = { ...order, status: 'cancelled' };
      } else if (action === 'refund') {
        if (order.status !== 'paid') return refuse('only a paid order can be refunded');
        next = { ...order, status: 'refunded' };
      } else next = { ...order, buyer: null };
      next.updatedAt = new Date().toISOString();
      commerce.orders.set(next.id, next);
      if (action === 'cancel' || action === 'refund') restock(next);
      broadcast({ type: 'order', showId: next.showId, order: next });
      return send(200, next), true;
    }
    if ((m = url.match(/^\/api\/shows\/([^/]+)\/dashboard$/)) && method === 'GET') {
      const d = commerce.dashboards.get(m[1]!);
      return (d ? send(200, d) : send(404, { error: 'not_found', message: 'no dashboard' })), true;
    }
    if ((m = url.match(/^\/api\/shows\/([^/]+)\/report$/)) && method === 'GET') {
      const r = commerce.reports.get(m[1]!);
      return (r ? send(200, r) : send(404, { error: 'not_found', message: 'no report' })), true;
    }
    if ((m = url.match(/^\/api\/shows\/([^/]+)\/report\.csv$/)) && method === 'GET') {
      const r = commerce.reports.get(m[1]!);
      if (!r) return send(404, { error: 'not_found', message: 'no report' }), true;
      const lines = [['product', 'units', 'revenue'], ...r.products.map((p) => [p.name, p.units, p.revenue])];
      return send(200, '\uFEFF' + lines.map((l) => l.map(cell).join(',')).join('\r\n') + '\r\n', 'text/csv; charset=utf-8'), true;
    }
    return false;
  };
  return { commerce, route };
}
