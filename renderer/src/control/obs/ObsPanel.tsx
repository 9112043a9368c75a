import type { KeyboardEvent } from 'react';
import { codeText } from '../../errors/error-text.js';
import { useI18n } from '../../i18n/i18n.js';
import { typingIn } from '../live/useHostKeys.js';
import { ObsConnectForm } from './ObsConnectForm.js';
import type { ObsView } from './useObs.js';

/**
 * OBS as the source: connection state, the scenes as live thumbnails (program highlighted, preview
 * too in studio mode), click or 1–9 to switch. Digits switch scenes only while focus is inside this
 * panel (it stops them there); elsewhere in the room 1–9 keep firing cues (docs/seller-ui.md).
 */
/** `live`: the show is on air (OBS mode has no camera preview whose pill would say so). */
export function ObsPanel({ obs, live }: { obs: ObsView; live: boolean }) {
  const { t, lang } = useI18n();
  const o = t.obs;
  const s = obs.status;
  const connected = s?.state === 'connected';
  const lost = s && s.state !== 'connected' ? s.error : null;
  const shownError = obs.error ?? (lost && { code: lost.code, text: codeText(lost.code, lost.message, t, lang) });
  const stateText = !s
    ? o.state.disconnected
    : s.state === 'connected'
      ? o.state.connected(s.obsVersion ?? '')
      : s.state === 'reconnecting'
        ? o.state.reconnecting(s.attempt)
        : o.state[s.state];
  const scenes = obs.scenes?.scenes ?? [];
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!connected || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || typingIn(e.target)) return;
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1];
    if (!digit) return;
    e.preventDefault();
    e.stopPropagation();
    const scene = scenes[Number(digit) - 1];
    if (scene && !e.repeat) void obs.switchScene(scene);
  };
  return (
    <section className="card obs-panel" data-testid="obs-panel" tabIndex={-1} onKeyDown={onKeyDown} aria-label={o.scenes.title}>
      <div className="card-head">
        <h2>
          {o.scenes.title}
          {live && (
            <span className="obs-live-chip" data-testid="obs-live-chip">
              {t.golive.phase.live}
            </span>
          )}
        </h2>
        <span className={`obs-state obs-state-${s?.state ?? 'disconnected'}`} data-testid="obs-state" data-state={s?.state ?? 'disconnected'}>
          {stateText}
        </span>
      </div>
      {shownError && (
        <div className="banner banner-error" role="alert" data-testid="obs-error" data-code={shownError.code}>
          {shownError.text}
        </div>
      )}
      {obs.failure && (
        <div className="banner banner-error" role="alert" data-testid="obs-action-error">
          <strong>{o.actionFailed(obs.failure.label)}</strong>
          <ul>
            {obs.failure.results
              .filter((r) => !r.ok)
              .map((r, i) => (
                <li key={i}>
                  {r.action.sceneName}
                  {r.action.kind === 'setItemVisible' ? ` › ${r.action.sourceName}` : ''}: {r.error && codeText(r.error.code, r.error.message, t, lang)}
                </li>
              ))}
          </ul>
          <button type="button" className="btn small" onClick={obs.dismissFailure}>
            {t.common.close}
          </button>
        </div>
      )}
      {!connected && s?.state !== 'reconnecting' && <ObsConnectForm obs={obs} />}
      {connected && (
        <>
          <p className="muted small">{obs.scenes?.studioMode ? o.scenes.studioMode : o.scenes.hint}</p>
          {scenes.length === 0 && <p className="muted">{o.scenes.empty}</p>}
          <ol className="obs-scenes" data-testid="obs-scenes">
            {scenes.map((name, i) => {
              const program = obs.scenes?.program === name;
              const preview = obs.scenes?.preview === name;
              return (
                <li key={name}>
                  <button
                    type="button"
                    className={`obs-scene${program ? ' program' : ''}${preview ? ' preview' : ''}`}
                    data-testid="obs-scene"
                    data-scene={name}
                    data-program={program}
                    aria-pressed={program}
                    onClick={() => void obs.switchScene(name)}
                  >
                    <span className="obs-thumb">{obs.thumbs[name] ? <img src={obs.thumbs[name]} alt="" /> : null}</span>
                    <span className="obs-scene-name">
                      {i < 9 && <kbd>{i + 1}</kbd>} {name}
                    </span>
                    {program && <span className="obs-badge program">{o.scenes.program}</span>}
                    {preview && <span className="obs-badge preview">{o.scenes.preview}</span>}
                  </button>
                </li>
              );
            })}
          </ol>
          <button type="button" className="btn small" data-testid="obs-disconnect" onClick={() => void obs.disconnect()}>
            {o.connect.disconnect}
          </button>
        </>
      )}
    </section>
  );
}
