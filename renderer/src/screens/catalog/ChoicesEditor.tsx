import { errorsUnder, type FieldErrors } from '../../catalog/validation.js';
import { useI18n } from '../../i18n/i18n.js';
import { FieldError } from '../../ui/FieldError.js';

/** 2–4 answer choices; for a quiz, a radio marks the correct one. */
export function ChoicesEditor({ label, choices, errors, correct, onChange, onCorrect }: { label: string; choices: string[]; errors: FieldErrors; correct?: number; onChange: (c: string[]) => void; onCorrect?: (i: number) => void }) {
  const { t } = useI18n();
  const ch = t.catalog.choices;
  const setAt = (i: number, v: string) => onChange(choices.map((c, k) => (k === i ? v : c)));
  const removeAt = (i: number) => {
    onChange(choices.filter((_, k) => k !== i));
    if (onCorrect && correct !== undefined && correct >= i && correct > 0) onCorrect(correct === i ? 0 : correct - 1);
  };
  return (
    <fieldset className="field choices-editor">
      <legend className="field-label">{label}</legend>
      {onCorrect && <span className="field-hint">{t.catalog.quiz.correctHint}</span>}
      <ol className="choice-rows">
        {choices.map((c, i) => (
          <li key={i} className={`choice-row ${correct === i ? 'correct' : ''}`}>
            {onCorrect && <input type="radio" name="quiz-correct" aria-label={`${t.catalog.quiz.markCorrect}: ${ch.choice(i + 1)}`} checked={correct === i} onChange={() => onCorrect(i)} />}
            <span className="choice-input">
              <input aria-label={ch.choice(i + 1)} value={c} maxLength={80} placeholder={ch.choice(i + 1)} onChange={(e) => setAt(i, e.target.value)} />
              {correct === i && <span className="correct-tag">{t.catalog.quiz.correct}</span>}
            </span>
            <button type="button" className="btn small ghost" aria-label={`${ch.remove} ${i + 1}`} disabled={choices.length <= 2} onClick={() => removeAt(i)}>
              ✕
            </button>
            <FieldError messages={errorsUnder(errors, `choices.${i}`)} />
          </li>
        ))}
      </ol>
      {choices.length < 4 && (
        <button type="button" className="btn small add-choice" onClick={() => onChange([...choices, ''])}>
          + {ch.add}
        </button>
      )}
      <FieldError messages={errors.choices} />
    </fieldset>
  );
}
