import { useEffect, useRef, useState } from 'react';
import type { ShowStatus } from '../../../common/show.js';
import { useI18n } from '../i18n/i18n.js';
import type { PublisherSnapshot } from '../live/publisher.js';
import { KeyCap } from './live/KeyCap.js';

interface Props {
  snap: PublisherSnapshot;
  showStatus: ShowStatus;
  canGoLive: boolean;
  onGoLive: () => void;
  onEnd: () => Promise<void>;
  /** Bumped by the E key: opens the End confirm step, as a click would. */
  endSignal?: number;
}

/** The big decision: Go live, or End show behind one confirm step. All native buttons, so Tab + Enter work. */
export function GoLiveCard({ snap, showStatus, canGoLive, onGoLive, onEnd, endSignal = 0 }: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const kind = snap.state.kind;
  const onAir = kind === 'connecting' || kind === 'live' || kind === 'reconnecting';
  // A show left live by an earlier session can be resumed, or ended, from here.
  const canEnd = onAir || (showStatus === 'live' && kind !== 'ended');

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (!canEnd) setConfirming(false);
  }, [canEnd]);
  useEffect(() => {
    if (endSignal && canEnd) setConfirming(true);
    // only a new signal opens the step
  }, [endSignal]);

  if (kind === 'ended') {
    return (
      <section className="card golive-card">
        <div className="ended-note">
          <span className="ended-check" aria-hidden="true">
            ✓
          </span>
          <h2>{t.room.endedTitle}</h2>
        </div>
      </section>
    );
  }

  return (
    <section className="card golive-card">
      {!onAir && (
        <>
          <button type="button" className="btn golive" data-testid="go-live-button" onClick={onGoLive} disabled={!canGoLive}>
            <span className="golive-dot" aria-hidden="true" />
            {t.room.goLive}
            <KeyCap k="G" />
          </button>
          <p className="muted small">{canGoLive ? t.room.goLiveHint : t.room.needSource}</p>
        </>
      )}
      {canEnd &&
        (confirming ? (
          <div className="confirm" role="alertdialog" aria-label={t.room.confirmTitle}>
            <strong>{t.room.confirmTitle}</strong>
            <p className="muted small">{t.room.confirmBody}</p>
            <div className="confirm-actions">
              <button type="button" className="btn" ref={cancelRef} onClick={() => setConfirming(false)} disabled={snap.ending}>
                {t.common.cancel}
              </button>
              <button type="button" className="btn danger" data-testid="confirm-end-button" onClick={() => void onEnd()} disabled={snap.ending}>
                {snap.ending ? t.room.ending : t.room.confirmEnd}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className={`btn end ${onAir ? 'end-big' : ''}`} data-testid="end-show-button" onClick={() => setConfirming(true)}>
            <span className="end-square" aria-hidden="true" />
            {t.room.endShow}
            <KeyCap k="E" />
          </button>
        ))}
    </section>
  );
}
