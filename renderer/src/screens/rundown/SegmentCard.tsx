import type { HTMLAttributes } from 'react';
import { move, type Cue, type Segment } from '../../../../common/rundown.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { errorsUnder, type FieldErrors } from '../../catalog/validation.js';
import { formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { DurationInput } from '../../ui/DurationInput.js';
import { FieldError, invalidProps } from '../../ui/FieldError.js';
import { ProductPicker } from '../../ui/ProductPicker.js';
import { CueRow } from './CueRow.js';
import { newCue } from './rundown-draft.js';
import { ObsActionsEditor } from './ObsActionsEditor.js';
import { useReorder } from './useReorder.js';

interface Props {
  segment: Segment;
  index: number;
  startsAtSec: number;
  errors: FieldErrors;
  dangling: Set<string>;
  onChange: (s: Segment) => void;
  onRemove: () => void;
  announce: (msg: string) => void;
  itemProps: HTMLAttributes<HTMLLIElement> & { 'data-drop'?: string };
  handleProps: HTMLAttributes<HTMLButtonElement> & { draggable: boolean };
}

/** One segment: title, planned time, talking points, featured products, and its cues (reorderable). */
export function SegmentCard({ segment: s, index, startsAtSec, errors, dangling, onChange, onRemove, announce, itemProps, handleProps }: Props) {
  const { t } = useI18n();
  const r = t.rundown;
  const { items } = useCatalog();
  const path = `segments.${index}`;
  const setCues = (cues: Cue[]) => onChange({ ...s, cues });
  const cueName = (c: Cue | undefined, i: number) => c?.label || `${r.cues} ${i + 1}`;
  const cues = useReorder({
    count: s.cues.length,
    onMove: (from, to) => setCues(move(s.cues, from, to)),
    announce: (from, to) => announce(r.moved(cueName(s.cues[from], from), to + 1, s.cues.length)),
  });
  const addCue = () => {
    setCues([...s.cues, newCue(s, items)]);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-segment-id="${s.id}"] .cue-item:last-child select`)?.focus());
  };
  const name = s.title || r.untitled(index + 1);

  return (
    <li className="segment-item card" data-testid="segment-item" data-segment-id={s.id} data-reorder-item {...itemProps}>
      <div className="segment-head">
        <button type="button" className="drag-handle" aria-label={r.dragHandle(name)} title={r.dragHandle(name)} {...handleProps}>
          ⋮⋮
        </button>
        <span className="seg-number" aria-hidden="true">
          {index + 1}
        </span>
        <label className="field grow">
          <span className="field-label">{r.segmentTitle}</span>
          <input data-testid="segment-title-input" className="seg-title-input" id={`${path}-title`} {...invalidProps(`${path}-title`, errors[`${path}.title`])} value={s.title} maxLength={80} placeholder={r.segmentTitlePh} onChange={(e) => onChange({ ...s, title: e.target.value })} />
          <FieldError id={`${path}-title-err`} messages={errors[`${path}.title`]} />
        </label>
        <label className="field seg-duration">
          <span className="field-label">{r.duration}</span>
          <DurationInput id={`${path}-duration`} {...invalidProps(`${path}-duration`, errors[`${path}.plannedSec`])} value={s.plannedSec} onChange={(plannedSec) => onChange({ ...s, plannedSec })} />
          <FieldError id={`${path}-duration-err`} messages={errors[`${path}.plannedSec`]} />
        </label>
        <span className="seg-starts muted small" title={r.total}>
          {formatClock(startsAtSec)} → {Number.isFinite(s.plannedSec) ? formatClock(startsAtSec + s.plannedSec) : '…'}
        </span>
        <ConfirmButton label={r.removeSegment} question={r.confirmRemoveSegment(name)} confirmLabel={t.catalog.yesDelete} onConfirm={onRemove} />
      </div>
      <div className="segment-body">
        <label className="field talking-field">
          <span className="field-label">{r.talkingPoints}</span>
          <textarea rows={5} value={s.talkingPoints} maxLength={4000} placeholder={r.talkingPointsPh} onChange={(e) => onChange({ ...s, talkingPoints: e.target.value })} />
          <FieldError messages={errors[`${path}.talkingPoints`]} />
        </label>
        <div className="field featured-field">
          <span className="field-label">{r.featured}</span>
          <ProductPicker products={items.products} value={s.featuredProductIds} max={10} label={r.featured} onChange={(featuredProductIds) => onChange({ ...s, featuredProductIds })} />
          <span className="field-hint">{r.featuredHint}</span>
        </div>
        <div className="field obs-field">
          <span className="field-label">{t.obs.editor.segment}</span>
          <ObsActionsEditor actions={s.obsActions} onChange={(obsActions) => onChange({ ...s, obsActions })} />
          <FieldError messages={errorsUnder(errors, `${path}.obsActions`)} />
        </div>
      </div>
      <div className="cues-block">
        <h3 className="cues-title">
          {r.cues} <span className="count-chip">{s.cues.length}</span>
        </h3>
        {s.cues.length === 0 ? (
          <p className="muted small">{r.noCues}</p>
        ) : (
          <div className="cue-cols" aria-hidden="true">
            <span>{r.cueLabel}</span>
            <span>{r.action}</span>
            <span>{r.trigger}</span>
            <span>{r.at}</span>
          </div>
        )}
        <ol className="cue-list">
          {s.cues.map((c, k) => (
            <CueRow
              key={c.id}
              cue={c}
              index={k}
              segment={s}
              path={`${path}.cues.${k}`}
              errors={errors}
              dangling={dangling.has(`${path}.cues.${k}`)}
              onChange={(cue) => setCues(s.cues.map((x) => (x.id === cue.id ? cue : x)))}
              onRemove={() => setCues(s.cues.filter((x) => x.id !== c.id))}
              itemProps={cues.itemProps(k)}
              handleProps={cues.handleProps(k)}
            />
          ))}
        </ol>
        <button type="button" className="btn small" data-testid="add-cue-button" onClick={addCue}>
          + {r.addCue}
        </button>
      </div>
    </li>
  );
}
