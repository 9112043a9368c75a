import { useCallback, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';

export type SourceMode = 'camera' | 'obs';

const key = (showId: string) => `lc.source.${showId}`;

/** Camera or OBS, remembered per show on this computer. */
export function useSourceMode(showId: string): [SourceMode, (m: SourceMode) => void] {
  const [mode, setMode] = useState<SourceMode>(() => (localStorage.getItem(key(showId)) === 'obs' ? 'obs' : 'camera'));
  const set = useCallback(
    (m: SourceMode) => {
      localStorage.setItem(key(showId), m);
      setMode(m);
    },
    [showId],
  );
  return [mode, set];
}

/** The source choice; fixed while on air (switching the media path mid-show is not supported). */
export function SourceModeToggle({ mode, onChange, locked }: { mode: SourceMode; onChange: (m: SourceMode) => void; locked: boolean }) {
  const { t } = useI18n();
  const s = t.obs.source;
  return (
    <div className="source-mode card" role="radiogroup" aria-label={s.label}>
      <span className="field-label">{s.label}</span>
      {(['camera', 'obs'] as const).map((m) => (
        <button key={m} type="button" role="radio" aria-checked={mode === m} className={`btn small ${mode === m ? 'active' : ''}`} data-testid={`source-mode-${m}`} disabled={locked && mode !== m} onClick={() => onChange(m)}>
          {s[m]}
        </button>
      ))}
    </div>
  );
}
