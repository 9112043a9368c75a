import { useEffect, useState } from 'react';
import type { LiveState } from '../../../common/live-state.js';
import { formatElapsed } from '../format.js';
import { useI18n } from '../i18n/i18n.js';

function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [active]);
  return now;
}

/** The one place the seller reads "am I on air?": colour first, words second. */
export function LivePill({ state, startedAt }: { state: LiveState; startedAt: string | null }) {
  const { t } = useI18n();
  const live = state.kind === 'live';
  const now = useNow(live);
  let label: string;
  switch (state.kind) {
    case 'reconnecting':
      label = t.state.reconnecting(state.attempt);
      break;
    case 'failed':
      label = t.state.failed;
      break;
    default:
      label = t.state[state.kind];
  }
  // The show's running time counts from when it first went on air, not from the last reconnect.
  const since = live ? (startedAt ? Math.min(Date.parse(startedAt), state.since) : state.since) : null;
  return (
    <div className={`live-pill pill-${state.kind}`} data-testid="live-state" data-state={state.kind} title={state.kind === 'failed' ? state.message : undefined} role="status">
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
