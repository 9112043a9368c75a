import { MAX_TITLE_LENGTH } from '../../../../common/limits.js';
import { useState } from 'react';
import type { Rundown } from '../../../../common/rundown.js';
import { formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { FieldError } from '../../ui/FieldError.js';

interface Props {
  showTitle: string;
  name: string;
  onName: (n: string) => void;
  nameErrors: string[] | undefined;
  totalSec: number;
  segmentCount: number;
  dirty: boolean;
  busy: boolean;
  canDuplicate: boolean;
  onSave: () => void;
  onDuplicate: () => void;
  onBack: () => void;
  templates: Rundown[];
  onUseTemplate: (id: string) => void;
}

/** The editor's sticky head: name, planned total, Save, Duplicate as template, Back (asks when unsaved). */
export function RundownHeader(p: Props) {
  const { t } = useI18n();
  const r = t.rundown;
  const [leaving, setLeaving] = useState(false);
  const [template, setTemplate] = useState('');
  return (
    <header className="rundown-head card">
      <div className="rundown-head-row">
        <button type="button" className="btn ghost" onClick={() => (p.dirty ? setLeaving(true) : p.onBack())}>
          ← {r.back}
        </button>
        <div className="rundown-title">
          <h1>{r.title}</h1>
          <span className="muted small">{r.forShow(p.showTitle)}</span>
        </div>
        <label className="rundown-name">
          <span className="field-label">{r.name}</span>
          <input data-testid="rundown-name-input" value={p.name} maxLength={MAX_TITLE_LENGTH} onChange={(e) => p.onName(e.target.value)} aria-invalid={!!p.nameErrors?.length || undefined} />
        </label>
        <div className="total-box" aria-label={r.total}>
          <span className="total-label">{r.total}</span>
          <strong className="total-value" data-testid="rundown-total">
            {formatClock(p.totalSec)}
          </strong>
          <span className="muted small">{r.segments(p.segmentCount)}</span>
        </div>
        {p.dirty && <span className="dirty-chip">● {r.unsaved}</span>}
        <button type="button" className="btn" onClick={p.onDuplicate} disabled={p.busy || !p.canDuplicate} data-testid="rundown-duplicate-button">
          {r.duplicate}
        </button>
        <button type="button" className="btn primary" data-testid="rundown-save-button" onClick={p.onSave} disabled={p.busy}>
          {p.busy ? r.saving : r.save}
        </button>
      </div>
      {p.nameErrors?.length ? <FieldError messages={p.nameErrors} /> : null}
      {p.templates.length > 0 && (
        <div className="rundown-head-row template-row">
          <span className="muted small">{r.noRundown}</span>
          <div className="template-pick">
            <select aria-label={r.useTemplate} value={template} onChange={(e) => setTemplate(e.target.value)}>
              <option value="">{r.useTemplate}…</option>
              {p.templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} · {formatClock(x.segments.reduce((n, s) => n + s.plannedSec, 0))}
                </option>
              ))}
            </select>
            <button type="button" className="btn" disabled={!template || p.busy} onClick={() => p.onUseTemplate(template)}>
              {r.useTemplateButton}
            </button>
          </div>
        </div>
      )}
      {leaving && (
        <div className="confirm" role="alertdialog" aria-label={r.leaveTitle}>
          <strong>{r.leaveTitle}</strong>
          <p className="muted small">{r.leaveBody}</p>
          <div className="confirm-actions">
            <button type="button" className="btn" autoFocus onClick={() => setLeaving(false)}>
              {r.stay}
            </button>
            <button type="button" className="btn danger" onClick={p.onBack}>
              {r.leave}
            </button>
          </div>
        </div>
      )}
    </header>
  );
}
