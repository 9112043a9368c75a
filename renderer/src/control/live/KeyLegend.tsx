import { useI18n } from '../../i18n/i18n.js';
import { KeyCap } from './KeyCap.js';
import type { HostKeyHandlers } from './useHostKeys.js';

/** The same actions the keys drive (numbers are shown on the cue list instead). */
export type LegendActions = Omit<HostKeyHandlers, 'fireNumber'>;

/**
 * Every live key, always on screen; each entry is also the button for its action (disabled when
 * it does not apply now), so the legend is the one row of live controls and their keys at once.
 */
export function KeyLegend({ actions }: { actions: LegendActions }) {
  const { t } = useI18n();
  const k = t.live.keys;
  const rows: [string, string, (() => void) | undefined][] = [
    ['Space', k.space, actions.fireNext],
    ['C', k.clear, actions.clearCards],
    ['K', k.coupon, actions.closeCoupon],
    ['Q', k.quiz, actions.closeQuiz],
    ['V', k.poll, actions.closePoll],
    ['P', k.prev, actions.prevSegment],
    ['N', k.next, actions.nextSegment],
    ['G', k.goLive, actions.goLive],
    ['E', k.end, actions.endShow],
  ];
  return (
    <section className="key-legend" aria-label={k.title} data-testid="key-legend">
      <h2 className="legend-title">{k.title}</h2>
      <ul>
        <li className="legend-static">
          <KeyCap k="1–9" /> <span>{k.digits}</span>
        </li>
        {rows.map(([key, what, run]) => (
          <li key={key}>
            <button type="button" className="legend-btn" onClick={run} disabled={!run} aria-keyshortcuts={key === 'Space' ? 'Space' : key}>
              <KeyCap k={key} /> <span>{what}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small">{k.note}</p>
    </section>
  );
}
