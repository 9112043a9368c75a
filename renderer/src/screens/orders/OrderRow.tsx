import type { SellerOrder } from '../../../../common/commerce/order.js';
import { bridge } from '../../bridge.js';
import { addressText, money, orderActions, orderLine } from '../../commerce/numbers.js';
import { useI18n } from '../../i18n/i18n.js';
import { OrderAction } from './OrderAction.js';
import { ShipOrder } from './ShipOrder.js';

/** "just now", "4 min ago", "2 h ago", else nothing (the date says it). */
function ago(iso: string, now: number, a: { now: string; min: (n: number) => string; hour: (n: number) => string }): string | null {
  // The clock ticks every few seconds, so an order from this very moment may look a little "ahead".
  const min = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (!Number.isFinite(min)) return null;
  if (min < 1) return a.now;
  if (min < 60) return a.min(min);
  if (min < 12 * 60) return a.hour(Math.floor(min / 60));
  return null;
}

/** One order, everything a seller needs to ship it, as plain text (a name is never markup). */
export function OrderRow({ order, fresh, rehearsal, now, onChanged }: { order: SellerOrder; fresh: boolean; rehearsal: boolean; now: number; onChanged: (o: SellerOrder) => void }) {
  const { t, lang, formatDate } = useI18n();
  const o = t.commerce.orders;
  const q = order.quote;
  const can = orderActions(order);
  const when = ago(order.createdAt, now, o.ago);
  const act = (call: () => Promise<SellerOrder>) => async () => onChanged(await call());
  return (
    <li className={`order-row status-${order.status} ${fresh ? 'fresh' : ''}`} data-testid="order-row" data-order-id={order.id} data-status={order.status} data-rehearsal={rehearsal ? 'true' : undefined}>
      <div className="order-head">
        <span className="order-number mono" data-testid="order-number">
          {order.number}
        </span>
        {fresh && <span className="new-badge">{o.newBadge}</span>}
        {rehearsal && (
          <span className="rehearsal-tag" data-testid="order-rehearsal">
            {o.rehearsal}
          </span>
        )}
        <span className={`order-status st-${order.status}`} data-testid="order-status">
          {order.shipment && order.status !== 'cancelled' && order.status !== 'refunded' ? t.fulfilment.statusShipped : order.payment === 'cash_on_delivery' && order.status === 'awaiting_payment' ? t.fulfilment.statusCodPending : o.status[order.status]}
        </span>
        <span className="order-time muted small" title={order.createdAt}>
          {formatDate(order.createdAt)}
          {when && ` · ${when}`}
        </span>
      </div>
      <div className="order-body">
        <div className="order-item">
          <strong className="order-line" data-testid="order-item">
            {orderLine(order)}
          </strong>
          <span className="muted small">
            {money(q.unitPrice, q.currency, lang)} × {q.quantity}
            {q.discount > 0 && ` · ${o.coupon(q.couponCode ?? '', money(q.discount, q.currency, lang))}`}
            {' · '}
            {q.shipping === 0 ? o.shippingFree : o.shipping(money(q.shipping, q.currency, lang))}
          </span>
        </div>
        <div className="order-money">
          <strong className="order-total" data-testid="order-total">
            {money(q.total, q.currency, lang)}
          </strong>
          <span className="muted small" data-testid="order-payment">
            {o.method[order.payment]}
          </span>
        </div>
        <div className="order-buyer" data-testid="order-buyer">
          {order.buyer ? (
            <>
              <strong data-testid="order-buyer-name">{order.buyer.name}</strong>
              <span>
                <span className="muted">{o.phone} </span>
                {order.buyer.phone}
              </span>
              <span>
                <span className="muted">{o.address} </span>
                {addressText(order.buyer)}
              </span>
              {order.buyer.note && (
                <span className="order-note">
                  <span className="muted">{o.note} </span>
                  {order.buyer.note}
                </span>
              )}
              {order.nickname && <span className="muted small">{o.nickname(order.nickname)}</span>}
            </>
          ) : (
            <span className="muted erased">{o.erased}</span>
          )}
        </div>
      </div>
      <div className="order-actions" data-testid="order-actions">
        <ShipOrder order={order} onChanged={onChanged} />
        {can.markPaid && <OrderAction label={o.actions.markPaid} question={o.actions.markPaidQ} confirmLabel={o.actions.markPaidYes} tone="primary" testId="order-mark-paid" run={act(() => bridge.invoke('orders.markPaid', { orderId: order.id }))} />}
        {can.cancel && <OrderAction label={o.actions.cancel} question={o.actions.cancelQ} confirmLabel={o.actions.cancelYes} withReason tone="danger" testId="order-cancel" run={(reason) => act(() => bridge.invoke('orders.cancel', { orderId: order.id, reason }))()} />}
        {can.refund && <OrderAction label={o.actions.refund} question={o.actions.refundQ} confirmLabel={o.actions.refundYes} withReason tone="danger" testId="order-refund" run={(reason) => act(() => bridge.invoke('orders.refund', { orderId: order.id, reason }))()} />}
        {can.erase && <OrderAction label={o.actions.erase} question={o.actions.eraseQ} confirmLabel={o.actions.eraseYes} tone="danger" testId="order-erase" run={act(() => bridge.invoke('orders.eraseBuyer', { orderId: order.id }))} />}
      </div>
    </li>
  );
}
