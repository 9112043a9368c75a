import { useCallback, useEffect, useState } from 'react';
import { VIEWER_DISPLAY_KINDS, type ViewerDisplay, type ViewerDisplayKind } from '../../../common/viewer-display.js';
import { bridge } from '../bridge.js';
import { useI18n } from '../i18n/i18n.js';
import { useErrorText } from '../errors/error-text.js';

/**
 * Which overlay kinds the show's viewers see (docs/phone-layout.md): four switches, stored on the
 * relay with the show. Each change is saved at once; viewers on the page get it at once.
 */
export function ViewerDisplayCard({ showId }: { showId: string }) {
  const { t } = useI18n();
  const s = t.display;
  const [display, setDisplay] = useState<ViewerDisplay | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const say = useErrorText();

  useEffect(() => {
    let gone = false;
    bridge.invoke('display.get', { showId }).then(
      (d) => !gone && setDisplay(d),
      (e: unknown) => !gone && setError(say(e)),
    );
    return () => {
      gone = true;
    };
  }, [showId, say]);

  const toggle = useCallback(
    async (kind: ViewerDisplayKind, on: boolean) => {
      if (!display) return;
      const next = { ...display, [kind]: on };
      setDisplay(next);
      setSaving(true);
      try {
        setDisplay(await bridge.invoke('display.save', { showId, display: next }));
        setError(null);
      } catch (e) {
        // The relay kept the old setting: show that, not the switch the host flipped.
        setDisplay(display);
        setError(say(e));
      } finally {
        setSaving(false);
      }
    },
    [display, showId, say],
  );

  return (
    <section className="card viewer-display" data-testid="viewer-display" aria-labelledby="viewer-display-title">
      <h2 id="viewer-display-title" className="field-label">
        {s.title}
      </h2>
      <ul className="viewer-display-list">
        {VIEWER_DISPLAY_KINDS.map((kind) => (
          <li key={kind}>
            <label className="viewer-display-row">
              <input type="checkbox" role="switch" checked={display?.[kind] ?? true} disabled={!display} onChange={(e) => void toggle(kind, e.target.checked)} data-testid={`display-${kind}`} />
              <span>
                <b>{s[kind]}</b>
                <small className="muted">{s[`${kind}Hint`]}</small>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="muted small" role="status">
        {error ? `${s.failed} ${error}` : saving ? s.saving : s.hint}
      </p>
    </section>
  );
}
