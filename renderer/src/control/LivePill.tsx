import { useEffect, useState } from 'react';
import type { LiveState } from '../../../common/live-state.js';
import { formatElapsed } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import type { RoomPhase } from './room-state.js';

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/** The one place the seller reads "am I on air?": colour first, words second; a rehearsal has its own colour and words. */
export function LivePill({ phase, state, startedAt, rehearsal }: { phase: RoomPhase; state: LiveState; startedAt: string | null; rehearsal: boolean }) {
  const { t, lang } = useI18n();
  const words = rehearsal ? t.golive.rehearsal.phase : t.golive.phase;
  const live = state.kind === 'live' && phase === 'live';
  const now = useNow(live);
  const label = phase === 'reconnecting' ? words.reconnecting(state.kind === 'reconnecting' ? state.attempt : 1) : words[phase];
  // The show's running time counts from when it first went on air, not from the last reconnect.
  const since = live ? (startedAt ? Math.min(Date.parse(startedAt), state.since) : state.since) : null;
  return (
    <div
      className={`live-pill pill-${phase}${rehearsal ? ' pill-rehearsal' : ''}`}
      data-testid="live-state"
      data-state={state.kind}
      data-phase={phase}
      // The failure's own words are English; the Korean studio says it in the media banner instead.
      title={state.kind === 'failed' && lang === 'en' ? state.message : undefined}
      role="status"
    >
      <span className="pill-dot" aria-hidden="true" />
      <span className="pill-label">{label}</span>
      {since !== null && (
        <span className="pill-time" aria-label={t.room.elapsed}>
          {formatElapsed(now - since)}
        </span>
      )}
    </div>
  );
}
