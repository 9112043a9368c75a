import type { OrderStatus, SellerOrder } from '../../../common/commerce/order.js';
import { canShip, courierFrom, TrackingNumber, type BulkShipRequest, type BulkShipResponse, type CourierCode } from '../../../common/commerce/shipment.js';
import type { ShowStore } from '../shows/show-store.js';
import { CommerceError } from './commerce-error.js';
import { announceStock, announceToStudio, payToFor, type CommerceContext } from './context.js';
import { toSellerOrder, type OrderRecord } from './order-store.js';

export type OrderAction = 'paid' | 'cancel' | 'refund' | 'erase';

/** From which states each action may go; the same target again is a no-op (a double click). */
const RULES: Record<Exclude<OrderAction, 'erase'>, { to: OrderStatus; from: OrderStatus[]; refuse: Partial<Record<OrderStatus, string>> }> = {
  paid: { to: 'paid', from: ['awaiting_payment'], refuse: { cancelled: 'this order was cancelled; it cannot be marked paid', refunded: 'this order was refunded; it cannot be marked paid' } },
  cancel: { to: 'cancelled', from: ['awaiting_payment'], refuse: { paid: 'this order is paid; refund it instead, so the money goes back', refunded: 'this order was already refunded' } },
  refund: { to: 'refunded', from: ['paid'], refuse: { awaiting_payment: 'this order is not paid yet; cancel it instead', cancelled: 'this order was cancelled; nothing was paid to refund' } },
};

/**
 * What the seller does to an order after it was placed. Cancel and refund put the items back on
 * sale and give the coupon use back (uses count standing orders only) in the same transaction as
 * the status change; a card refund goes to the payment provider first, so an order is never marked
 * refunded while the money is still with the seller. Erase deletes the buyer's personal data.
 */
export class OrderActions {
  constructor(
    private readonly c: CommerceContext,
    private readonly shows: ShowStore,
  ) {}

  async act(orderId: string, action: OrderAction, reason: string): Promise<SellerOrder> {
    const { c } = this;
    const order = c.orders.get(orderId);
    if (!order) throw new CommerceError(404, 'not_found', `no order with id ${orderId}`);
    const show = this.shows.get(order.showId);
    const catalog = show ? c.catalogOf(show) : null;
    if (action === 'erase') {
      if (order.buyer !== null) await c.commits.run(() => c.orders.erase(order.id, new Date(c.now()).toISOString()));
      return this.changed(order.id, catalog);
    }
    const rule = RULES[action];
    if (order.status === rule.to) return this.view(order, catalog);
    if (!rule.from.includes(order.status)) throw new CommerceError(409, 'invalid_transition', rule.refuse[order.status] ?? `an order that is ${order.status} cannot be changed that way`);
    if (action === 'refund' && order.payment === 'card') await c.payments.refund({ orderId: order.id, amount: order.total, currency: order.quote.currency, reason: reason || 'refunded by the seller' });
    const level = await c.commits.run(() => {
      // Read again inside the transaction: two windows acting at once must not both return stock.
      const now = c.orders.get(order.id)!;
      if (now.status !== order.status) throw new CommerceError(409, 'invalid_transition', 'this order changed meanwhile; look at it again');
      c.orders.setStatus(order.id, rule.to, new Date(c.now()).toISOString());
      return rule.to === 'paid' ? null : c.stock.give(order.showId, order.productId, order.optionId, order.quantity);
    });
    c.log.info('order changed', { orderId: order.id, number: order.number, action, reason });
    if (level !== null) announceStock(c, order.showId, catalog, order.productId, order.optionId, level);
    return this.changed(order.id, catalog);
  }

  /**
   * The seller shipped the order: courier and tracking number. A paid order (or a cash-on-delivery
   * one, paid to the courier) can ship; shipping again with other details corrects them (a typo
   * on the label), the same details again change nothing.
   */
  async ship(orderId: string, courier: CourierCode, trackingNumber: string): Promise<SellerOrder> {
    const { c } = this;
    const order = c.orders.get(orderId);
    if (!order) throw new CommerceError(404, 'not_found', `no order with id ${orderId}`);
    const catalog = (() => {
      const show = this.shows.get(order.showId);
      return show ? c.catalogOf(show) : null;
    })();
    if (order.shipment?.courier === courier && order.shipment.trackingNumber === trackingNumber) return this.view(order, catalog);
    if (!canShip(order)) throw new CommerceError(409, 'invalid_transition', order.status === 'awaiting_payment' ? 'this order is not paid yet; mark it paid before shipping' : `an order that is ${order.status} cannot ship`);
    await c.commits.run(() => {
      const now = c.orders.get(order.id)!;
      if (!canShip(now)) throw new CommerceError(409, 'invalid_transition', 'this order changed meanwhile; look at it again');
      c.orders.setShipment(order.id, { courier, trackingNumber, shippedAt: new Date(c.now()).toISOString() });
    });
    c.log.info('order shipped', { orderId: order.id, number: order.number, courier });
    return this.changed(order.id, catalog);
  }

  /** Rows from the seller's shipping CSV: each checked and shipped on its own; a bad row never stops the good ones. */
  async shipMany(showId: string, rows: BulkShipRequest['rows']): Promise<BulkShipResponse> {
    const refused: BulkShipResponse['refused'] = [];
    const seen = new Set<string>();
    let shipped = 0;
    for (const row of rows) {
      const number = row.number.trim().toUpperCase();
      const refuse = (error: BulkShipResponse['refused'][number]['error']) => refused.push({ line: row.line, number: number.slice(0, 40), error });
      const order = number ? this.c.orders.byNumber(showId, number) : null;
      const courier = courierFrom(row.courier);
      const tracking = TrackingNumber.safeParse(row.trackingNumber);
      const problem = !order ? 'unknown_order' : seen.has(order.id) ? 'duplicate_row' : !courier ? 'unknown_courier' : !tracking.success ? 'bad_tracking' : null;
      if (problem || !order || !courier || !tracking.success) {
        refuse(problem ?? 'unknown_order');
        continue;
      }
      seen.add(order.id);
      try {
        await this.ship(order.id, courier, tracking.data);
        shipped++;
      } catch (e) {
        if (!(e instanceof CommerceError)) throw e;
        refuse('not_shippable');
      }
    }
    return { shipped, refused };
  }

  /**
   * The seller's bulk cancel (a suspicious cluster): each order of this show that is still
   * awaiting payment is cancelled as by `act`; paid ones are refused (refund them one by one).
   */
  async cancelMany(showId: string, orderIds: readonly string[], reason: string): Promise<{ cancelled: string[]; refused: { orderId: string; error: string }[] }> {
    const cancelled: string[] = [];
    const refused: { orderId: string; error: string }[] = [];
    await Promise.all(
      [...new Set(orderIds)].map(async (id) => {
        const order = this.c.orders.get(id);
        if (!order || order.showId !== showId) return refused.push({ orderId: id, error: 'not_found' });
        try {
          await this.act(id, 'cancel', reason);
          cancelled.push(id);
        } catch (e) {
          refused.push({ orderId: id, error: e instanceof CommerceError ? e.code : 'internal' });
        }
      }),
    );
    return { cancelled, refused };
  }

  private changed(orderId: string, catalog: ReturnType<CommerceContext['catalogOf']>): SellerOrder {
    const updated = this.c.orders.get(orderId)!;
    announceToStudio(this.c, catalog, updated);
    return this.view(updated, catalog);
  }

  private view(o: OrderRecord, catalog: ReturnType<CommerceContext['catalogOf']>): SellerOrder {
    return toSellerOrder(o, payToFor(catalog, o), this.c.viewers.nickname(o.viewerId));
  }
}
