import { StillLiveBanner } from './StillLiveBanner.js';
import { useCallback, useEffect, useState } from 'react';
import type { Show, WatchLink } from '../../../common/show.js';
import { bridge } from '../bridge.js';
import { useI18n } from '../i18n/i18n.js';
import { useShowUpdates } from '../relay-hooks.js';
import { CreateShowForm } from './CreateShowForm.js';
import type { ShowChange } from './ShowActions.js';
import { ShowList } from './ShowList.js';
import { useErrorText } from '../errors/error-text.js';

/** Links returned by shows.create, so the control room shows them without another round trip. */
const createdLinks = new Map<string, WatchLink>();

export function ShowsScreen({ onOpen, onOpenRundown, onOpenOrders, onOpenReport, onOpenReplays }: { onOpen: (show: Show, link: WatchLink | null) => void; onOpenRundown: (show: Show) => void; onOpenOrders: (show: Show) => void; onOpenReport: (show: Show) => void; onOpenReplays: (show: Show) => void }) {
  const { t } = useI18n();
  const say = useErrorText();
  const [shows, setShows] = useState<Show[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [justCreated, setJustCreated] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      // Rehearsals are opened from their show's control room, not listed as shows of their own.
      setShows((await bridge.invoke('shows.list', {})).filter((s) => s.rehearsalOf === null));
      setError(null);
    } catch (e) {
      setError(say(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  // A show created or started elsewhere (another window, OBS) shows up too; rehearsals stay in their rooms.
  useShowUpdates(
    useCallback((show: Show) => setShows((xs) => xs && (xs.some((s) => s.id === show.id) ? xs.map((s) => (s.id === show.id ? show : s)) : show.rehearsalOf === null ? [show, ...xs] : xs)), []),
  );

  const created = (show: Show, link: WatchLink) => {
    createdLinks.set(show.id, link);
    setShows((xs) => [show, ...(xs ?? []).filter((s) => s.id !== show.id)]);
    setJustCreated(show.id);
    setNotice(null);
  };

  const changed = (c: ShowChange) => {
    if (c.kind === 'renamed') setShows((xs) => xs && xs.map((s) => (s.id === c.show.id ? c.show : s)));
    if (c.kind === 'copied') created(c.show, c.link);
    if (c.kind === 'deleted') setShows((xs) => xs && xs.filter((s) => s.id !== c.showId));
    setNotice(c.kind === 'renamed' ? null : c.notice);
  };

  return (
    <div className="page shows-page">
      {shows && <StillLiveBanner shows={shows} onOpen={(s) => onOpen(s, createdLinks.get(s.id) ?? null)} />}
      <CreateShowForm onCreated={created} />
      <section className="card">
        <div className="card-head">
          <h2>{t.shows.title}</h2>
        </div>
        {notice ? (
          <p className="notice" role="status" data-testid="shows-notice">
            {notice}
          </p>
        ) : (
          justCreated && <p className="notice">{t.shows.created}</p>
        )}
        {error && (
          <div className="form-error" role="alert">
            {error}{' '}
            <button type="button" className="btn small" onClick={() => void load()}>
              {t.common.retry}
            </button>
          </div>
        )}
        {!shows && !error && <p className="muted">{t.common.loading}</p>}
        {shows && shows.length === 0 && <p className="muted empty">{t.shows.empty}</p>}
        {shows && shows.length > 0 && <ShowList shows={shows} highlight={justCreated} onOpen={(s) => onOpen(s, createdLinks.get(s.id) ?? null)} onOpenRundown={onOpenRundown} onOpenOrders={onOpenOrders} onOpenReport={onOpenReport} onOpenReplays={onOpenReplays} onChange={changed} />}
      </section>
    </div>
  );
}
