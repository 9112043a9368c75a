import { useState, type FormEvent } from 'react';
import { isPastStart, type Show, type WatchLink } from '../../../common/show.js';
import { MAX_TITLE_LENGTH } from '../../../common/limits.js';
import { bridge } from '../bridge.js';
import { localInputToIso } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { useErrorText } from '../errors/error-text.js';

export function CreateShowForm({ onCreated }: { onCreated: (show: Show, link: WatchLink) => void }) {
  const { t } = useI18n();
  const say = useErrorText();
  const [title, setTitle] = useState('');
  const [when, setWhen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    const scheduledAt = localInputToIso(when);
    // The relay refuses it too; saying it here keeps the message in the UI's language.
    if (scheduledAt && isPastStart(scheduledAt, Date.now())) return setError(t.showAdmin.pastStart);
    setBusy(true);
    setError(null);
    try {
      const { show, link } = await bridge.invoke('shows.create', { title: title.trim(), scheduledAt });
      onCreated(show, link);
      setTitle('');
      setWhen('');
    } catch (err) {
      setError(say(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card create-card" onSubmit={(e) => void submit(e)}>
      <h2>{t.shows.createTitle}</h2>
      <div className="create-row">
        <label className="field grow">
          <span className="field-label">{t.shows.showTitle}</span>
          <input data-testid="show-title-input" value={title} maxLength={MAX_TITLE_LENGTH} placeholder={t.shows.showTitlePh} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t.shows.scheduled}</span>
          <input data-testid="show-scheduled-input" type="datetime-local" value={when} onChange={(e) => (setWhen(e.target.value), setError(null))} />
        </label>
        <button type="submit" className="btn primary" data-testid="create-show-button" disabled={busy || !title.trim()}>
          {busy ? t.shows.creating : t.shows.create}
        </button>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
    </form>
  );
}
