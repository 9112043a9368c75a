import { useState, type FormEvent } from 'react';
import type { ViewerOrder } from '../../../common/commerce/order.js';
import { OrderLookupRequest } from '../../../common/commerce/shipment.js';
import { errorMessage } from './api-errors.js';
import { useCommerce } from './commerce-context.js';
import { money } from './format.js';
import { lang } from './i18n.js';
import { c } from './i18n-commerce.js';
import { f } from './i18n-fulfilment.js';
import { PayTo, StatusBadge } from './OrderDone.js';
import { OrderSeller } from './SellerInfo.js';
import { ShipmentLine } from './Shipment.js';

/** "Where is my order" on a device that did not place it: order number + phone number (the relay checks both). */
export function OrderLookup() {
  const [, commerce] = useCommerce();
  const [number, setNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<ViewerOrder | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = OrderLookupRequest.safeParse({ number, phone });
    if (!parsed.success) return setError(f.needBoth);
    setBusy(true);
    setError(null);
    const r = await commerce.api.lookupOrder(parsed.data.number, parsed.data.phone);
    setBusy(false);
    if (r.ok) return setFound(r.data);
    setFound(null);
    setError(r.error.code === 'not_found' ? f.notFound : errorMessage(r.error, lang));
  };
  return (
    <section className="my-section" aria-labelledby="lookup-title" data-testid="order-lookup">
      <h3 className="co-legend" id="lookup-title">
        {f.lookupTitle}
      </h3>
      <p className="muted">{f.lookupHint}</p>
      <form className="lookup-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="lookup-number">{f.orderNumber}</label>
        <input id="lookup-number" value={number} onChange={(e) => setNumber(e.target.value)} placeholder={f.orderNumberPlaceholder} autoCapitalize="characters" maxLength={24} data-testid="lookup-number" />
        <label htmlFor="lookup-phone">{f.phone}</label>
        <input id="lookup-phone" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder={f.phonePlaceholder} inputMode="tel" autoComplete="tel" maxLength={20} data-testid="lookup-phone" />
        <button type="submit" className="btn-secondary" disabled={busy} data-testid="lookup-submit">
          {busy ? f.finding : f.find}
        </button>
      </form>
      {error && (
        <p className="sheet-alert" role="alert" data-testid="lookup-error">
          {error}
        </p>
      )}
      {found && (
        <div className="my-order" data-testid="lookup-result" data-order-number={found.number}>
          <div className="my-order-head">
            <span className="mono my-order-number">{found.number}</span>
            <StatusBadge order={found} />
          </div>
          <p className="my-order-item">
            {found.quote.optionName ? `${found.quote.productName} · ${found.quote.optionName}` : found.quote.productName} <span className="muted">{c.quantityOf(found.quote.quantity)}</span>
          </p>
          <p className="my-order-total">
            <strong>{money(found.quote.total, found.quote.currency)}</strong>
          </p>
          <PayTo order={found} />
          <ShipmentLine order={found} />
          <OrderSeller />
        </div>
      )}
    </section>
  );
}
