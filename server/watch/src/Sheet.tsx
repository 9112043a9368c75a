import { useEffect, useId, useRef, type ReactNode } from 'react';
import { c } from './i18n-commerce.js';

/**
 * A panel beside (desktop) or under (phone) the still-playing video: checkout, my orders. Not
 * modal (the show goes on and stays tappable), but it takes focus when it opens, gives it back
 * when it closes, and Escape closes it.
 */
export function Sheet({ title, onClose, children, footer, testId }: { title: string; onClose: () => void; children: ReactNode; footer?: ReactNode; testId: string }) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    headingRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not from inside a field: Escape there dismisses the browser's autofill list, not the order.
      const inField = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (e.key === 'Escape' && !e.defaultPrevented && !inField) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="sheet" role="dialog" aria-labelledby={headingId} data-testid={testId}>
      <header className="sheet-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="sheet-title">
          {title}
        </h2>
        <button type="button" className="sheet-close" onClick={onClose} aria-label={c.close} data-testid="sheet-close">
          <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </header>
      <div className="sheet-body">{children}</div>
      {footer && <footer className="sheet-foot">{footer}</footer>}
    </section>
  );
}

/** A labelled text field with its error right under it. */
export function Field(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  maxLength: number;
  testId: string;
  type?: 'text' | 'tel';
  inputMode?: 'text' | 'numeric' | 'tel';
  autoComplete?: string;
  placeholder?: string;
  required?: boolean;
  multiline?: boolean;
  help?: string;
}) {
  const errId = `${props.id}-err`;
  const helpId = `${props.id}-help`;
  const described = [props.help ? helpId : null, props.error ? errId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id,
    value: props.value,
    maxLength: props.maxLength,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': described,
    'aria-required': props.required || undefined,
    'data-testid': props.testId,
    autoComplete: props.autoComplete,
    placeholder: props.placeholder,
  };
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={2} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} inputMode={props.inputMode} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.help && (
        <p className="field-help" id={helpId}>
          {props.help}
        </p>
      )}
      {props.error && (
        <p className="field-error" id={errId} role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
