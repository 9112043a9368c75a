/** The end of a settings form: why saving failed, "saved", and the save button. Test ids are `${prefix}-error|saved|save-button`. */
export function SaveBar({ prefix, formError, saved, busy, words }: { prefix: string; formError: string | null; saved: boolean; busy: boolean; words: { saveFailed: string; saved: string; save: string; saving: string } }) {
  return (
    <>
      {formError && (
        <p className="form-error" role="alert" data-testid={`${prefix}-error`}>
          {words.saveFailed} {formError}
        </p>
      )}
      <div className="form-actions">
        {saved && (
          <span className="saved-note" role="status" data-testid={`${prefix}-saved`}>
            ✓ {words.saved}
          </span>
        )}
        <button type="submit" className="btn primary" disabled={busy} data-testid={`${prefix}-save-button`}>
          {busy ? words.saving : words.save}
        </button>
      </div>
    </>
  );
}
