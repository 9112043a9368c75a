import { newId } from '../../catalog/ids.js';
import { errorsUnder, intOf, type FieldErrors } from '../../catalog/validation.js';
import { useI18n } from '../../i18n/i18n.js';
import { FieldError } from '../../ui/FieldError.js';
import type { ProductDraft } from './product-draft.js';

type Option = ProductDraft['options'][number];

/** Option rows (name + own stock) with their total; the product's stock follows the total. */
export function OptionsEditor({ options, errors, onChange }: { options: Option[]; errors: FieldErrors; onChange: (o: Option[]) => void }) {
  const { t } = useI18n();
  const p = t.catalog.product;
  const total = options.reduce((n, o) => n + (Number.isFinite(intOf(o.stock)) ? intOf(o.stock) : 0), 0);
  const setAt = (i: number, patch: Partial<Option>) => onChange(options.map((o, k) => (k === i ? { ...o, ...patch } : o)));
  const add = () => {
    onChange([...options, { id: newId(), name: '', stock: '' }]);
    // Put the cursor in the new row's name field.
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.option-row:last-child input')?.focus());
  };
  return (
    <fieldset className="field options-editor">
      <legend className="field-label">{p.options}</legend>
      <span className="field-hint">{p.optionsHint}</span>
      {options.length > 0 && (
        <ul className="option-rows">
          {options.map((o, i) => (
            <li key={o.id} className="option-row">
              <input aria-label={`${p.optionName} ${i + 1}`} value={o.name} maxLength={60} placeholder={p.optionNamePh} onChange={(e) => setAt(i, { name: e.target.value })} />
              <input aria-label={`${p.optionStock} ${i + 1}`} className="num" inputMode="numeric" value={o.stock} placeholder="0" onChange={(e) => setAt(i, { stock: e.target.value })} />
              <button type="button" className="btn small ghost" aria-label={`${p.removeOption} ${i + 1}`} onClick={() => onChange(options.filter((_, k) => k !== i))}>
                ✕
              </button>
              <FieldError messages={errorsUnder(errors, `options.${i}`)} />
            </li>
          ))}
        </ul>
      )}
      <div className="options-foot">
        <button type="button" className="btn small" onClick={add}>
          + {p.addOption}
        </button>
        {options.length > 0 && <strong className="options-total">{p.totalStock(total)}</strong>}
      </div>
      <FieldError messages={errors.options} />
    </fieldset>
  );
}
