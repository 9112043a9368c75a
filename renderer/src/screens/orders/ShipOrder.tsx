import { useState } from 'react';
import type { SellerOrder } from '../../../../common/commerce/order.js';
import { canShip, COURIERS, TrackingNumber, type CourierCode } from '../../../../common/commerce/shipment.js';
import { bridge } from '../../bridge.js';
import { useI18n } from '../../i18n/i18n.js';
import { useErrorText } from '../../errors/error-text.js';

const CODES = Object.keys(COURIERS) as CourierCode[];

/**
 * Shipping one order: courier + tracking number (송장번호). A shipped order shows both and can be
 * corrected (a typo on the label); the relay refuses orders that cannot ship (unpaid transfers, cancelled).
 */
export function ShipOrder({ order, onChanged }: { order: SellerOrder; onChanged: (o: SellerOrder) => void }) {
  const { t } = useI18n();
  const say = useErrorText();
  const f = t.fulfilment;
  const [open, setOpen] = useState(false);
  const [courier, setCourier] = useState<CourierCode>(order.shipment?.courier ?? 'cj');
  const [tracking, setTracking] = useState(order.shipment?.trackingNumber ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = order.shipment;
  if (!canShip(order) && !s) return null;
  const summary = s && (
    <span className="order-shipment small" data-testid="order-shipment">
      {f.shipped(f.courierName(s.courier), s.trackingNumber)}
    </span>
  );
  if (!open)
    return (
      <>
        {summary}
        {canShip(order) && (
          <button type="button" className="btn small primary-outline" data-testid="order-ship" onClick={() => setOpen(true)}>
            {s ? f.reship : f.ship}
          </button>
        )}
      </>
    );
  const save = async () => {
    if (!TrackingNumber.safeParse(tracking).success) return setError(f.trackingBad);
    setBusy(true);
    setError(null);
    try {
      onChanged(await bridge.invoke('orders.markShipped', { orderId: order.id, courier, trackingNumber: tracking }));
      setOpen(false);
    } catch (e) {
      setError(`${f.failed} ${say(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="order-confirm primary" role="group" aria-label={f.ship} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)} data-testid="order-ship-dialog">
      <label className="field">
        <span className="field-label">{f.courier}</span>
        <select value={courier} onChange={(e) => setCourier(e.target.value as CourierCode)} data-testid="order-ship-courier">
          {CODES.map((c) => (
            <option key={c} value={c}>
              {f.courierName(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{f.tracking}</span>
        <input value={tracking} maxLength={40} placeholder={f.trackingPh} inputMode="numeric" onChange={(e) => setTracking(e.target.value)} data-testid="order-ship-tracking" />
      </label>
      {error && (
        <p className="form-error" role="alert" data-testid="order-ship-error">
          {error}
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" className="btn small" onClick={() => setOpen(false)} disabled={busy}>
          {t.common.cancel}
        </button>
        <button type="button" className="btn small primary" data-testid="order-ship-confirm" disabled={busy} onClick={() => void save()}>
          {f.save}
        </button>
      </div>
    </div>
  );
}
