import { useI18n } from '../i18n/i18n.js';
import { ORIENTATIONS, type Orientation } from '../media/crop.js';
import { canCropTracks } from '../media/portrait-track.js';

/** 가로 16:9 / 세로 9:16 for this show. Fixed once on air: a frame that changes shape mid-show jolts every viewer's screen. */
export function FramePicker({ value, onChange, onAir }: { value: Orientation; onChange: (o: Orientation) => void; onAir: boolean }) {
  const { t } = useI18n();
  const supported = canCropTracks();
  return (
    <div className="frame-picker card" data-testid="frame-picker">
      <span className="field-label" id="frame-picker-label">
        {t.framing.title}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby="frame-picker-label">
        {ORIENTATIONS.map((o) => (
          <button
            key={o}
            type="button"
            role="radio"
            aria-checked={value === o}
            className={`segment${value === o ? ' is-on' : ''}`}
            disabled={onAir || (o === 'portrait' && !supported)}
            data-testid={`orientation-${o}`}
            onClick={() => onChange(o)}
          >
            <span className={`frame-icon frame-${o}`} aria-hidden="true" />
            {t.framing[o]}
          </button>
        ))}
      </div>
      <p className="muted small">{!supported ? t.framing.unsupported : onAir ? t.framing.lockedOnAir : value === 'portrait' ? t.framing.portraitHint : null}</p>
    </div>
  );
}
