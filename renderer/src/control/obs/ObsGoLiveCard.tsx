import { useCallback, useEffect, useState } from 'react';
import type { Preflight, PreflightCheck } from '../../../../common/obs.js';
import type { StudioError } from '../../../../common/ipc-contract.js';
import type { IngestStatus } from '../../../../common/protocol/ingest.js';
import type { Show } from '../../../../common/show.js';
import { bridge } from '../../bridge.js';
import { useI18n } from '../../i18n/i18n.js';
import { useErrorText } from '../../errors/error-text.js';

interface Props {
  show: Show;
  rundownId: string | null;
  obsConnected: boolean;
  /** OBS's output is running (from its stream health); false mid-show means the picture is not sent. */
  streaming: boolean;
}

/**
 * Go live / End show in OBS mode, behind the pre-flight checklist: a red line (fail) blocks Go
 * live, an amber one (warn) or an unreadable one does not. Going live hands OBS the show's server
 * and key and starts its output; ending stops OBS and ends the show (the relay revokes the key).
 */
export function ObsGoLiveCard({ show, rundownId, obsConnected, streaming }: Props) {
  const { t } = useI18n();
  const say = useErrorText();
  const o = t.obs;
  const [pre, setPre] = useState<Preflight | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  // What the relay's ingest receives, pushed on every change (contract: `ingest` message).
  const [ingest, setIngest] = useState<IngestStatus | null>(null);
  useEffect(() => bridge.on('relay.ingest', (p) => p.showId === show.id && setIngest(p.status)), [show.id]);
  const check = useCallback(async () => {
    try {
      setPre(await bridge.invoke('obs.preflight', { showId: show.id, rundownId }));
    } catch (e) {
      setError({ code: (e as StudioError).code ?? 'internal', text: say(e) });
    }
  }, [show.id, rundownId, say]);
  useEffect(() => {
    if (show.status !== 'ended') void check();
  }, [check, obsConnected, show.status]);

  const act = async (channel: 'obs.goLive' | 'obs.endShow') => {
    setBusy(true);
    setError(null);
    try {
      await bridge.invoke(channel, { showId: show.id });
    } catch (e) {
      setError({ code: (e as StudioError).code ?? 'internal', text: say(e) });
    } finally {
      setBusy(false);
      setConfirmEnd(false);
    }
  };
  const fixEncoder = async () => {
    setBusy(true);
    setError(null);
    try {
      await bridge.invoke('obs.fixEncoder', {});
      await check();
    } catch (e) {
      setError({ code: (e as StudioError).code ?? 'internal', text: say(e) });
    } finally {
      setBusy(false);
    }
  };
  // One click sets both encoder lines when the studio can write them (Simple mode with x264).
  const encoderFixable = pre?.checks.some((c) => c.result === 'fail' && c.detail.fixable === 'simple-x264') ?? false;
  const blocked = !pre || pre.checks.some((c) => c.result === 'fail');
  const live = show.status === 'live';
  const endControls = confirmEnd ? (
    <div className="confirm-row">
      <button type="button" className="btn danger" data-testid="obs-end-confirm" disabled={busy} onClick={() => void act('obs.endShow')}>
        {o.end}
      </button>
      <button type="button" className="btn" onClick={() => setConfirmEnd(false)}>
        {t.common.cancel}
      </button>
    </div>
  ) : (
    <button type="button" className="btn danger" data-testid="obs-end-button" onClick={() => setConfirmEnd(true)}>
      {o.end}
    </button>
  );
  if (show.status === 'ended') return null;
  return (
    <section className="card golive-card obs-golive" data-testid="obs-golive">
      {!live && (
        <>
          <div className="card-head">
            <h2>{o.preflight.title}</h2>
            <button type="button" className="btn small" data-testid="obs-preflight-check" onClick={() => void check()}>
              {o.preflight.check}
            </button>
          </div>
          <ul className="preflight" data-testid="obs-preflight">
            {pre?.checks.map((c) => <PreflightLine key={c.id} check={c} />)}
          </ul>
          {encoderFixable && (
            <div className="preflight-fix-row">
              <button type="button" className="btn" data-testid="obs-fix-encoder" disabled={busy} onClick={() => void fixEncoder()}>
                {o.preflight.fixEncoder}
              </button>
              <span className="muted small">{o.preflight.fixEncoderHint}</span>
            </div>
          )}
        </>
      )}
      {live && ingest && (
        <p className={`muted small ingest-state ingest-${ingest.state}`} data-testid="obs-ingest-state" data-state={ingest.state}>
          {o.ingest.state[ingest.state]}
        </p>
      )}
      {ingest?.lastRefusal && ingest.lastRefusal.at >= ingest.since && (
        <div className="banner banner-error" role="alert" data-testid="obs-ingest-refused" data-reason={ingest.lastRefusal.reason}>
          {o.ingest.refused[ingest.lastRefusal.reason]}
        </div>
      )}
      {error && (
        <div className="banner banner-error" role="alert" data-testid="obs-golive-error" data-code={error.code}>
          {error.text}
        </div>
      )}
      {!live ? (
        <button type="button" className="btn primary big" data-testid="obs-golive-button" disabled={busy || blocked} title={blocked ? o.notReady : undefined} onClick={() => void act('obs.goLive')}>
          {busy ? o.goingLive : o.goLive}
        </button>
      ) : (
        <>
          {obsConnected && !streaming && (
            <div className="banner banner-warn" role="status" data-testid="obs-not-streaming">
              {o.notStreaming}
              <button type="button" className="btn small" data-testid="obs-restart-button" disabled={busy} onClick={() => void act('obs.goLive')}>
                {o.restart}
              </button>
            </div>
          )}
          {endControls}
        </>
      )}
    </section>
  );

}

function PreflightLine({ check }: { check: PreflightCheck }) {
  const { t } = useI18n();
  const p = t.obs.preflight;
  const line = p[check.id];
  const missing = Array.isArray(check.detail.missing) ? check.detail.missing.join(', ') : '';
  const fix = check.result === 'pass' ? null : typeof line.fix === 'function' ? (check.id === 'bitrate' ? (line.fix as (n: number) => string)(Number(check.detail.kbps ?? 0)) : (line.fix as (s: string) => string)(missing)) : line.fix;
  return (
    <li className={`preflight-line result-${check.result}`} data-testid="preflight-line" data-check={check.id} data-result={check.result}>
      <span className="preflight-mark">{p.result[check.result]}</span>
      <span className="preflight-label">
        {line.label}
        {check.id === 'keyframe-interval' && typeof check.detail.seconds === 'number' && check.result !== 'pass' && <span className="muted"> · {p.keyframeNow(check.detail.seconds)}</span>}
      </span>
      {fix && <span className="preflight-fix muted small">{fix}</span>}
    </li>
  );
}
