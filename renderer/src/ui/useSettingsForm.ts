import { useEffect, useState, type FormEvent } from 'react';
import type { FieldErrors } from '../catalog/validation.js';
import { useErrorText } from '../errors/error-text.js';

export type Checked<V> = { value: V; errors: null } | { value: null; errors: FieldErrors };

/**
 * A settings form saved as a whole (payment, store info): load once, edit a draft, check it with the
 * same schema the core uses (errors shown after the first save attempt, then live), save, and show
 * what was stored. `stored` is the last value read or saved.
 */
export function useSettingsForm<S, D, V>(opts: { load: () => Promise<S>; toDraft: (s: S) => D; check: (d: D) => Checked<V>; save: (v: V) => Promise<S>; onSaved?: (s: S) => void }) {
  const [draft, setDraft] = useState<D | null>(null);
  const [stored, setStored] = useState<S | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const { load, toDraft, check, save, onSaved } = opts;
  const say = useErrorText();

  useEffect(() => {
    load().then(
      (s) => {
        setStored(s);
        setDraft(toDraft(s));
      },
      (e: unknown) => setLoadError(say(e)),
    );
    // loaded once per mount
  }, []);
  // After the first save attempt, errors follow the draft as the seller corrects it.
  const errors: FieldErrors = tried && draft ? (check(draft).errors ?? {}) : {};

  const set = (patch: Partial<D>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setSaved(false);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setTried(true);
    setFormError(null);
    const checked = check(draft);
    if (checked.value === null) return;
    setBusy(true);
    try {
      const s = await save(checked.value);
      setStored(s);
      setDraft(toDraft(s));
      setSaved(true);
      setTried(false);
      onSaved?.(s);
    } catch (err) {
      setFormError(say(err));
    } finally {
      setBusy(false);
    }
  };
  return { draft, stored, loadError, errors, busy, saved, formError, set, submit };
}
