import type { Segment } from '../../../../common/rundown.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { cueTitle, describeAction } from '../../rundown/describe-cue.js';
import { KeyCap } from './KeyCap.js';
import type { LiveRun } from './useLiveRun.js';

/** This segment's cues as big buttons, numbered by the key that fires them. */
export function CueList({ segment, live }: { segment: Segment; live: LiveRun }) {
  const { t, lang } = useI18n();
  const { items } = useCatalog();
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const nextId = live.clock?.nextCue?.cue.id;
  if (!segment.cues.length) return <p className="muted">{t.live.noCues}</p>;
  return (
    <ol className="live-cues" aria-label={t.live.cueList}>
      {segment.cues.map((cue, i) => {
        const state = live.pending[cue.id] ?? (live.fired.has(cue.id) ? 'fired' : cue.id === nextId ? 'next' : 'waiting');
        const title = cueTitle(cue, items, t, locale);
        const desc = describeAction(cue.action, items, t, locale);
        return (
          <li key={cue.id}>
            <button type="button" className={`live-cue cue-${state}`} data-cue-state={state} data-testid="live-cue" onClick={() => live.fireCue(i)}>
              <span className="cue-num">{i < 9 ? <KeyCap k={String(i + 1)} /> : <span className="keycap dim">{i + 1}</span>}</span>
              <span className="cue-text">
                <span className="cue-title">{title}</span>
                {title !== desc && <span className="cue-desc">{desc}</span>}
              </span>
              <span className="cue-when">{cue.trigger.type === 'offset' ? t.live.atTime(formatClock(cue.trigger.atSec)) : t.live.manual}</span>
              <span className={`cue-state state-${state}`}>{state === 'fired' ? `✓ ${t.live.fired}` : state === 'firing' ? t.live.firing : state === 'failed' ? `! ${t.live.failed}` : state === 'next' ? '▶' : ''}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
