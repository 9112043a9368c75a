import type { PaymentMethod } from '../../../common/commerce/order.js';
import { errorMessage } from './api-errors.js';
import type { ApiFailure } from './commerce-api.js';
import { lang } from './i18n.js';
import { c } from './i18n-commerce.js';
import { ErrorText, lineError } from './LineFields.js';
import { Field } from './Sheet.js';
import type { CheckoutModel, PayChoice } from './use-checkout.js';

/** The ways the seller turned on, plus the seller's own store when the product has a link. */
export function PaymentPicker({ m, methods, loadError, onReload }: { m: CheckoutModel; methods: readonly PaymentMethod[]; loadError: ApiFailure | null; onReload: () => void }) {
  const choices: PayChoice[] = [...methods, ...(m.storeHref ? (['store'] as const) : [])];
  const declined = lineError(m, 'payment');
  return (
    <fieldset className="co-section">
      <legend className="co-legend">{c.pay}</legend>
      <div className="pay-options">
        {choices.map((p) => (
          <label key={p} className={`radio-row pay-${p}`}>
            <input type="radio" name="co-pay" value={p} checked={m.pay === p} onChange={() => m.setPay(p)} data-testid={`checkout-pay-${p}`} />
            <span className="radio-main">{p === 'store' ? c.store : c.method[p]}</span>
          </label>
        ))}
      </div>
      {loadError && (
        <p className="field-error" role="alert">
          {errorMessage(loadError, lang)}{' '}
          <button type="button" className="link-button" onClick={onReload}>
            {c.reload}
          </button>
        </p>
      )}
      {m.pay === 'card' && (
        <div className="test-pay">
          <p className="test-banner" role="note" data-testid="test-payment-banner">
            {c.testBanner}
          </p>
          <Field
            id="co-card"
            label={c.testCard}
            value={m.cardNumber}
            onChange={m.setCardNumber}
            maxLength={23}
            testId="checkout-card-number"
            inputMode="numeric"
            autoComplete="off"
            placeholder="4242 4242 4242 4242"
            help={c.testCardHelp}
          />
        </div>
      )}
      {m.pay === 'store' && <p className="co-note">{c.storeHint}</p>}
      <ErrorText error={declined} currency={m.card.currency} />
    </fieldset>
  );
}
