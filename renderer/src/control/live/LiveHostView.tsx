import type { Rundown } from '../../../../common/rundown.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import { CueList } from './CueList.js';
import { KeyLegend, type LegendActions } from './KeyLegend.js';
import { NextCue } from './NextCue.js';
import { SegmentTimer } from './SegmentTimer.js';
import type { FireError, LiveRun } from './useLiveRun.js';

/**
 * The host's screen while live (and while rehearsing): the segment and its talking points, large
 * enough to read from two metres; its timer; the next cue; the segment's cues; the keys.
 */
export function LiveHostView({ live, rundown, rehearsal, actions, onEditRundown }: { live: LiveRun; rundown: Rundown; rehearsal: boolean; actions: LegendActions; onEditRundown: () => void }) {
  const { t } = useI18n();
  const { items } = useCatalog();
  const seg = live.segment;
  const edit = (
    <button type="button" className="btn small ghost" data-testid="rundown-open-button" onClick={onEditRundown}>
      ✎ {t.live.editRundown}
    </button>
  );
  if (!seg || !live.clock)
    return (
      <section className="card host-view" data-testid="live-host-view">
        <p className="muted">{t.live.emptyRundown}</p>
        {edit}
      </section>
    );
  const featured = seg.featuredProductIds.map((id) => items.products?.find((p) => p.id === id)?.name).filter(Boolean);
  return (
    <section className={`card host-view ${rehearsal ? 'rehearsal' : ''}`} data-testid="live-host-view" data-segment-id={seg.id}>
      <header className="host-head">
        <div className="seg-info">
          <span className="seg-of">
            {t.live.segmentOf(live.segIndex + 1, live.count)} · {rundown.name}
          </span>
          <h2 className="seg-title">{seg.title}</h2>
          {featured.length > 0 && <span className="seg-featured">{featured.join(' · ')}</span>}
        </div>
        <SegmentTimer clock={live.clock} plannedSec={seg.plannedSec} started={live.started} />
      </header>
      <CueErrorBanner error={live.error} onDismiss={live.dismissError} />
      <div className="talking-points" data-testid="talking-points" tabIndex={0} aria-label={t.rundown.talkingPoints}>
        {seg.talkingPoints.trim() ? seg.talkingPoints : <span className="muted">{t.live.noPoints}</span>}
      </div>
      <NextCue live={live} />
      <CueList segment={seg} live={live} />
      <div className="host-foot">
        <KeyLegend actions={actions} />
        {edit}
      </div>
    </section>
  );
}

function CueErrorBanner({ error, onDismiss }: { error: FireError | null; onDismiss: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const e = t.live.errors;
  const text =
    error.code === 'stale_stage'
      ? e.stale
      : error.code === 'not_live'
        ? e.notLive
        : ['shell_unreachable', 'relay_unreachable', 'timeout'].includes(error.code)
          ? `${e.unreachable} (${error.text})`
          : e.failed(error.text);
  return (
    <div className="banner banner-error cue-error" role="alert" data-testid="cue-error" data-code={error.code}>
      <span>{text}</span>
      <button type="button" className="btn small" onClick={onDismiss}>
        {e.dismiss}
      </button>
    </div>
  );
}
