import type { Product } from '../../../../common/commerce/catalog.js';
import { Currency, formatMoney } from '../../../../common/commerce/money.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import { FieldError, invalidProps } from '../../ui/FieldError.js';
import { ImagePicker } from './ImagePicker.js';
import { OptionsEditor } from './OptionsEditor.js';
import { FormFoot, useItemForm } from './useItemForm.js';
import { checkProduct, draftOf, emptyProduct, optionTotal, type ProductDraft } from './product-draft.js';

/** Create or edit one product. Checked with the core's schema on save, then live while the seller fixes it. */
export function ProductForm({ product, onSaved, onDeleted }: { product: Product | null; onSaved: (id: string) => void; onDeleted: () => void }) {
  const { t, lang } = useI18n();
  const p = t.catalog.product;
  const { items } = useCatalog();
  // A coupon limited to this product alone would otherwise become a coupon for every product (coupon-store.ts).
  const onlyCoupon = product && items.coupons?.find((c) => c.productIds?.length === 1 && c.productIds[0] === product.id);
  // Said in the words the core's refusal would get (common/catalog-refusals.ts), before asking it.
  const whyNotDelete = () => (product && onlyCoupon ? t.catalog.refusals.productOnlyInCoupon({ code: onlyCoupon.code, productName: product.name }) : null);
  const form = useItemForm('products', product, () => (product ? draftOf(product) : emptyProduct()), checkProduct, onSaved, whyNotDelete);
  const { draft, set, errors, submit } = form;

  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const checked = checkProduct(draft, t).input;
  const hasOptions = draft.options.length > 0;
  const f = (name: keyof ProductDraft) => ({ id: `product-${name}`, ...invalidProps(`product-${name}`, errors[name]) });

  return (
    <form className="card item-form" onSubmit={(e) => void submit(e)} noValidate aria-label={product ? t.catalog.editItem.products : t.catalog.newItem.products}>
      <h2>{product ? t.catalog.editItem.products : t.catalog.newItem.products}</h2>
      <label className="field">
        <span className="field-label">{p.name}</span>
        <input data-testid="product-name-input" {...f('name')} value={draft.name} maxLength={100} placeholder={p.namePh} onChange={(e) => set({ name: e.target.value })} />
        <FieldError id="product-name-err" messages={errors.name} />
      </label>
      <label className="field">
        <span className="field-label">
          {p.description} <span className="muted">{t.catalog.optional}</span>
        </span>
        <textarea {...f('description')} rows={3} value={draft.description} placeholder={p.descriptionPh} onChange={(e) => set({ description: e.target.value })} />
        <FieldError id="product-description-err" messages={errors.description} />
      </label>
      <div className="form-row">
        <label className="field currency-field">
          <span className="field-label">{t.catalog.currency}</span>
          <select value={draft.currency} onChange={(e) => set({ currency: Currency.parse(e.target.value) })}>
            {Currency.options.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span className="field-label">{p.price}</span>
          <input data-testid="product-price-input" {...f('price')} inputMode="decimal" value={draft.price} placeholder="39,000" onChange={(e) => set({ price: e.target.value })} />
          <FieldError id="product-price-err" messages={errors.price} />
        </label>
        <label className="field grow">
          <span className="field-label">
            {p.salePrice} <span className="muted">{t.catalog.optional}</span>
          </span>
          <input data-testid="product-sale-price-input" {...f('salePrice')} inputMode="decimal" value={draft.salePrice} placeholder="29,000" onChange={(e) => set({ salePrice: e.target.value })} />
          <FieldError id="product-salePrice-err" messages={errors.salePrice} />
        </label>
      </div>
      <p className="field-hint price-preview" aria-live="polite">
        {checked ? <PricePreview price={checked.price} sale={checked.salePrice ?? null} currency={draft.currency} locale={locale} /> : p.amountHint}
      </p>
      <label className="field">
        <span className="field-label">{p.stock}</span>
        <input
          data-testid="product-stock-input"
          {...f('stock')}
          inputMode="numeric"
          value={hasOptions ? String(optionTotal(draft)) : draft.stock}
          readOnly={hasOptions}
          aria-readonly={hasOptions}
          placeholder="30"
          onChange={(e) => set({ stock: e.target.value })}
        />
        {hasOptions && <span className="field-hint">{p.stockFromOptions}</span>}
        <FieldError id="product-stock-err" messages={errors.stock} />
      </label>
      <OptionsEditor options={draft.options} errors={errors} onChange={(options) => set({ options })} />
      <ImagePicker images={draft.images} error={errors.images} onChange={(images) => set({ images })} />
      <label className="field">
        <span className="field-label">
          {p.externalUrl} <span className="muted">{t.catalog.optional}</span>
        </span>
        <input {...f('externalUrl')} type="url" value={draft.externalUrl} placeholder="https://" onChange={(e) => set({ externalUrl: e.target.value })} />
        <FieldError id="product-externalUrl-err" messages={errors.externalUrl} />
      </label>
      <FormFoot state={form} itemName={product?.name ?? ''} canDelete={product !== null} onDeleted={onDeleted} saveTestId="product-save-button" deleteTestId="product-delete-button" />
    </form>
  );
}

function PricePreview({ price, sale, currency, locale }: { price: number; sale: number | null; currency: Currency; locale: string }) {
  const { t } = useI18n();
  if (sale === null) return <strong>{formatMoney(price, currency, locale)}</strong>;
  const pct = price > 0 ? Math.round((1 - sale / price) * 100) : 0;
  return (
    <>
      <s>{formatMoney(price, currency, locale)}</s> → <strong>{formatMoney(sale, currency, locale)}</strong> <span className="off-chip">{t.catalog.product.off(pct)}</span>
    </>
  );
}
