import { useState } from 'react';
import type { HeldCoupon } from '../../../common/protocol/watch-api.js';
import { money } from './format.js';
import { t } from './i18n.js';
import { c } from './i18n-commerce.js';
import type { ApiFailure } from './commerce-api.js';
import { ErrorText } from './LineFields.js';
import { usableCoupons, type CouponChoice, type CouponChoiceModel } from './use-coupon-choice.js';

export function couponValue(h: Pick<HeldCoupon, 'kind' | 'amount' | 'currency'>): string {
  return h.kind === 'percent' ? t.percentOff(h.amount) : t.amountOff(money(h.amount, h.currency));
}

/**
 * None, one of the coupons the viewer holds, or a typed code; for one product's checkout and for the
 * cart alike. `relayError`: the relay's refusal of the coupon (shown under the field).
 */
export function CouponPicker({ m, held, relayError }: { m: CouponChoiceModel; held: readonly HeldCoupon[]; relayError: ApiFailure | null }) {
  const usable = usableCoupons(held, m);
  const [text, setText] = useState(m.coupon.kind === 'typed' ? m.coupon.code : '');
  const [formatError, setFormatError] = useState(false);
  const apply = () => setFormatError(m.applyTyped(text) !== null);
  // Picking from the list replaces a typed code: the field must not keep showing a code that is not in use.
  const pick = (choice: CouponChoice) => {
    setText('');
    setFormatError(false);
    m.setCoupon(choice);
  };
  return (
    <fieldset className="co-section">
      <legend className="co-legend">{c.coupon}</legend>
      <div className="coupon-options" data-testid="checkout-coupons">
        <label className="radio-row">
          <input type="radio" name="co-coupon" checked={m.coupon.kind === 'none'} onChange={() => pick({ kind: 'none' })} data-testid="checkout-coupon-none" />
          <span>{c.noCoupon}</span>
        </label>
        {usable.map((h) => (
          <label key={h.couponId} className="radio-row">
            <input
              type="radio"
              name="co-coupon"
              checked={m.coupon.kind === 'held' && m.coupon.code === h.code}
              onChange={() => pick({ kind: 'held', code: h.code })}
              data-testid="checkout-coupon-held"
              data-code={h.code}
            />
            <span className="radio-main">
              <strong>{couponValue(h)}</strong> <code className="code-tag">{h.code}</code>
            </span>
            <span className="radio-side">{h.minOrder > 0 ? t.minOrder(money(h.minOrder, h.currency)) : c.usesLeft(h.usesLeft)}</span>
          </label>
        ))}
      </div>
      <div className="field code-field">
        <label htmlFor="co-code">{c.typeCode}</label>
        <div className="inline-input">
          <input
            id="co-code"
            value={text}
            maxLength={20}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            placeholder={c.codePlaceholder}
            onChange={(e) => {
              setText(e.target.value);
              setFormatError(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                apply();
              }
            }}
            aria-invalid={formatError || relayError ? true : undefined}
            aria-describedby={formatError || relayError ? 'co-code-err' : undefined}
            data-testid="checkout-coupon-code"
          />
          <button type="button" className="btn-secondary" onClick={apply} data-testid="checkout-coupon-apply">
            {c.apply}
          </button>
        </div>
        {formatError ? (
          <p className="field-error" id="co-code-err" role="alert">
            {c.codeInvalid}
          </p>
        ) : (
          <ErrorText error={relayError} currency={m.currency} id="co-code-err" />
        )}
      </div>
    </fieldset>
  );
}
