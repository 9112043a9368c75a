/** A field's validation messages, right under it; `id` lets the input point at them (aria-describedby). */
export function FieldError({ id, messages }: { id?: string; messages: readonly string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <span className="field-errors" id={id}>
      {messages.map((m) => (
        <span key={m} className="field-error" data-testid="field-error">
          {m}
        </span>
      ))}
    </span>
  );
}

/** Props that tie an input to its messages for screen readers. */
export function invalidProps(id: string, messages: readonly string[] | undefined) {
  return messages?.length ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-err` } : {};
}
