import type { Show } from '../../../common/show.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * A studio reopened or reloaded mid-show lands here: the relay still has the show live (its
 * viewers see "잠시 후 다시 연결됩니다"), so the way back is the first thing on the page.
 */
export function StillLiveBanner({ shows, onOpen }: { shows: Show[]; onOpen: (show: Show) => void }) {
  const { t } = useI18n();
  const live = shows.filter((s) => s.status === 'live');
  if (!live.length) return null;
  return (
    <section className="card still-live" role="alert" data-testid="still-live">
      {live.map((s) => (
        <div className="still-live-row" key={s.id}>
          <span className="still-live-dot" aria-hidden="true" />
          <div className="still-live-text">
            <strong>{t.golive.stillLive(s.title)}</strong>
            <p className="muted small">{t.golive.stillLiveHint}</p>
          </div>
          <button type="button" className="btn golive resume" data-testid="still-live-open" onClick={() => onOpen(s)}>
            {t.golive.openToResume}
          </button>
        </div>
      ))}
    </section>
  );
}
