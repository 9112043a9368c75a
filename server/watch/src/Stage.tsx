import { useEffect, useRef, useState } from 'react';
import type { PublicShow } from '../../../common/show.js';
import { formatCount } from './format.js';
import { t } from './i18n.js';
import type { WatchState } from './watch-session.js';

/** Plays, and if the browser refuses sound without a tap, falls back to muted so the picture still runs. */
function playSafely(video: HTMLVideoElement): void {
  video.play().catch(() => {
    if (video.muted) return;
    video.muted = true;
    video.play().catch(() => undefined);
  });
}

interface Props {
  state: WatchState;
  show: PublicShow;
  viewers: number | null;
  stream: MediaStream | null;
}

/** The live screen: the picture edge to edge, a top bar, the unmute button and the reconnect overlay. */
export function Stage({ state, show, viewers, stream }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !stream || video.srcObject === stream) return;
    video.srcObject = stream;
    playSafely(video);
  }, [stream]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    // React sets only the property; some mobile browsers look for the attribute before autoplaying.
    video.setAttribute('muted', '');
    video.defaultMuted = true;
    // The element is the truth (the fallback above can mute it again).
    const sync = () => setMuted(video.muted);
    video.addEventListener('volumechange', sync);
    return () => video.removeEventListener('volumechange', sync);
  }, []);

  const unmute = () => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = false;
    playSafely(video);
  };

  const busy = state !== 'live';
  return (
    <main className="stage">
      <video ref={videoRef} className="video" data-testid="watch-video" autoPlay playsInline muted />
      <header className="topbar">
        <div className="topbar-row">
          <span className={`badge-live${busy ? ' dim' : ''}`}>{t.live}</span>
          {viewers !== null && (
            <span className="pill" data-testid="viewer-count">
              <span className="eye" aria-hidden="true">●</span>
              {t.watching(formatCount(viewers))}
            </span>
          )}
        </div>
        <h1 className="stage-title">{show.title}</h1>
      </header>
      {busy && (
        <div className="overlay" role="status" aria-live="polite">
          <div className="spinner" aria-hidden="true" />
          <p>{state === 'reconnecting' ? t.reconnecting : t.connecting}</p>
        </div>
      )}
      {muted && (
        <button type="button" className="unmute" data-testid="unmute-button" onClick={unmute}>
          <SpeakerOffIcon />
          <span>{t.unmute}</span>
        </button>
      )}
    </main>
  );
}

function SpeakerOffIcon() {
  return (
    <svg width="26" height="26" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M11 5 6 9H3v6h3l5 4V5z" fill="currentColor" />
      <path d="m22 9-6 6M16 9l6 6" />
    </svg>
  );
}
