import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { VideoSource } from '../media/useMediaSource.js';
import { useI18n } from '../i18n/i18n.js';

interface Props {
  video: MediaStreamTrack | null;
  audio: MediaStreamTrack | null;
  videoSource: VideoSource;
  starting: boolean;
  ended: boolean;
  onBack: () => void;
  topLeft: ReactNode;
  topRight: ReactNode;
  /** Shown in place of the picture when there is none (a blocked camera, say). */
  problem?: ReactNode;
  /** The show's frame: the preview takes its shape. */
  portrait?: boolean;
}

/** What viewers will see, as large as the layout allows, with on-air status laid over it. */
export function PreviewPanel({ video, audio, videoSource, starting, ended, onBack, topLeft, topRight, problem, portrait = false }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLVideoElement>(null);
  const stream = useMemo(() => (video ? new MediaStream([video]) : null), [video]);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);

  return (
    <div className={`preview ${videoSource === 'screen' ? 'preview-screen' : ''}${portrait ? ' preview-portrait' : ''}`}>
      <video ref={ref} data-testid="preview-video" muted autoPlay playsInline aria-label={t.room.preview} />
      {!video && !ended && (
        <div className="preview-empty">
          {starting ? (
            <span className="muted">{t.common.loading}</span>
          ) : problem ? (
            problem
          ) : (
            <>
              <CameraOffIcon />
              <span>{audio ? t.room.audioOnly : t.room.noVideo}</span>
            </>
          )}
        </div>
      )}
      {ended && (
        <div className="preview-empty preview-ended">
          <strong>{t.room.endedTitle}</strong>
          <span>{t.room.endedBody}</span>
          <button type="button" className="btn primary" onClick={onBack}>
            {t.nav.back}
          </button>
        </div>
      )}
      {videoSource === 'screen' && <div className="preview-tag">{t.room.sharing}</div>}
      <div className="preview-overlay">
        {topLeft}
        {topRight}
      </div>
    </div>
  );
}

function CameraOffIcon() {
  return (
    <svg width="40" height="40" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M15 10l5-3v10l-5-3" />
      <rect x="2" y="6" width="13" height="12" rx="2" />
      <path d="M3 3l18 18" />
    </svg>
  );
}
