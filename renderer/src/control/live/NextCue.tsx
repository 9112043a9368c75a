import { useCatalog } from '../../catalog/catalog-data.js';
import { formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { cueTitle, describeAction } from '../../rundown/describe-cue.js';
import { KeyCap } from './KeyCap.js';
import type { LiveRun } from './useLiveRun.js';

/** The next cue, large: what it does, and when (a countdown when timed, "press Space" when manual). */
export function NextCue({ live }: { live: LiveRun }) {
  const { t, lang } = useI18n();
  const { items } = useCatalog();
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const next = live.clock?.nextCue ?? null;
  if (!next)
    return (
      <section className="next-cue done" data-testid="next-cue" data-cue-id="">
        <span className="next-label">{t.live.nextCue}</span>
        <p className="next-none">{live.segIndex < live.count - 1 ? t.live.allFired : t.live.lastSegment}</p>
      </section>
    );
  const title = cueTitle(next.cue, items, t, locale);
  const desc = describeAction(next.cue.action, items, t, locale);
  const due = next.dueInSec;
  const soon = due !== null && due <= 10;
  return (
    <section className={`next-cue ${soon ? 'soon' : ''}`} data-testid="next-cue" data-cue-id={next.cue.id}>
      <span className="next-label">{t.live.nextCue}</span>
      <div className="next-body">
        <span className="next-num">{next.index + 1}</span>
        <span className="next-text">
          <strong>{title}</strong>
          {title !== desc && <span className="muted">{desc}</span>}
        </span>
        <span className="next-when" aria-live="off">
          {due === null ? (
            <>
              <KeyCap k="Space" /> {t.live.manualNext}
            </>
          ) : due > 0 && live.started ? (
            <span className="countdown">{t.live.dueIn(formatClock(Math.ceil(due)))}</span>
          ) : due > 0 ? (
            t.live.atTime(formatClock(next.cue.trigger.type === 'offset' ? next.cue.trigger.atSec : 0))
          ) : (
            t.live.dueNow
          )}
        </span>
        <button type="button" className="btn primary fire-btn" onClick={live.fireNext}>
          {t.live.fireNext} <KeyCap k="Space" />
        </button>
      </div>
    </section>
  );
}
