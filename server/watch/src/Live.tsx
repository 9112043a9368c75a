import { useEffect, useRef, useState } from 'react';
import type { PublicShow } from '../../../common/show.js';
import type { Stage } from '../../../common/stage.js';
import { formatCount } from './format.js';
import { t } from './i18n.js';
import { useRelayNow, visibleStage, type RelayClock } from './relay-clock.js';
import { hasContent, StageDock } from './StageDock.js';
import './live.css';
import type { WatchState } from './watch-session.js';

/** Plays, and if the browser refuses sound without a tap, falls back to muted so the picture still runs. */
function playSafely(video: HTMLVideoElement): void {
  video.play().catch(() => {
    if (video.muted) return;
    video.muted = true;
    video.play().catch(() => undefined);
  });
}

/** Fill the screen with a portrait picture when the screen is about as tall (crop at most ~25% of its width). */
function shouldFill(video: HTMLVideoElement): boolean {
  const { videoWidth: w, videoHeight: h, clientWidth: cw, clientHeight: ch } = video;
  if (!w || !h || !cw || !ch || w >= h || cw >= ch) return false;
  return (cw / ch) / (w / h) >= 0.75;
}

interface Props {
  state: WatchState;
  show: PublicShow;
  viewers: number | null;
  stream: MediaStream | null;
  stage: Stage;
  clock: RelayClock;
  /** Receives the video element (rendered frames release held cues). */
  attachVideo: (video: HTMLVideoElement | null) => void;
}

/** The live screen: the picture, a top bar, the host's cards and interactions, unmute and reconnect overlays. */
export function Live({ state, show, viewers, stream, stage, clock, attachVideo }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);
  const [fill, setFill] = useState(false);
  const relayNow = useRelayNow(clock);
  const shown = visibleStage(stage, relayNow);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !stream || video.srcObject === stream) return;
    video.srcObject = stream;
    playSafely(video);
  }, [stream]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    attachVideo(video);
    // React sets only the property; some mobile browsers look for the attribute before autoplaying.
    video.setAttribute('muted', '');
    video.defaultMuted = true;
    // The element is the truth (the fallback above can mute it again).
    const sync = () => setMuted(video.muted);
    const fit = () => setFill(shouldFill(video));
    video.addEventListener('volumechange', sync);
    video.addEventListener('resize', fit);
    window.addEventListener('resize', fit);
    return () => {
      video.removeEventListener('volumechange', sync);
      video.removeEventListener('resize', fit);
      window.removeEventListener('resize', fit);
      attachVideo(null);
    };
  }, [attachVideo]);

  const unmute = () => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = false;
    playSafely(video);
  };

  const busy = state !== 'live';
  const dock = hasContent(shown);
  const unmuteButton = (
    <button type="button" className="unmute" data-testid="unmute-button" onClick={unmute}>
      <SpeakerOffIcon />
      <span>{t.unmute}</span>
    </button>
  );
  return (
    <main className={`stage${dock ? ' has-dock' : ''}`}>
      <div className="screen">
        <video ref={videoRef} className={`video${fill ? ' fill' : ''}`} data-testid="watch-video" autoPlay playsInline muted />
        <header className="topbar">
          <div className="topbar-row">
            <span className={`badge-live${busy ? ' dim' : ''}`}>{t.live}</span>
            {show.rehearsal && (
              <span className="badge-rehearsal" data-testid="rehearsal-badge">
                {t.rehearsal}
              </span>
            )}
            {viewers !== null && (
              <span className="pill" data-testid="viewer-count">
                <span className="eye" aria-hidden="true">●</span>
                {t.watching(formatCount(viewers))}
              </span>
            )}
          </div>
          <h1 className="stage-title">{show.title}</h1>
          {/* With cards at the bottom, the unmute button sits under the title; otherwise low, near the thumb. */}
          {muted && dock && unmuteButton}
        </header>
        {busy && (
          <div className="overlay" role="status" aria-live="polite">
            <div className="spinner" aria-hidden="true" />
            <p>{state === 'reconnecting' ? t.reconnecting : t.connecting}</p>
          </div>
        )}
        {muted && !dock && unmuteButton}
      </div>
      <StageDock stage={shown} relayNow={relayNow} />
    </main>
  );
}

function SpeakerOffIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M11 5 6 9H3v6h3l5 4V5z" fill="currentColor" />
      <path d="m22 9-6 6M16 9l6 6" />
    </svg>
  );
}
