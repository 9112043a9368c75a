import type { SegmentClock } from '../../../../common/rundown.js';
import { formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';

/** Amber this close to the end: 15 % of the plan, at least 15 s, at most a minute. */
export const nearEndSec = (plannedSec: number) => Math.min(60, Math.max(15, plannedSec * 0.15));

/** Elapsed / planned, with a bar; amber near the end, red and "+0:42 over" past it. */
export function SegmentTimer({ clock, plannedSec, started }: { clock: SegmentClock; plannedSec: number; started: boolean }) {
  const { t } = useI18n();
  const state = clock.over ? 'over' : clock.remainingSec <= nearEndSec(plannedSec) && started ? 'near' : 'ok';
  const pct = Math.min(100, (clock.elapsedSec / plannedSec) * 100);
  return (
    <div className={`seg-timer timer-${state}`} data-testid="segment-timer" data-state={state} role="timer" aria-label={t.live.timer}>
      <div className="timer-main">
        <span className="timer-elapsed">{formatClock(clock.elapsedSec)}</span>
        <span className="timer-planned">{t.live.planned(formatClock(plannedSec))}</span>
      </div>
      <div className="timer-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </div>
      <div className="timer-note">{!started ? t.live.waiting : clock.over ? t.live.over(formatClock(-clock.remainingSec)) : t.live.left(formatClock(Math.ceil(clock.remainingSec)))}</div>
    </div>
  );
}
