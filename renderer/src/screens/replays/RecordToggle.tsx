import { useEffect, useState } from 'react';
import type { Show } from '../../../../common/show.js';
import { bridge } from '../../bridge.js';
import { useI18n } from '../../i18n/i18n.js';
import { useErrorText } from '../../errors/error-text.js';

/**
 * Record this show for its replay, on the show screen before going live (docs/replay.md, "Studio").
 * The relay decides the default (real shows on, rehearsals off) and applies a change at the next
 * go-live, so while on air the switch still works but says it does not cut the running recording.
 */
export function RecordToggle({ show, onAir }: { show: Show; onAir: boolean }) {
  const { t } = useI18n();
  const say = useErrorText();
  const r = t.replays;
  const [record, setRecord] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const rehearsal = show.rehearsalOf !== null;

  useEffect(() => {
    let alive = true;
    bridge.invoke('replays.get', { showId: show.id }).then(
      (x) => alive && setRecord(x.recording.record),
      () => alive && setRecord(null),
    );
    return () => {
      alive = false;
    };
  }, [show.id]);

  const change = async (next: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      setRecord((await bridge.invoke('replays.setRecord', { showId: show.id, record: next })).record);
    } catch (e) {
      setProblem(`${r.actionFailed} ${say(e)}`);
    } finally {
      setBusy(false);
    }
  };

  if (record === null) return null;
  const explain = rehearsal ? (record ? r.record.onRehearsal : r.record.offRehearsal) : record ? r.record.onReal : r.record.offReal;
  return (
    <section className="card record-toggle" data-testid="record-toggle">
      <label>
        <input type="checkbox" checked={record} disabled={busy} onChange={(e) => void change(e.target.checked)} data-testid="record-toggle-input" />
        {r.record.label}
      </label>
      <p className="muted small" data-testid="record-toggle-explain">
        {explain}
      </p>
      {onAir && <p className="muted small">{r.record.locked}</p>}
      {problem && (
        <p className="form-error small" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
