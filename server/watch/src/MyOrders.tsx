import { useEffect } from 'react';
import type { ViewerOrder } from '../../../common/commerce/order.js';
import { errorMessage } from './api-errors.js';
import { useCommerce } from './commerce-context.js';
import { couponValue } from './CouponPicker.js';
import { formatWhen, money } from './format.js';
import { lang, t } from './i18n.js';
import { c } from './i18n-commerce.js';
import { nextStep, PayTo, StatusBadge } from './OrderDone.js';
import { OrderLookup } from './OrderLookup.js';
import { ShipmentLine } from './Shipment.js';
import { Sheet } from './Sheet.js';

function OrderRow({ order }: { order: ViewerOrder }) {
  const q = order.quote;
  const step = nextStep(order);
  return (
    <li className="my-order" data-testid="my-order" data-order-number={order.number} data-status={order.status}>
      <div className="my-order-head">
        <span className="mono my-order-number">{order.number}</span>
        <StatusBadge order={order} />
      </div>
      <p className="my-order-item">
        {q.optionName ? `${q.productName} · ${q.optionName}` : q.productName} <span className="muted">{c.quantityOf(q.quantity)}</span>
      </p>
      <p className="my-order-total">
        <strong>{money(q.total, q.currency)}</strong>
        <span className="muted"> · {c.method[order.payment]}</span>
        {formatWhen(order.createdAt) && <span className="muted"> · {formatWhen(order.createdAt)}</span>}
      </p>
      {order.status === 'awaiting_payment' && (
        <>
          {step && <p className="done-next">{step}</p>}
          <PayTo order={order} />
        </>
      )}
      <ShipmentLine order={order} />
    </li>
  );
}

/** The viewer's orders in this show (from the relay, so they survive a reload) and the coupons they hold. */
export function MyOrders({ onClose }: { onClose: () => void }) {
  const [view, commerce] = useCommerce();
  useEffect(() => {
    void commerce.loadOrders();
    void commerce.loadHeld(true);
  }, [commerce]);
  const orders = view.orders;
  return (
    <Sheet title={c.myOrders} onClose={onClose} testId="my-orders">
      <section className="my-section" aria-label={c.myOrders}>
        {view.ordersError && (
          <div className="sheet-alert" role="alert">
            {errorMessage(view.ordersError, lang)}{' '}
            <button type="button" className="link-button" onClick={() => void commerce.loadOrders()}>
              {c.reload}
            </button>
          </div>
        )}
        {orders === null && !view.ordersError && <p className="muted" role="status">{c.loading}</p>}
        {orders !== null && orders.length === 0 && <p className="muted">{c.noOrders}</p>}
        {orders !== null && orders.length > 0 && (
          <ul className="my-orders" data-testid="my-orders-list">
            {orders.map((o) => (
              <OrderRow key={o.id} order={o} />
            ))}
          </ul>
        )}
      </section>
      <OrderLookup />
      <section className="my-section" aria-labelledby="my-coupons-title">
        <h3 className="co-legend" id="my-coupons-title">
          {c.myCoupons}
        </h3>
        {view.held.length === 0 ? (
          <p className="muted">{c.noCoupons}</p>
        ) : (
          <ul className="my-coupons" data-testid="my-coupons-list">
            {view.held.map((h) => (
              <li key={h.couponId} className={`my-coupon${h.usesLeft === 0 ? ' is-used' : ''}`} data-testid="my-coupon" data-code={h.code}>
                <strong>{couponValue(h)}</strong>
                <code className="code-tag">{h.code}</code>
                <span className="muted">{h.minOrder > 0 ? t.minOrder(money(h.minOrder, h.currency)) : t.anyOrder}</span>
                <span className="muted">{c.usesLeft(h.usesLeft)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Sheet>
  );
}
