import { useState } from 'react';
import { AddressSearch } from './AddressSearch.js';
import { FIELD_MAX, type BuyerField } from './checkout-form.js';
import { c } from './i18n-commerce.js';
import { Field } from './Sheet.js';
import type { CheckoutModel } from './use-checkout.js';

/** Name, phone and a Korean delivery address (postcode, road address, detail, note), remembered only when the viewer ticks the box. */
export function BuyerFields({ m }: { m: Pick<CheckoutModel, 'buyer' | 'setField' | 'errors' | 'remember' | 'setRemember' | 'hadSaved' | 'clearSaved'> }) {
  const [cleared, setCleared] = useState(false);
  const field = (key: BuyerField, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      id={`co-${key}`}
      label={label}
      value={m.buyer[key]}
      onChange={(v) => m.setField(key, v)}
      error={m.errors[key]}
      maxLength={FIELD_MAX[key]}
      testId={`checkout-${key}`}
      required={key !== 'line2' && key !== 'note'}
      {...extra}
    />
  );
  return (
    <fieldset className="co-section">
      <legend className="co-legend">{c.delivery}</legend>
      <div className="co-row">
        {field('name', c.name, { autoComplete: 'name' })}
        {field('phone', c.phone, { type: 'tel', inputMode: 'tel', autoComplete: 'tel', placeholder: '010-1234-5678' })}
      </div>
      <div className="co-postcode">
        {field('postcode', c.postcode, { inputMode: 'numeric', autoComplete: 'postal-code', placeholder: '06236' })}
        <AddressSearch
          onPick={(a) => {
            m.setField('postcode', a.postcode);
            m.setField('line1', a.road);
            document.getElementById('co-line2')?.focus();
          }}
        />
      </div>
      {field('line1', c.line1, { autoComplete: 'address-line1', multiline: true, placeholder: '서울특별시 강남구 테헤란로 427' })}
      {field('line2', c.line2, { autoComplete: 'address-line2', placeholder: '위워크타워 10층 1004호' })}
      {field('note', c.note, { placeholder: c.notePlaceholder })}
      <div className="co-remember">
        <label className="check">
          <input type="checkbox" checked={m.remember} onChange={(e) => m.setRemember(e.target.checked)} data-testid="checkout-remember" aria-describedby="co-remember-hint" />
          <span>{c.remember}</span>
        </label>
        <span className="co-note" id="co-remember-hint">
          {c.rememberHint}
        </span>
        {m.hadSaved && (
          <button
            type="button"
            className="link-button"
            data-testid="checkout-clear-saved"
            onClick={() => {
              m.clearSaved();
              setCleared(true);
            }}
          >
            {c.clearSaved}
          </button>
        )}
        {cleared && !m.hadSaved && (
          <span className="co-note" role="status">
            {c.cleared}
          </span>
        )}
      </div>
    </fieldset>
  );
}
