import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

/** A destructive button behind one inline confirm step (no browser dialogs); Escape cancels. */
export function ConfirmButton({ label, question, confirmLabel, onConfirm, testId }: { label: string; question: string; confirmLabel: string; onConfirm: () => Promise<void> | void; testId?: string }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className="btn small danger-outline" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div className="inline-confirm" role="alertdialog" aria-label={question} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <span>{question}</span>
      <button type="button" className="btn small" ref={cancelRef} onClick={() => setAsking(false)} disabled={busy}>
        {t.common.cancel}
      </button>
      <button
        type="button"
        className="btn small danger"
        data-testid={testId ? `${testId}-confirm` : undefined}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void Promise.resolve(onConfirm()).finally(() => {
            setBusy(false);
            setAsking(false);
          });
        }}
      >
        {confirmLabel}
      </button>
    </div>
  );
}
