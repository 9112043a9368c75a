import type { Quote } from '../../../common/commerce/order.js';
import { remoteZoneOf } from '../../../common/commerce/remote-postcodes.js';
import { money } from './format.js';
import { k } from './i18n-checkout.js';
import { c } from './i18n-commerce.js';
import { ls } from './i18n-live-selling.js';
import { errorPlace } from './api-errors.js';
import { ErrorText } from './LineFields.js';
import type { CheckoutModel } from './use-checkout.js';

/** Subtotal, coupon, shipping and total as the relay priced them (the page never computes a price itself). */
export function OrderSummary({ m }: { m: CheckoutModel }) {
  const q: Quote | null = m.priced;
  const loading = m.quote.status === 'loading';
  const cur = m.card.currency;
  return (
    <section className="co-section summary" aria-live="polite" aria-busy={loading} data-testid="checkout-summary" data-state={q ? 'priced' : m.quote.status}>
      <dl>
        <div>
          <dt>{c.subtotal}</dt>
          <dd data-testid="checkout-subtotal">{q ? money(q.subtotal, cur) : '—'}</dd>
        </div>
        {m.special && q && q.unitPrice < m.card.price ? (
          // The relay priced the line at the special: say so, with the regular unit price struck through.
          <div className="special-unit" data-testid="checkout-special-unit" data-unit={q.unitPrice}>
            <dt>{ls.specialUnit}</dt>
            <dd>
              <s className="product-was">{money(m.card.price, cur)}</s> {money(q.unitPrice, cur)} × {q.quantity}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{c.discount}</dt>
          <dd data-testid="checkout-discount" className={q && q.discount > 0 ? 'minus' : undefined}>
            {q ? (q.discount > 0 ? `−${money(q.discount, cur)}` : money(0, cur)) : '—'}
          </dd>
        </div>
        <div>
          <dt>{c.shipping}</dt>
          <dd data-testid="checkout-shipping">{q ? (q.shipping === 0 ? c.free : money(q.shipping, cur)) : '—'}</dd>
        </div>
        {q?.shippingSurcharge ? (
          <div className="surcharge">
            <dt>{remoteZoneOf(m.buyer.postcode) === 'island' ? k.surcharge.island : k.surcharge.jeju}</dt>
            <dd data-testid="checkout-surcharge">{`+${money(q.shippingSurcharge, cur)}`}</dd>
          </div>
        ) : null}
        <div className="total">
          <dt>{c.total}</dt>
          <dd data-testid="checkout-total" data-total={q?.total}>
            {q ? money(q.total, cur) : loading ? c.quoting : '—'}
          </dd>
        </div>
      </dl>
      {/* Order errors that concern the whole order are shown by the Order button. */}
      <ErrorText error={m.quote.status === 'error' && errorPlace(m.quote.error.code) === 'form' ? m.quote.error : null} currency={cur} />
    </section>
  );
}
