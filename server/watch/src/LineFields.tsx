import { errorMessage, errorPlace, type ErrorPlace } from './api-errors.js';
import type { ApiFailure } from './commerce-api.js';
import { money } from './format.js';
import { lang } from './i18n.js';
import { c } from './i18n-commerce.js';
import type { CheckoutModel } from './use-checkout.js';

/** The relay's answer about the line (quote or order), when it belongs next to `place`. */
export function lineError(m: CheckoutModel, place: ErrorPlace): ApiFailure | null {
  const e = m.orderError ?? (m.quote.status === 'error' ? m.quote.error : null);
  return e && errorPlace(e.code) === place ? e : null;
}

export function ErrorText({ error, currency, id }: { error: ApiFailure | null; currency: Parameters<typeof money>[1]; id?: string }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id} role="alert" data-testid="checkout-error" data-code={error.code}>
      {errorMessage(error, lang, (n) => money(n, currency))}
    </p>
  );
}

/** Option (sold-out ones disabled) and quantity 1 … min(99, stock). */
export function LineFields({ m }: { m: CheckoutModel }) {
  const optionError = lineError(m, 'option');
  const qtyError = lineError(m, 'quantity');
  const max = m.maxQuantity;
  return (
    <>
      {m.needsOption && (
        <fieldset className="co-section" aria-describedby={optionError ? 'co-option-err' : undefined}>
          <legend className="co-legend">{c.option}</legend>
          <div className="chips" role="radiogroup" aria-label={c.option} data-testid="checkout-option">
            {m.options.map((o) => (
              <label key={o.id} className={`chip${o.stock === 0 ? ' is-off' : ''}`}>
                <input type="radio" name="co-option" value={o.id} checked={m.optionId === o.id} disabled={o.stock === 0} onChange={() => m.setOptionId(o.id)} />
                <span>{o.name}</span>
                {o.stock === 0 && <small>{c.optionSoldOut}</small>}
              </label>
            ))}
          </div>
          <ErrorText error={optionError} currency={m.card.currency} id="co-option-err" />
        </fieldset>
      )}
      {!m.needsOption && optionError && (
        // The relay wants an option the page has no list of (the stage's card carries none): say what to do.
        <p className="sheet-alert soft" role="alert" data-testid="checkout-error" data-code={optionError.code}>
          {c.optionsElsewhere}
        </p>
      )}
      <div className="co-section co-qty">
        <label htmlFor="co-quantity" className="co-legend">
          {c.quantity}
        </label>
        <div className="stepper">
          <button type="button" aria-label={c.fewer} onClick={() => m.setQuantity(m.quantity - 1)} disabled={m.quantity <= 1 || m.soldOut} data-testid="checkout-qty-minus">
            −
          </button>
          <input
            id="co-quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, max)}
            value={m.quantity}
            disabled={m.soldOut}
            onChange={(e) => m.setQuantity(Number(e.target.value))}
            aria-describedby={qtyError ? 'co-qty-err co-qty-help' : 'co-qty-help'}
            data-testid="checkout-quantity"
          />
          <button type="button" aria-label={c.more} onClick={() => m.setQuantity(m.quantity + 1)} disabled={m.quantity >= max || m.soldOut} data-testid="checkout-qty-plus">
            +
          </button>
        </div>
        <span className="co-note" id="co-qty-help">
          {max > 0 ? c.upTo(max) : ''}
        </span>
        <ErrorText error={qtyError} currency={m.card.currency} id="co-qty-err" />
      </div>
    </>
  );
}
