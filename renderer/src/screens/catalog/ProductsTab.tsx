import { useState } from 'react';
import type { Product } from '../../../../common/commerce/catalog.js';
import { formatMoney } from '../../../../common/commerce/money.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import { CsvImport } from './CsvImport.js';
import { Thumb } from './ImagePicker.js';
import { ListShell } from './ListShell.js';
import { ProductForm } from './ProductForm.js';

/** Products: the list (price, sale price, stock, sold out) beside the form, CSV import above. */
export function ProductsTab() {
  const { items, reload } = useCatalog();
  const [selected, setSelected] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  /** Another item (or a new one) gets a fresh form; saving keeps the form, so its "Saved" note stays. */
  const pick = (id: string | null) => (setSelected(id), setFormKey((k) => k + 1));
  const products = items.products;
  const current = products?.find((p) => p.id === selected) ?? null;

  return (
    <div className="catalog-split">
      <div className="catalog-list-col">
        <CsvImport onImported={() => void reload('products')} />
        <ListShell kind="products" count={products?.length} onNew={() => pick(null)}>
          <ul className="item-list">
            {products?.map((p) => (
              <ProductRow key={p.id} product={p} selected={p.id === selected} onSelect={() => pick(p.id)} />
            ))}
          </ul>
        </ListShell>
      </div>
      <ProductForm key={formKey} product={current} onSaved={(id) => setSelected(id)} onDeleted={() => pick(null)} />
    </div>
  );
}

function ProductRow({ product: p, selected, onSelect }: { product: Product; selected: boolean; onSelect: () => void }) {
  const { t, lang } = useI18n();
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const soldOut = p.stock === 0;
  return (
    <li data-testid="product-item" data-product-id={p.id}>
      <button type="button" className={`item-row ${selected ? 'selected' : ''}`} aria-pressed={selected} onClick={onSelect}>
        <Thumb imageRef={p.images[0]} small />
        <span className="item-main">
          <span className="item-title">{p.name}</span>
          <span className="item-sub">
            {p.options.length > 0 && <span>{t.catalog.product.optionCount(p.options.length)}</span>}
            {p.options.map((o) => (
              <span key={o.id} className={`opt-chip ${o.stock === 0 ? 'sold-out' : ''}`}>
                {o.name} <b>{o.stock === 0 ? t.catalog.product.soldOut : o.stock}</b>
              </span>
            ))}
          </span>
        </span>
        <span className="item-price">
          {p.salePrice !== null ? (
            <>
              <s className="muted">{formatMoney(p.price, p.currency, locale)}</s>
              <strong className="sale">{formatMoney(p.salePrice, p.currency, locale)}</strong>
            </>
          ) : (
            <strong>{formatMoney(p.price, p.currency, locale)}</strong>
          )}
        </span>
        <span className={`stock-chip ${soldOut ? 'sold-out' : ''}`}>{soldOut ? t.catalog.product.soldOut : t.catalog.product.stockLeft(p.stock)}</span>
      </button>
    </li>
  );
}
