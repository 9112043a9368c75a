import { Buyer, Quote, type OrderStatus, type PaymentMethod, type SellerOrder, type ViewerOrder } from '../../../common/commerce/order.js';
import type { Db } from '../db/database.js';
import { Shipment } from '../../../common/commerce/shipment.js';
import { preparer } from './sql.js';

interface OrderRow {
  id: string;
  number: string;
  show_id: string;
  viewer_id: string;
  idempotency_key: string;
  request_hash: string;
  product_id: string;
  option_id: string | null;
  quantity: number;
  coupon_id: string | null;
  currency: string;
  total: number;
  discount: number;
  quote: string;
  payment: PaymentMethod;
  status: OrderStatus;
  buyer: string | null;
  phone_hash: string | null;
  address_hash: string | null;
  net: string | null;
  expires_at: string | null;
  segment_id: string | null;
  shipment: string | null;
  created_at: string;
  updated_at: string;
  cart_id: string | null;
  source: 'live' | 'replay';
  clip_id: string | null;
}

/** One order as the relay keeps it. `quote` is the priced line exactly as the buyer was charged. */
export interface OrderRecord {
  id: string;
  number: string;
  showId: string;
  viewerId: string;
  idempotencyKey: string;
  requestHash: string;
  productId: string;
  optionId: string | null;
  quantity: number;
  couponId: string | null;
  total: number;
  discount: number;
  quote: Quote;
  payment: PaymentMethod;
  status: OrderStatus;
  buyer: Buyer | null;
  segmentId: string | null;
  /** Bank transfer: when an unpaid order expires; null for other methods. */
  expiresAt: string | null;
  /** Courier and tracking number once shipped. */
  shipment?: Shipment | null;
  createdAt: string;
  updatedAt: string;
  /** The cart this row is a line of (all of a cart's rows share it); null for a single-line order. */
  cartId?: string | null;
  /** Placed while live or from the replay (decided by the relay, never by the viewer); absent = live. */
  source?: 'live' | 'replay';
  /** The clip whose Buy the order came through (docs/clips.md), found by the relay; absent = none. */
  clipId?: string | null;
}

/** The keyed hashes and network tag an order is counted by (per-buyer caps, network shares, clusters). */
export interface OrderTags {
  phoneHash: string;
  addressHash: string;
  net: string;
}

export type NewOrder = Omit<OrderRecord, 'updatedAt'> & OrderTags;

/** A group of standing orders that share a phone, an address or a network (the seller's fraud view). */
export interface OrderCluster {
  by: 'phone' | 'address' | 'network';
  key: string;
  orderIds: string[];
}

export type PayTo = ViewerOrder['payTo'];

/** Orders that still stand: what revenue, units, buyers and coupon uses count. */
export const STANDING = "status IN ('awaiting_payment','paid')";

const toRecord = (r: OrderRow): OrderRecord => ({
  id: r.id,
  number: r.number,
  showId: r.show_id,
  viewerId: r.viewer_id,
  idempotencyKey: r.idempotency_key,
  requestHash: r.request_hash,
  productId: r.product_id,
  optionId: r.option_id,
  quantity: r.quantity,
  couponId: r.coupon_id,
  total: r.total,
  discount: r.discount,
  // Written by this program after validation; parsed again so a hand-edited row cannot smuggle data out.
  quote: Quote.parse(JSON.parse(r.quote)),
  payment: r.payment,
  status: r.status,
  buyer: r.buyer === null ? null : Buyer.parse(JSON.parse(r.buyer)),
  segmentId: r.segment_id,
  expiresAt: r.expires_at,
  shipment: r.shipment === null ? null : Shipment.parse(JSON.parse(r.shipment)),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  cartId: r.cart_id,
  source: r.source,
  clipId: r.clip_id,
});

export function toViewerOrder(o: OrderRecord, payTo: PayTo): ViewerOrder {
  const payBy = o.status === 'awaiting_payment' ? o.expiresAt : null;
  return { id: o.id, number: o.number, showId: o.showId, createdAt: o.createdAt, status: o.status, payment: o.payment, quote: o.quote, payTo, payBy, shipment: o.shipment ?? null };
}

export function toSellerOrder(o: OrderRecord, payTo: PayTo, nickname: string | null): SellerOrder {
  return { ...toViewerOrder(o, payTo), viewerId: o.viewerId, nickname, buyer: o.buyer, segmentId: o.segmentId, updatedAt: o.updatedAt };
}

/**
 * The orders table. Also the read side other relay code uses (the dashboard and report count from
 * here): list by show, and aggregates over standing orders by product and by segment.
 */
export class OrderStore {
  private readonly q: ReturnType<typeof preparer>;

  constructor(db: Db) {
    this.q = preparer(db);
  }

  get(id: string): OrderRecord | null {
    const row = this.q('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
    return row ? toRecord(row) : null;
  }

  byKey(showId: string, viewerId: string, idempotencyKey: string): OrderRecord | null {
    const row = this.q('SELECT * FROM orders WHERE show_id = ? AND viewer_id = ? AND idempotency_key = ?').get(showId, viewerId, idempotencyKey) as OrderRow | undefined;
    return row ? toRecord(row) : null;
  }

  /** Newest first. */
  listByShow(showId: string): OrderRecord[] {
    return (this.q('SELECT * FROM orders WHERE show_id = ? ORDER BY created_at DESC, number DESC').all(showId) as OrderRow[]).map(toRecord);
  }

  /** A cart's rows in line order. */
  listByCart(cartId: string): OrderRecord[] {
    return (this.q('SELECT * FROM orders WHERE cart_id = ? ORDER BY rowid').all(cartId) as OrderRow[]).map(toRecord);
  }

  listByViewer(showId: string, viewerId: string): OrderRecord[] {
    return (this.q('SELECT * FROM orders WHERE show_id = ? AND viewer_id = ? ORDER BY created_at DESC, number DESC').all(showId, viewerId) as OrderRow[]).map(toRecord);
  }

  insert(o: NewOrder): void {
    this.q(
        `INSERT INTO orders (id, number, show_id, viewer_id, idempotency_key, request_hash, product_id, option_id, quantity, coupon_id, currency, total, discount, quote, payment, status, buyer, phone_hash, address_hash, net, expires_at, segment_id, created_at, updated_at, cart_id, source, clip_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(o.id, o.number, o.showId, o.viewerId, o.idempotencyKey, o.requestHash, o.productId, o.optionId, o.quantity, o.couponId, o.quote.currency, o.total, o.discount, JSON.stringify(o.quote), o.payment, o.status, o.buyer === null ? null : JSON.stringify(o.buyer), o.phoneHash, o.addressHash, o.net, o.expiresAt, o.segmentId, o.createdAt, o.createdAt, o.cartId ?? null, o.source ?? 'live', o.clipId ?? null);
  }

  setStatus(id: string, status: OrderStatus, at: string): void {
    this.q('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
  }

  /** The order with this number in the show, if any (the buyer's "where is my order" lookup). */
  byNumber(showId: string, number: string): (OrderRecord & { phoneHash: string | null }) | null {
    const row = this.q('SELECT * FROM orders WHERE show_id = ? AND number = ?').get(showId, number) as OrderRow | undefined;
    return row ? { ...toRecord(row), phoneHash: row.phone_hash } : null;
  }

  setShipment(id: string, shipment: Shipment): void {
    this.q('UPDATE orders SET shipment = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(shipment), shipment.shippedAt, id);
  }

  /** Personal data deleted on the buyer's request; amounts and the product stay for the books. */
  erase(id: string, at: string): void {
    this.q('UPDATE orders SET buyer = NULL, phone_hash = NULL, address_hash = NULL, net = NULL, updated_at = ? WHERE id = ?').run(at, id);
  }

  /** Units of a product the buyer holds in standing orders, matched by device, phone or delivery address. */
  unitsHeldBy(showId: string, productId: string, viewerId: string, tags: OrderTags): number {
    return (
      this.q(`SELECT COALESCE(SUM(quantity), 0) AS n FROM orders WHERE show_id = ? AND product_id = ? AND ${STANDING} AND (viewer_id = ? OR phone_hash = ? OR address_hash = ?)`).get(
        showId,
        productId,
        viewerId,
        tags.phoneHash,
        tags.addressHash,
      ) as { n: number }
    ).n;
  }

  /** Unpaid (bank transfer, cash on delivery) orders of a product placed from one network. */
  unpaidFromNetwork(showId: string, productId: string, net: string): number {
    return (this.q("SELECT COUNT(*) AS n FROM orders WHERE show_id = ? AND product_id = ? AND status = 'awaiting_payment' AND payment != 'card' AND net = ?").get(showId, productId, net) as { n: number }).n;
  }

  /** Unpaid orders whose payment window closed at or before `at` (oldest first, a bounded batch). */
  dueToExpire(at: string, limit = 200): OrderRecord[] {
    return (this.q("SELECT * FROM orders WHERE status = 'awaiting_payment' AND expires_at IS NOT NULL AND expires_at <= ? ORDER BY expires_at LIMIT ?").all(at, limit) as OrderRow[]).map(toRecord);
  }

  /** The earliest payment deadline still open, to sleep until it. */
  nextExpiry(): string | null {
    const row = this.q("SELECT MIN(expires_at) AS at FROM orders WHERE status = 'awaiting_payment' AND expires_at IS NOT NULL").get() as { at: string | null };
    return row.at;
  }

  /** Standing orders grouped by shared phone, address or network, where a group has at least `min` orders. */
  clusters(showId: string, min: number): OrderCluster[] {
    const out: OrderCluster[] = [];
    for (const [by, column] of [['phone', 'phone_hash'], ['address', 'address_hash'], ['network', 'net']] as const) {
      const rows = this.q(`SELECT ${column} AS k, group_concat(id) AS ids FROM orders WHERE show_id = ? AND ${STANDING} AND ${column} IS NOT NULL GROUP BY ${column} HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC`).all(showId, min) as {
        k: string;
        ids: string;
      }[];
      for (const r of rows) out.push({ by, key: r.k.replace(/^k1:/, '').slice(0, 8), orderIds: r.ids.split(',') });
    }
    return out;
  }

  /** The segment orders count for right now: the latest one the host moved to (written by the analytics side). */
  currentSegment(showId: string): string | null {
    const row = this.q('SELECT segment_id FROM show_segments WHERE show_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1').get(showId) as { segment_id: string } | undefined;
    return row?.segment_id ?? null;
  }

  /** Standing orders (not cancelled or refunded): orders, distinct buyers (devices) and revenue. */
  showTotals(showId: string): { orders: number; buyers: number; revenue: number } {
    return this.q(`SELECT COUNT(*) AS orders, COUNT(DISTINCT viewer_id) AS buyers, COALESCE(SUM(total), 0) AS revenue FROM orders WHERE show_id = ? AND ${STANDING}`).get(showId) as {
      orders: number;
      buyers: number;
      revenue: number;
    };
  }

  productTotals(showId: string): { productId: string; orders: number; buyers: number; units: number; revenue: number }[] {
    return this.q(`SELECT product_id AS productId, COUNT(*) AS orders, COUNT(DISTINCT viewer_id) AS buyers, SUM(quantity) AS units, SUM(total) AS revenue FROM orders WHERE show_id = ? AND ${STANDING} GROUP BY product_id`)
      .all(showId) as { productId: string; orders: number; buyers: number; units: number; revenue: number }[];
  }

  /** Orders placed before any segment started count under segmentId null. */
  segmentTotals(showId: string): { segmentId: string | null; orders: number; revenue: number }[] {
    return this.q(`SELECT segment_id AS segmentId, COUNT(*) AS orders, SUM(total) AS revenue FROM orders WHERE show_id = ? AND ${STANDING} GROUP BY segment_id`).all(showId) as {
      segmentId: string | null;
      orders: number;
      revenue: number;
    }[];
  }
}
