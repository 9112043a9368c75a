import { useCallback, useState } from 'react';
import type { Coupon } from '../../../../common/commerce/catalog.js';
import { Currency, formatMoney } from '../../../../common/commerce/money.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Strings } from '../../i18n/strings.js';
import { FieldError, invalidProps } from '../../ui/FieldError.js';
import { ProductPicker } from '../../ui/ProductPicker.js';
import { checkCoupon, couponDraftOf, couponValue, emptyCoupon, type CouponDraft } from './coupon-draft.js';
import { ListShell } from './ListShell.js';
import { FormFoot, useItemForm } from './useItemForm.js';

export function CouponsTab() {
  const { t, lang, formatDate } = useI18n();
  const { items } = useCatalog();
  const [selected, setSelected] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  /** Another item (or a new one) gets a fresh form; saving keeps the form, so its "Saved" note stays. */
  const pick = (id: string | null) => (setSelected(id), setFormKey((k) => k + 1));
  const coupons = items.coupons;
  const current = coupons?.find((c) => c.id === selected) ?? null;
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const fresh = () => pick(null);
  return (
    <div className="catalog-split">
      <ListShell kind="coupons" count={coupons?.length} onNew={fresh}>
        <ul className="item-list">
          {coupons?.map((c) => (
            <li key={c.id} data-testid="coupon-item" data-coupon-id={c.id}>
              <button type="button" className={`item-row ${c.id === selected ? 'selected' : ''}`} aria-pressed={c.id === selected} onClick={() => pick(c.id)}>
                <span className="coupon-ticket" aria-hidden="true">
                  %
                </span>
                <span className="item-main">
                  <span className="item-title mono">{c.code}</span>
                  <span className="item-sub">
                    <span>{t.catalog.coupon.quotaOf(c.totalQuota, c.perViewerCap)}</span>
                    {c.minOrder > 0 && <span>{t.catalog.coupon.minOrderOf(formatMoney(c.minOrder, c.currency, locale))}</span>}
                    {c.validUntil && <span>{t.catalog.coupon.until(formatDate(c.validUntil))}</span>}
                    {c.productIds && <span data-testid="coupon-item-products">{t.catalog.coupon.onlyProducts(c.productIds.length)}</span>}
                  </span>
                </span>
                <strong className="item-price sale">{couponValue(c, t, locale)}</strong>
              </button>
            </li>
          ))}
        </ul>
      </ListShell>
      <CouponForm key={formKey} coupon={current} onSaved={setSelected} onDeleted={fresh} />
    </div>
  );
}

function CouponForm({ coupon, onSaved, onDeleted }: { coupon: Coupon | null; onSaved: (id: string) => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const { items } = useCatalog();
  const c = t.catalog.coupon;
  const products = items.products;
  const check = useCallback((d: CouponDraft, tt: Strings) => checkCoupon(d, tt, products), [products]);
  const form = useItemForm('coupons', coupon, () => (coupon ? couponDraftOf(coupon) : emptyCoupon()), check, onSaved);
  const { draft, set, errors } = form;
  const f = (name: keyof CouponDraft) => ({ id: `coupon-${name}`, ...invalidProps(`coupon-${name}`, errors[name]) });
  const err = (name: keyof CouponDraft) => <FieldError id={`coupon-${name}-err`} messages={errors[name]} />;
  const fixed = draft.kind === 'fixed';
  return (
    <form className="card item-form" onSubmit={(e) => void form.submit(e)} noValidate>
      <h2>{coupon ? t.catalog.editItem.coupons : t.catalog.newItem.coupons}</h2>
      <label className="field">
        <span className="field-label">{c.code}</span>
        <input data-testid="coupon-code-input" {...f('code')} className="mono upper" value={draft.code} maxLength={20} placeholder={c.codePh} onChange={(e) => set({ code: e.target.value.toUpperCase() })} />
        {err('code')}
      </label>
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">{c.kind}</span>
          <select data-testid="coupon-kind-select" value={draft.kind} onChange={(e) => set({ kind: e.target.value === 'fixed' ? 'fixed' : 'percent' })}>
            <option value="percent">{c.kinds.percent}</option>
            <option value="fixed">{c.kinds.fixed}</option>
          </select>
        </label>
        {fixed && (
          <label className="field currency-field">
            <span className="field-label">{t.catalog.currency}</span>
            <select value={draft.currency} onChange={(e) => set({ currency: Currency.parse(e.target.value) })}>
              {Currency.options.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </label>
        )}
        <label className="field grow">
          <span className="field-label">
            {c.amount} ({fixed ? draft.currency : '%'})
          </span>
          <input data-testid="coupon-amount-input" {...f('amount')} inputMode="decimal" value={draft.amount} placeholder={fixed ? '3,000' : '10'} onChange={(e) => set({ amount: e.target.value })} />
          {err('amount')}
        </label>
      </div>
      <label className="field">
        <span className="field-label">
          {c.minOrder} ({draft.currency}) <span className="muted">{t.catalog.optional}</span>
        </span>
        <input {...f('minOrder')} inputMode="decimal" value={draft.minOrder} placeholder="30,000" onChange={(e) => set({ minOrder: e.target.value })} />
        {err('minOrder')}
      </label>
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">{c.quota}</span>
          <input data-testid="coupon-quota-input" {...f('totalQuota')} inputMode="numeric" value={draft.totalQuota} placeholder="100" onChange={(e) => set({ totalQuota: e.target.value })} />
          <span className="field-hint">{c.quotaHint}</span>
          {err('totalQuota')}
        </label>
        <label className="field narrow-field">
          <span className="field-label">{c.perViewer}</span>
          <input {...f('perViewerCap')} inputMode="numeric" value={draft.perViewerCap} onChange={(e) => set({ perViewerCap: e.target.value })} />
          {err('perViewerCap')}
        </label>
      </div>
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">
            {c.validFrom} <span className="muted">{t.catalog.optional}</span>
          </span>
          <input {...f('validFrom')} type="datetime-local" value={draft.validFrom} onChange={(e) => set({ validFrom: e.target.value })} />
          {err('validFrom')}
        </label>
        <label className="field grow">
          <span className="field-label">
            {c.validUntil} <span className="muted">{t.catalog.optional}</span>
          </span>
          <input {...f('validUntil')} type="datetime-local" value={draft.validUntil} onChange={(e) => set({ validUntil: e.target.value })} />
          {err('validUntil')}
        </label>
      </div>
      <div className="field" data-testid="coupon-products">
        <span className="field-label">
          {c.products} <span className="muted">{draft.productIds.length ? c.picked(draft.productIds.length) : c.everyProduct}</span>
        </span>
        <ProductPicker products={products} value={draft.productIds} max={200} ordered={false} label={c.products} invalid={!!errors.productIds} onChange={(productIds) => set({ productIds })} />
        <span className="field-hint">{c.productsHint}</span>
        {err('productIds')}
      </div>
      <FormFoot state={form} itemName={coupon?.code ?? ''} canDelete={!!coupon} onDeleted={onDeleted} saveTestId="coupon-save-button" />
    </form>
  );
}
