import type { Product } from '../../../common/commerce/catalog.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * Products as toggle chips (aria-pressed), for a segment's featured products and a cue's cards.
 * At the limit the unpicked ones are disabled; ids no longer in the catalog stay visible, marked
 * deleted, so the seller can remove them. `ordered` numbers the picks (cards show in that order).
 */
export function ProductPicker({ products, value, max, onChange, label, invalid, ordered = true }: { products: Product[] | undefined; value: string[]; max: number; onChange: (ids: string[]) => void; label: string; invalid?: boolean; ordered?: boolean }) {
  const { t } = useI18n();
  const full = value.length >= max;
  const missing = value.filter((id) => products && !products.some((p) => p.id === id));
  const toggle = (id: string) => onChange(value.includes(id) ? value.filter((x) => x !== id) : [...value, id]);
  if (products && !products.length && !missing.length) return <p className="muted small">{t.rundown.noProducts}</p>;
  return (
    <div className={`chip-picker ${invalid ? 'invalid' : ''}`} role="group" aria-label={label}>
      {products?.map((p) => {
        const on = value.includes(p.id);
        return (
          <button key={p.id} type="button" className={`chip ${on ? 'on' : ''}`} aria-pressed={on} disabled={!on && full} onClick={() => toggle(p.id)}>
            {on && <span aria-hidden="true">✓ </span>}
            {p.name}
            {on && ordered && value.length > 1 && <span className="chip-order">{value.indexOf(p.id) + 1}</span>}
          </button>
        );
      })}
      {missing.map((id) => (
        <button key={id} type="button" className="chip on missing" data-testid="picker-missing" aria-pressed onClick={() => toggle(id)}>
          ✕ ({t.rundown.deletedItem})
        </button>
      ))}
    </div>
  );
}
