import type { StoreProfileAnswer } from '../../../../common/commerce/store-profile.js';
import { bridge } from '../../bridge.js';
import { useI18n } from '../../i18n/i18n.js';
import { TextField } from '../../ui/TextField.js';
import { useSettingsForm } from '../../ui/useSettingsForm.js';
import { SaveBar } from '../../ui/SaveBar.js';
import { checkStoreDraft, toStoreDraft, type StoreDraft } from './store-draft.js';
import { storeProfileSaved } from './store-profile-saved.js';

/** 판매자 정보: the seller's legal business details and return terms, saved on the relay (docs/store-profile.md). */
export function StoreProfileScreen() {
  const { t } = useI18n();
  const s = t.store;
  const { draft, stored, loadError, errors, busy, saved, formError, set, submit } = useSettingsForm({
    load: () => bridge.invoke('store.profile.get', {}),
    toDraft: (a: StoreProfileAnswer) => toStoreDraft(a.profile),
    check: (d: StoreDraft) => checkStoreDraft(d, t),
    save: (v) => bridge.invoke('store.profile.save', v),
    onSaved: storeProfileSaved,
  });
  const filled = stored?.profile != null;

  if (loadError)
    return (
      <div className="page store-page">
        <p className="form-error" role="alert">
          {s.loadFailed} {loadError}
        </p>
      </div>
    );
  if (!draft) return <p className="muted center-page">{t.common.loading}</p>;

  const field = (key: keyof StoreDraft & string, label: string, errorKey: string, extra: { placeholder?: string; hint?: string; inputMode?: 'numeric' | 'tel' | 'email'; suffix?: string } = {}) => (
    <TextField id={`store-${key}`} label={label} value={String(draft[key])} onChange={(v) => set({ [key]: v } as Partial<StoreDraft>)} errors={errors[errorKey]} {...extra} />
  );

  return (
    <div className="page store-page" data-testid="store-screen">
      <div className="page-head">
        <div>
          <h1>{s.title}</h1>
          <p className="muted">{s.lead}</p>
          {!filled && (
            <p className="notice" data-testid="store-empty">
              {s.empty}
            </p>
          )}
        </div>
      </div>
      <form className="payment-form" onSubmit={(e) => void submit(e)} noValidate data-testid="store-form">
        <section className="card payment-section" aria-labelledby="store-business">
          <h2 id="store-business">{s.business}</h2>
          <div className="form-row">
            {field('businessName', s.businessName, 'businessName')}
            {field('representative', s.representative, 'representative')}
          </div>
          <div className="form-row">
            {field('businessNumber', s.businessNumber, 'businessNumber', { placeholder: s.businessNumberPh, inputMode: 'tel' })}
            <div className="field">
              {!draft.mailOrderExempt && field('mailOrderNumber', s.mailOrderNumber, 'mailOrderNumber', { placeholder: s.mailOrderPh })}
              <label className="check-line" htmlFor="store-mail-exempt">
                <input id="store-mail-exempt" type="checkbox" checked={draft.mailOrderExempt} onChange={(e) => set({ mailOrderExempt: e.target.checked })} data-testid="store-mail-exempt" />
                <span>{s.mailOrderExempt}</span>
              </label>
            </div>
          </div>
          {field('address', s.address, 'address')}
        </section>
        <section className="card payment-section" aria-labelledby="store-contact">
          <h2 id="store-contact">{s.contact}</h2>
          <div className="form-row">
            {field('phone', s.phone, 'phone', { placeholder: s.phonePh, inputMode: 'tel' })}
            {field('email', s.email, 'email', { inputMode: 'email' })}
          </div>
        </section>
        <section className="card payment-section" aria-labelledby="store-returns">
          <h2 id="store-returns">{s.returns}</h2>
          <div className="form-row">
            {field('periodDays', s.period, 'returns.periodDays', { hint: s.periodHint, inputMode: 'numeric' })}
            {field('returnFee', s.returnFee, 'returns.shippingFee', { hint: s.returnFeeHint, inputMode: 'numeric', suffix: '₩' })}
          </div>
          {field('returnAddress', s.returnAddress, 'returns.address')}
          {field('returnNote', s.returnNote, 'returns.note')}
        </section>
        <section className="card payment-section" aria-labelledby="store-privacy">
          <h2 id="store-privacy">{s.privacy}</h2>
          <label className="check-line" htmlFor="store-privacy-on">
            <input id="store-privacy-on" type="checkbox" checked={draft.privacyOn} onChange={(e) => set({ privacyOn: e.target.checked })} data-testid="store-privacy-on" />
            <span>{s.privacyOn}</span>
          </label>
          {draft.privacyOn && (
            <div className="form-row">
              {field('privacyName', s.privacyName, 'privacyOfficer.name')}
              {field('privacyContact', s.privacyContact, 'privacyOfficer.contact')}
            </div>
          )}
        </section>
        <SaveBar prefix="store" formError={formError} saved={saved} busy={busy} words={s} />
      </form>
    </div>
  );
}
