import { useState, type FormEvent } from 'react';
import { MAX_TITLE_LENGTH } from '../../../common/limits.js';
import { StudioError } from '../../../common/ipc-contract.js';
import type { Show, WatchLink } from '../../../common/show.js';
import { bridge } from '../bridge.js';
import { useI18n } from '../i18n/i18n.js';
import { ConfirmButton } from '../ui/ConfirmButton.js';
import { useErrorText } from '../errors/error-text.js';

export type ShowChange = { kind: 'renamed'; show: Show } | { kind: 'copied'; show: Show; link: WatchLink; notice: string } | { kind: 'deleted'; showId: string; notice: string };

/**
 * Rename, copy and delete for one show of the list. Delete asks first and names what goes with
 * the show; a live show offers no delete (the relay refuses it anyway), and the relay's refusal
 * (orders kept) is shown in the UI's language.
 */
export function ShowActions({ show, onChange }: { show: Show; onChange: (c: ShowChange) => void }) {
  const { t } = useI18n();
  const a = t.showAdmin;
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(show.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const say = useErrorText();
  const explain = (e: unknown) => setError(e instanceof StudioError && a.refused[e.code] ? a.refused[e.code]! : `${a.failed} ${say(e)}`);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      explain(e);
    } finally {
      setBusy(false);
    }
  };

  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return setError(a.titleRequired);
    void run(async () => {
      onChange({ kind: 'renamed', show: await bridge.invoke('shows.rename', { showId: show.id, title: title.trim() }) });
      setRenaming(false);
    });
  };
  const copy = () =>
    run(async () => {
      const copyTitle = a.copyTitle(show.title).slice(0, MAX_TITLE_LENGTH);
      const res = await bridge.invoke('shows.copy', { showId: show.id, title: copyTitle });
      onChange({ kind: 'copied', show: res.show, link: res.link, notice: a.copied(res.show.title, res.rundowns) });
    });
  const remove = () =>
    run(async () => {
      await bridge.invoke('shows.delete', { showId: show.id });
      onChange({ kind: 'deleted', showId: show.id, notice: a.deleted(show.title) });
    });

  return (
    <div className="show-actions" data-testid="show-actions">
      {renaming ? (
        <form className="show-rename" onSubmit={rename}>
          <input aria-label={a.renameLabel} data-testid="show-rename-input" value={title} maxLength={MAX_TITLE_LENGTH} onChange={(e) => setTitle(e.target.value)} autoFocus />
          <button type="submit" className="btn small primary" data-testid="show-rename-save" disabled={busy}>
            {a.save}
          </button>
          <button type="button" className="btn small" onClick={() => (setRenaming(false), setTitle(show.title))}>
            {a.cancel}
          </button>
        </form>
      ) : (
        <>
          <button type="button" className="btn small ghost" data-testid="show-rename-button" onClick={() => setRenaming(true)}>
            {a.rename}
          </button>
          <button type="button" className="btn small ghost" data-testid="show-copy-button" disabled={busy} onClick={() => void copy()}>
            {a.copy}
          </button>
          {show.status !== 'live' && <ConfirmButton label={a.del} question={a.confirmDelete(show.title)} confirmLabel={a.confirmDeleteButton} onConfirm={remove} testId="show-delete-button" />}
        </>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="show-action-error">
          {error}
        </p>
      )}
    </div>
  );
}
