import type { ReplayChapter } from '../../../../common/replay/replay-view.js';
import type { Show } from '../../../../common/show.js';
import { WatchLinkCard } from '../../control/WatchLinkCard.js';
import { formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { ClipsSection } from '../clips/ClipsSection.js';
import { RecordingCard } from './RecordingCard.js';
import { ReplayNumbersCard } from './ReplayNumbersCard.js';
import { useStudioReplay } from './use-studio-replay.js';

/**
 * A show's Replays screen (docs/replay.md, "Studio"): the recording's state and disk use, what the
 * replay sold, its chapters, the watch link that now plays it, and the clips. Opened from the show
 * list, the ended show's room and the post-show report.
 */
export function ReplaysScreen({ show, onBack }: { show: Show; onBack: () => void }) {
  const { t } = useI18n();
  const r = t.replays;
  const { replay, error, reload } = useStudioReplay(show.id);
  return (
    <div className="page report-page replays-page" data-testid="replays-screen" data-show-id={show.id}>
      <div className="page-head report-head">
        <div>
          <p className="muted small report-kicker">{r.kicker}</p>
          <h1 data-testid="replays-title">{show.title}</h1>
          <p className="muted">{r.lead}</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={onBack} data-testid="replays-back-button">
            ← {r.back}
          </button>
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="replays-error">
          {r.loadFailed} {error}
        </p>
      )}
      {!replay && !error && <p className="muted">{t.common.loading}</p>}
      {replay && (
        <div className="replays-grid">
          <div className="replays-main">
            <RecordingCard showId={show.id} replay={replay} onChanged={() => void reload()} />
            <ReplayNumbersCard numbers={replay.numbers} fallbackCurrency={null} />
            {replay.recording.status !== 'deleted' && <ChaptersCard chapters={replay.chapters} />}
          </div>
          <aside className="replays-side">
            <p className="muted small">{r.watchHint}</p>
            <WatchLinkCard showId={show.id} initial={null} />
          </aside>
        </div>
      )}
      {/* Read again when the recording's state changes: a replay that became ready (or was deleted) changes what can be cut. */}
      {show.status === 'ended' && <ClipsSection key={replay?.recording.status ?? 'loading'} showId={show.id} />}
    </div>
  );
}

function ChaptersCard({ chapters }: { chapters: ReplayChapter[] }) {
  const { t } = useI18n();
  const r = t.replays;
  const ordered = [...chapters].sort((a, b) => a.atSec - b.atSec || (a.kind === 'segment' ? -1 : 1));
  return (
    <section className="card report-section" data-testid="replay-chapters">
      <h2>{r.chaptersTitle}</h2>
      <p className="muted small">{chapters.length ? r.chaptersHint : r.chaptersNone}</p>
      {chapters.length > 0 && (
        <ol className="replay-chapters">
          {ordered.map((c, i) => (
            <li key={`${c.kind}-${c.atSec}-${i}`} className={`replay-chapter replay-chapter-${c.kind}`} data-testid="replay-chapter" data-kind={c.kind}>
              <span className="replay-chapter-time">{formatClock(c.atSec)}</span>
              <span className="replay-chapter-kind">{c.kind === 'product' ? r.chapterProduct : r.chapterSegment}</span>
              <span className="replay-chapter-title">{c.title}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
