import { QualityPreset } from '../../../common/quality.js';
import { useI18n } from '../i18n/i18n.js';
import type { MediaSource } from '../media/useMediaSource.js';
import { MicLevel } from './MicLevel.js';

const SCREEN = '__screen';

/** Camera, microphone, quality and screen share, in one row under the preview. */
export function SourceBar({ media }: { media: MediaSource }) {
  const { t } = useI18n();
  const { cameras, mics } = media.devices;
  const sharing = media.videoSource === 'screen';
  return (
    <div className="source-bar card">
      <label className="field">
        <span className="field-label">{t.room.camera}</span>
        <select data-testid="camera-select" value={sharing ? SCREEN : media.cameraId} onChange={(e) => void media.selectCamera(e.target.value)}>
          {sharing && (
            <option value={SCREEN} disabled>
              {t.room.sharing}
            </option>
          )}
          {cameras.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${t.room.camera} ${i + 1}`}
            </option>
          ))}
          <option value="">{t.room.none}</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t.room.mic}</span>
        <select data-testid="mic-select" value={media.micId} onChange={(e) => void media.selectMic(e.target.value)}>
          {mics.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${t.room.mic} ${i + 1}`}
            </option>
          ))}
          <option value="">{t.room.none}</option>
        </select>
        {media.audio && <MicLevel track={media.audio} />}
      </label>
      <label className="field">
        <span className="field-label">{t.room.quality}</span>
        <select data-testid="quality-select" value={media.quality} onChange={(e) => media.setQuality(QualityPreset.parse(e.target.value))}>
          {QualityPreset.options.map((q) => (
            <option key={q} value={q}>
              {t.room.qualityNames[q]}
            </option>
          ))}
        </select>
      </label>
      <div className="field field-button">
        <span className="field-label">&nbsp;</span>
        <button type="button" className={`btn ${sharing ? 'active' : ''}`} data-testid="source-screen-button" aria-pressed={sharing} onClick={() => void (sharing ? media.backToCamera() : media.shareScreen())}>
          <ScreenIcon /> {sharing ? t.room.stopShare : t.room.shareScreen}
        </button>
      </div>
    </div>
  );
}

function ScreenIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
      <rect x="2" y="4" width="20" height="13" rx="2" />
      <path d="M8 21h8M12 17v4" />
    </svg>
  );
}
