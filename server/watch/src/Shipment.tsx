import type { ViewerOrder } from '../../../common/commerce/order.js';
import { formatWhen } from './format.js';
import { f } from './i18n-fulfilment.js';

/** Courier and tracking number of a shipped order, or the payment deadline of an unpaid bank transfer. */
export function ShipmentLine({ order }: { order: ViewerOrder }) {
  const s = order.shipment;
  if (s) {
    const courier = f.courier(s.courier);
    return (
      <p className="done-next" data-testid="shipment">
        {f.shippedWith(courier)} {f.tracking} <span className="mono" data-testid="tracking-number">{s.trackingNumber}</span>
        {formatWhen(s.shippedAt) && <span className="muted"> · {formatWhen(s.shippedAt)}</span>}
      </p>
    );
  }
  const payBy = order.payBy ? formatWhen(order.payBy) : null;
  if (order.payment === 'bank_transfer' && order.status === 'awaiting_payment' && payBy) return <p className="muted" data-testid="pay-by">{f.payBy(payBy)}</p>;
  return null;
}
