import type { ReactNode } from 'react';
import { JEJU } from '../../../../common/commerce/remote-postcodes.js';
import { bridge } from '../../bridge.js';
import { money } from '../../commerce/numbers.js';
import { useI18n } from '../../i18n/i18n.js';
import { FieldError } from '../../ui/FieldError.js';
import { TextField } from '../../ui/TextField.js';
import { useSettingsForm } from '../../ui/useSettingsForm.js';
import { SaveBar } from '../../ui/SaveBar.js';
import { checkPayment, toDraft, type PaymentDraft } from './payment-draft.js';

/** Payment methods and shipping: what viewers can choose at checkout, checked as the core checks it. */
export function PaymentScreen() {
  const { t, lang } = useI18n();
  const p = t.commerce.payment;
  const { draft, loadError, errors, busy, saved, formError, set, submit } = useSettingsForm({
    load: () => bridge.invoke('payment.get', {}),
    toDraft,
    check: (d: PaymentDraft) => {
      const r = checkPayment(d, t);
      return r.settings ? { value: r.settings, errors: null } : { value: null, errors: r.errors };
    },
    save: (v) => bridge.invoke('payment.save', v),
  });

  if (loadError)
    return (
      <div className="page payment-page">
        <p className="form-error" role="alert">
          {p.loadFailed} {loadError}
        </p>
      </div>
    );
  if (!draft) return <p className="muted center-page">{t.common.loading}</p>;

  const preview = checkPayment(draft, t).settings;
  return (
    <div className="page payment-page">
      <div className="page-head">
        <div>
          <h1>{p.title}</h1>
          <p className="muted">{p.lead}</p>
        </div>
      </div>
      <form className="payment-form" onSubmit={(e) => void submit(e)} noValidate data-testid="payment-form">
        <section className="card payment-section" aria-labelledby="pay-methods">
          <div className="card-head">
            <div>
              <h2 id="pay-methods">{p.methods}</h2>
              <p className="muted small">{p.methodsHint}</p>
            </div>
          </div>
          <FieldError id="methods-err" messages={errors.methods} />
          <Method id="pay-bank" checked={draft.bankOn} onChange={(v) => set({ bankOn: v })} label={p.bank} hint={p.bankHint}>
            {draft.bankOn && (
              <div className="form-row bank-fields">
                <TextField id="pay-bank-name" label={p.bankName} placeholder={p.bankNamePh} value={draft.bank} onChange={(v) => set({ bank: v })} errors={errors['bankTransfer.bank']} />
                <TextField id="pay-account" label={p.account} placeholder={p.accountPh} hint={p.accountHint} value={draft.account} onChange={(v) => set({ account: v })} errors={errors['bankTransfer.accountNumber']} inputMode="tel" />
                <TextField id="pay-holder" label={p.holder} placeholder={p.holderPh} value={draft.holder} onChange={(v) => set({ holder: v })} errors={errors['bankTransfer.holder']} />
                <TextField id="pay-window" label={p.window} hint={p.windowHint} value={draft.window} onChange={(v) => set({ window: v })} errors={errors['bankTransfer.paymentWindowMinutes']} inputMode="numeric" suffix={p.minutes} />
              </div>
            )}
          </Method>
          <Method id="pay-cod" checked={draft.cod} onChange={(v) => set({ cod: v })} label={p.cod} hint={p.codHint} />
          <Method id="pay-card" checked={draft.card} onChange={(v) => set({ card: v })} label={p.card} hint={p.cardHint} />
        </section>

        <section className="card payment-section" aria-labelledby="pay-shipping">
          <div className="card-head">
            <div>
              <h2 id="pay-shipping">{p.shipping}</h2>
              <p className="muted small">{p.currencyNote}</p>
            </div>
          </div>
          <div className="form-row">
            <TextField id="pay-fee" label={p.fee} hint={p.feeHint} value={draft.fee} onChange={(v) => set({ fee: v })} errors={errors.shippingFee} inputMode="numeric" suffix="₩" />
            <div className="field">
              <label className="check-line" htmlFor="pay-free-on">
                <input id="pay-free-on" type="checkbox" checked={draft.freeOn} onChange={(e) => set({ freeOn: e.target.checked })} data-testid="pay-free-on" />
                <span>{p.freeOn}</span>
              </label>
              {draft.freeOn && <TextField id="pay-free" label={p.freeFrom} hint={p.freeFromHint} value={draft.freeFrom} onChange={(v) => set({ freeFrom: v })} errors={errors.freeShippingFrom} inputMode="numeric" suffix="₩" />}
            </div>
          </div>
          <div className="form-row">
            <div className="field">
              <label className="check-line" htmlFor="pay-remote-on">
                <input id="pay-remote-on" type="checkbox" checked={draft.remoteOn} onChange={(e) => set({ remoteOn: e.target.checked })} data-testid="pay-remote-on" />
                <span>{p.remoteOn}</span>
              </label>
              <p className="muted small">{p.remoteHint}</p>
              {/* The zones come from the one postcode table the relay charges by. */}
              <p className="muted small" data-testid="pay-remote-zones">
                {p.remoteZones(JEJU[0], JEJU[1])}
              </p>
            </div>
            {draft.remoteOn && <TextField id="pay-jeju" label={p.jeju} value={draft.jeju} onChange={(v) => set({ jeju: v })} errors={errors['remoteSurcharge.jeju']} inputMode="numeric" suffix="₩" />}
            {draft.remoteOn && <TextField id="pay-island" label={p.island} value={draft.island} onChange={(v) => set({ island: v })} errors={errors['remoteSurcharge.island']} inputMode="numeric" suffix="₩" />}
          </div>
          {preview && (
            <p className="notice pay-example" data-testid="pay-example">
              {preview.shippingFee === 0 || preview.freeShippingFrom === 0 ? p.exampleFree : p.example(money(preview.shippingFee, 'KRW', lang), preview.freeShippingFrom === null ? null : money(preview.freeShippingFrom, 'KRW', lang))}
              {preview.remoteSurcharge && p.exampleRemote(money(preview.remoteSurcharge.jeju, 'KRW', lang), money(preview.remoteSurcharge.island, 'KRW', lang))}
            </p>
          )}
        </section>

        <SaveBar prefix="payment" formError={formError} saved={saved} busy={busy} words={p} />
      </form>
    </div>
  );
}

function Method({ id, checked, onChange, label, hint, children }: { id: string; checked: boolean; onChange: (v: boolean) => void; label: string; hint: string; children?: ReactNode }) {
  return (
    <div className={`pay-method ${checked ? 'on' : ''}`}>
      <label className="check-line" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={id} />
        <span className="pay-method-text">
          <strong>{label}</strong>
          <span className="muted small">{hint}</span>
        </span>
      </label>
      {children}
    </div>
  );
}
