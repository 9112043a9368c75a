import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { PublisherSnapshot } from '../live/publisher.js';
import { KeyCap } from './live/KeyCap.js';
import { StoreProfileReminder } from './StoreProfileReminder.js';
import type { RoomView } from './room-state.js';

interface Props {
  room: RoomView;
  snap: PublisherSnapshot;
  rehearsal: boolean;
  canGoLive: boolean;
  onGoLive: () => void;
  onEnd: () => Promise<void>;
  /** Bumped by the E key: opens the End confirm step, as a click would. */
  endSignal?: number;
  /** Bumped by the G key: opens the Go live (or Resume) confirm step; a stray key press must not put the seller on air. */
  goLiveSignal?: number;
}

/**
 * The big decision, from the derived room view: one main button (Go live, or Resume for a show the
 * relay still has live), End behind one confirm step. All native buttons, so Tab + Enter work.
 * A click on Go live is deliberate and acts at once; the G key asks first, as E does.
 */
export function GoLiveCard({ room, snap, rehearsal, canGoLive, onGoLive, onEnd, endSignal = 0, goLiveSignal = 0 }: Props) {
  const { t } = useI18n();
  const g = t.golive;
  const r = g.rehearsal;
  const [confirming, setConfirming] = useState<'end' | 'start' | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { canEnd, primary } = room;

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if ((confirming === 'end' && !canEnd) || (confirming === 'start' && !primary)) setConfirming(null);
  }, [canEnd, primary, confirming]);
  useEffect(() => {
    if (endSignal && canEnd) setConfirming('end');
    // only a new signal opens the step
  }, [endSignal]);
  useEffect(() => {
    if (goLiveSignal && primary && canGoLive) setConfirming('start');
  }, [goLiveSignal]);

  if (room.phase === 'ended') {
    return (
      <section className="card golive-card">
        <div className="ended-note" data-testid="ended-note">
          <span className="ended-check" aria-hidden="true">
            ✓
          </span>
          <h2>{rehearsal ? r.endedTitle : t.room.endedTitle}</h2>
          {rehearsal && <p className="muted small">{r.endedBody}</p>}
        </div>
      </section>
    );
  }

  const resume = primary === 'resume';
  const mainLabel = resume ? (rehearsal ? r.resume : g.resume) : rehearsal ? r.goLive : t.room.goLive;
  const hint = !canGoLive ? t.room.needSource : resume ? g.resumeHint : rehearsal ? r.goLiveHint : t.room.goLiveHint;
  const cancel = (
    <button type="button" className="btn" ref={cancelRef} onClick={() => setConfirming(null)} disabled={snap.ending}>
      {t.common.cancel}
    </button>
  );

  return (
    <section className={`card golive-card${rehearsal ? ' golive-rehearsal' : ''}`}>
      {primary &&
        (confirming === 'start' ? (
          <div className="confirm" role="alertdialog" aria-label={rehearsal ? r.confirmGoLiveTitle : g.confirmGoLiveTitle} data-testid="confirm-go-live">
            <strong>{rehearsal ? r.confirmGoLiveTitle : g.confirmGoLiveTitle}</strong>
            <p className="muted small">{rehearsal ? r.confirmGoLiveBody : g.confirmGoLiveBody}</p>
            <div className="confirm-actions">
              {cancel}
              <button
                type="button"
                className="btn golive-confirm"
                data-testid="confirm-go-live-button"
                onClick={() => {
                  setConfirming(null);
                  onGoLive();
                }}
              >
                {resume ? mainLabel : rehearsal ? r.confirmGoLive : g.confirmGoLive}
              </button>
            </div>
          </div>
        ) : (
          <>
            <button type="button" className={`btn golive${resume ? ' resume' : ''}`} data-testid={resume ? 'resume-button' : 'go-live-button'} onClick={onGoLive} disabled={!canGoLive}>
              <span className="golive-dot" aria-hidden="true" />
              {mainLabel}
              <KeyCap k="G" />
            </button>
            <p className="muted small" data-testid="go-live-hint">
              {hint}
            </p>
            {!resume && !rehearsal && <StoreProfileReminder />}
          </>
        ))}
      {canEnd &&
        (confirming === 'end' ? (
          <div className="confirm" role="alertdialog" aria-label={rehearsal ? r.confirmTitle : t.room.confirmTitle}>
            <strong>{rehearsal ? r.confirmTitle : t.room.confirmTitle}</strong>
            <p className="muted small" data-testid="confirm-end-body">
              {rehearsal ? r.confirmBody : t.room.confirmBody}
            </p>
            <div className="confirm-actions">
              {cancel}
              <button type="button" className="btn danger" data-testid="confirm-end-button" onClick={() => void onEnd()} disabled={snap.ending}>
                {snap.ending ? t.room.ending : rehearsal ? r.confirmEnd : t.room.confirmEnd}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className={`btn end ${room.sending ? 'end-big' : ''}`} data-testid="end-show-button" onClick={() => setConfirming('end')}>
            <span className="end-square" aria-hidden="true" />
            {rehearsal ? r.endShow : t.room.endShow}
            <KeyCap k="E" />
          </button>
        ))}
    </section>
  );
}
