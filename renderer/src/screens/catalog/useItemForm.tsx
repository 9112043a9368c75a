import { useEffect, useState, type FormEvent } from 'react';
import { useCatalog, type CatalogInputs, type CatalogItems, type CatalogKind } from '../../catalog/catalog-data.js';
import { errorText } from '../../errors/error-text.js';
import type { FieldErrors } from '../../catalog/validation.js';
import { useI18n } from '../../i18n/i18n.js';
import type { Strings } from '../../i18n/strings.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';

type Check<K extends CatalogKind, D> = (d: D, t: Strings) => { input: CatalogInputs[K]; errors: null } | { input: null; errors: FieldErrors };

/**
 * The state every catalog form shares: the draft, validation with the core's schema (on save,
 * then live while the seller fixes it), saving, the core's refusal in the seller's language, delete (`whyNotDelete`: a
 * reason the delete would be refused, checked before asking the core).
 */
export function useItemForm<K extends CatalogKind, D>(kind: K, item: CatalogItems[K][number] | null, initial: () => D, check: Check<K, D>, onSaved: (id: string) => void, whyNotDelete?: () => string | null) {
  const { t, lang } = useI18n();
  const { save, remove, reload } = useCatalog();
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (tried) setErrors(check(draft, t).errors ?? {});
  }, [draft, tried, t, check]);

  const set = (patch: Partial<D>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    setFormError(null);
    const checked = check(draft, t);
    if (checked.errors || !checked.input) return setErrors(checked.errors ?? {});
    setBusy(true);
    try {
      const savedItem = await save(kind, checked.input, item?.id);
      setSaved(true);
      setTried(false);
      onSaved(savedItem.id);
    } catch (err) {
      setFormError(errorText(err, t, lang));
      // The catalog may have changed under the form (a product deleted in another window): with it
      // reloaded, the form's own check says what is wrong in the seller's language (FormFoot).
      void reload().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const del = async (): Promise<boolean> => {
    if (!item) return false;
    // What the core would refuse, said first in the seller's language (the core still checks).
    const why = whyNotDelete?.() ?? null;
    if (why) return (setFormError(why), false);
    try {
      await remove(kind, item.id);
      return true;
    } catch (e) {
      setFormError(errorText(e, t, lang));
      return false;
    }
  };
  return { draft, set, errors, tried, busy, formError, saved, submit, del };
}

/** Form-wide messages and the Delete / Save row. */
interface FootState {
  tried: boolean;
  errors: FieldErrors;
  formError: string | null;
  saved: boolean;
  busy: boolean;
  del: () => Promise<boolean>;
}

export function FormFoot({ state, itemName, canDelete, onDeleted, saveTestId, deleteTestId }: { state: FootState; itemName: string; canDelete: boolean; onDeleted: () => void; saveTestId: string; deleteTestId?: string }) {
  const { t } = useI18n();
  return (
    <>
      {state.tried && Object.keys(state.errors).length > 0 && (
        <p className="form-error" role="alert">
          {t.catalog.fixFields}
        </p>
      )}
      {/* Field errors found after a refusal (the catalog reloaded) point at the field; they say it better. */}
      {state.formError && !(state.tried && Object.keys(state.errors).length > 0) && (
        <p className="form-error" role="alert">
          {state.formError}
        </p>
      )}
      <div className="form-actions split">
        {canDelete ? <ConfirmButton label={t.catalog.del} question={t.catalog.confirmDelete(itemName)} confirmLabel={t.catalog.yesDelete} testId={deleteTestId} onConfirm={() => state.del().then((ok) => void (ok && onDeleted()))} /> : <span />}
        <span className="form-actions-end">
          {state.saved && (
            <span className="saved-note" role="status">
              ✓ {t.catalog.saved}
            </span>
          )}
          <button type="submit" className="btn primary" data-testid={saveTestId} disabled={state.busy}>
            {state.busy ? t.catalog.saving : t.catalog.save}
          </button>
        </span>
      </div>
    </>
  );
}
