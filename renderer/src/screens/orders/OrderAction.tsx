import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { useErrorText } from '../../errors/error-text.js';

/**
 * One order action behind a confirm step that says exactly what will happen (no browser dialogs);
 * cancel and refund take an optional reason. Escape or Cancel steps back.
 */
export function OrderAction(props: { label: string; question: string; confirmLabel: string; withReason?: boolean; tone: 'primary' | 'danger'; testId: string; run: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const say = useErrorText();
  const { label, question, confirmLabel, withReason, tone, testId, run } = props;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) backRef.current?.focus();
  }, [asking]);

  if (!asking)
    return (
      <button type="button" className={`btn small ${tone === 'danger' ? 'danger-outline' : 'primary-outline'}`} data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      await run(reason.trim());
      setAsking(false);
      setReason('');
    } catch (e) {
      setError(say(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`order-confirm ${tone}`} role="alertdialog" aria-label={question} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)} data-testid={`${testId}-dialog`}>
      <p>{question}</p>
      {withReason && (
        <label className="field">
          <span className="field-label">{t.commerce.orders.actions.reason}</span>
          <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} data-testid={`${testId}-reason`} />
        </label>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="order-action-error">
          {t.commerce.orders.actions.failed} {error}
        </p>
      )}
      <div className="confirm-actions">
        <button type="button" className="btn small" ref={backRef} onClick={() => setAsking(false)} disabled={busy}>
          {t.common.cancel}
        </button>
        <button type="button" className={`btn small ${tone === 'danger' ? 'danger' : 'primary'}`} data-testid={`${testId}-confirm`} disabled={busy} onClick={() => void go()}>
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
