import type { HTMLAttributes } from 'react';
import type { Cue, CueAction, Segment } from '../../../../common/rundown.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { errorsUnder, type FieldErrors } from '../../catalog/validation.js';
import { useI18n } from '../../i18n/i18n.js';
import { ACTION_CHOICES, choiceOf, type ActionChoice } from '../../rundown/describe-cue.js';
import { DurationInput } from '../../ui/DurationInput.js';
import { FieldError } from '../../ui/FieldError.js';
import { ProductPicker } from '../../ui/ProductPicker.js';
import { actionFor } from './rundown-draft.js';
import { ObsActionsEditor } from './ObsActionsEditor.js';

interface Props {
  cue: Cue;
  index: number;
  segment: Segment;
  path: string;
  errors: FieldErrors;
  dangling: boolean;
  onChange: (cue: Cue) => void;
  onRemove: () => void;
  itemProps: HTMLAttributes<HTMLLIElement> & { 'data-drop'?: string };
  handleProps: HTMLAttributes<HTMLButtonElement> & { draggable: boolean };
}

/** One cue: what it does (with its pick), and when (by key, or at m:ss into the segment). */
export function CueRow({ cue, index, segment, path, errors, dangling, onChange, onRemove, itemProps, handleProps }: Props) {
  const { t } = useI18n();
  const r = t.rundown;
  const { items } = useCatalog();
  const a = cue.action;
  const setAction = (action: CueAction) => onChange({ ...cue, action });
  const err = (k: string) => errors[`${path}.action.${k}`];
  const name = cue.label || `${r.cues} ${index + 1}`;

  return (
    <li className="cue-item" data-testid="cue-item" data-cue-id={cue.id} data-reorder-item {...itemProps}>
      <button type="button" className="drag-handle" aria-label={r.dragHandle(name)} title={r.dragHandle(name)} {...handleProps}>
        ⋮⋮
      </button>
      <span className="num-badge" aria-hidden="true">
        {index + 1}
      </span>
      <div className="cue-fields">
        <div className="cue-line">
          <input aria-label={r.cueLabel} value={cue.label} maxLength={80} placeholder={r.cueLabelPh} onChange={(e) => onChange({ ...cue, label: e.target.value })} />
          <select aria-label={r.action} data-testid="cue-action-select" value={choiceOf(a)} onChange={(e) => setAction(actionFor(e.target.value as ActionChoice, a, segment, items))}>
            {ACTION_CHOICES.map((c) => (
              <option key={c} value={c}>
                {r.actions[c]}
              </option>
            ))}
          </select>
          <select aria-label={r.trigger} className="cue-trigger" value={cue.trigger.type} onChange={(e) => onChange({ ...cue, trigger: e.target.value === 'offset' ? { type: 'offset', atSec: 60 } : { type: 'manual' } })}>
            <option value="manual">{r.manual}</option>
            <option value="offset">{r.atTime}</option>
          </select>
          {cue.trigger.type === 'offset' ? <DurationInput aria-label={r.at} className="cue-at" value={cue.trigger.atSec} onChange={(atSec) => onChange({ ...cue, trigger: { type: 'offset', atSec } })} /> : <span />}
          <button type="button" className="btn small ghost cue-remove" aria-label={`${r.removeCue} ${index + 1}`} title={r.removeCue} onClick={onRemove}>
            ✕
          </button>
        </div>
        {a.kind === 'showProducts' && (
          <div className="cue-params inline">
            <span className="field-label">{r.pickProducts}</span>
            <ProductPicker products={items.products} value={a.productIds} max={3} label={r.pickProducts} invalid={!!err('productIds')} onChange={(productIds) => setAction({ ...a, productIds })} />
            <FieldError messages={err('productIds')} />
          </div>
        )}
        {a.kind === 'dropCoupon' && (
          <div className="cue-params inline">
            <RefSelect label={r.coupon} value={a.couponId} options={items.coupons?.map((c) => ({ id: c.id, name: c.code }))} onChange={(couponId) => setAction({ ...a, couponId })} errors={err('couponId')} />
            <label className="inline-field">
              <span className="field-label">{r.couponFor}</span>
              <DurationInput className="cue-at" value={a.durationSec} onChange={(durationSec) => setAction({ ...a, durationSec })} />
            </label>
            <FieldError messages={err('durationSec')} />
          </div>
        )}
        {a.kind === 'openQuiz' && <RefSelect label={r.quiz} value={a.quizId} options={items.quizzes?.map((q) => ({ id: q.id, name: q.question }))} onChange={(quizId) => setAction({ ...a, quizId })} errors={err('quizId')} />}
        {a.kind === 'openPoll' && <RefSelect label={r.poll} value={a.pollId} options={items.polls?.map((p) => ({ id: p.id, name: p.question }))} onChange={(pollId) => setAction({ ...a, pollId })} errors={err('pollId')} />}
        <ObsActionsEditor actions={cue.obsActions} onChange={(obsActions) => onChange({ ...cue, obsActions })} />
        <FieldError messages={errorsUnder(errors, `${path}.trigger`).concat(errors[`${path}.label`] ?? [], errorsUnder(errors, `${path}.obsActions`))} />
        {dangling && <p className="warn-note">{r.missing}</p>}
      </div>
    </li>
  );
}

function RefSelect({ label, value, options, onChange, errors }: { label: string; value: string; options: { id: string; name: string }[] | undefined; onChange: (id: string) => void; errors: string[] | undefined }) {
  const { t } = useI18n();
  const known = !value || !options || options.some((o) => o.id === value);
  return (
    <label className="cue-params inline">
      <span className="field-label">{label}</span>
      <select value={value} aria-invalid={!!errors?.length || undefined} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t.rundown.choose}</option>
        {!known && <option value={value}>({t.rundown.deletedItem})</option>}
        {options?.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError messages={errors} />
    </label>
  );
}
