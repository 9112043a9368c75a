import { FieldError, invalidProps } from './FieldError.js';

/** A labelled text input with its hint, an optional unit after it, and its validation messages under it. */
export function TextField(props: { id: string; label: string; value: string; onChange: (v: string) => void; errors: string[] | undefined; placeholder?: string; hint?: string; inputMode?: 'numeric' | 'tel' | 'email'; suffix?: string }) {
  const { id, label, value, onChange, errors, placeholder, hint, inputMode, suffix } = props;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <span className={suffix ? 'input-wrap input-suffix' : 'input-wrap'}>
        <input id={id} value={value} placeholder={placeholder} inputMode={inputMode} className={inputMode === 'numeric' ? 'num' : undefined} onChange={(e) => onChange(e.target.value)} data-testid={`${id}-input`} {...invalidProps(id, errors)} />
        {suffix && <span aria-hidden="true">{suffix}</span>}
      </span>
      {hint && <span className="field-hint">{hint}</span>}
      <FieldError id={`${id}-err`} messages={errors} />
    </div>
  );
}
