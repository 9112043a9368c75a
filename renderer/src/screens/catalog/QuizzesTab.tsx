import { useState } from 'react';
import type { Quiz } from '../../../../common/commerce/catalog.js';
import { useCatalog } from '../../catalog/catalog-data.js';
import { useI18n } from '../../i18n/i18n.js';
import { FieldError, invalidProps } from '../../ui/FieldError.js';
import { ChoicesEditor } from './ChoicesEditor.js';
import { ListShell } from './ListShell.js';
import { checkQuiz, emptyQuiz, quizDraftOf, type QuizDraft } from './quiz-poll-draft.js';
import { FormFoot, useItemForm } from './useItemForm.js';

export function QuizzesTab() {
  const { t } = useI18n();
  const { items } = useCatalog();
  const [selected, setSelected] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  /** Another item (or a new one) gets a fresh form; saving keeps the form, so its "Saved" note stays. */
  const pick = (id: string | null) => (setSelected(id), setFormKey((k) => k + 1));
  const quizzes = items.quizzes;
  const current = quizzes?.find((q) => q.id === selected) ?? null;
  const fresh = () => pick(null);
  return (
    <div className="catalog-split">
      <ListShell kind="quizzes" count={quizzes?.length} onNew={fresh}>
        <ul className="item-list">
          {quizzes?.map((q) => (
            <li key={q.id} data-testid="quiz-item" data-quiz-id={q.id}>
              <button type="button" className={`item-row ${q.id === selected ? 'selected' : ''}`} aria-pressed={q.id === selected} onClick={() => pick(q.id)}>
                <span className="kind-badge quiz" aria-hidden="true">
                  Q
                </span>
                <span className="item-main">
                  <span className="item-title">{q.question}</span>
                  <span className="item-sub choices-inline">
                    {q.choices.map((c, i) => (
                      <span key={i} className={i === q.correctIndex ? 'correct' : ''}>
                        {i === q.correctIndex ? '✓ ' : ''}
                        {c}
                      </span>
                    ))}
                  </span>
                </span>
                <span className="muted small">{t.catalog.quiz.summary(q.timeLimitSec, q.winners)}</span>
              </button>
            </li>
          ))}
        </ul>
      </ListShell>
      <QuizForm key={formKey} quiz={current} onSaved={setSelected} onDeleted={fresh} />
    </div>
  );
}

function QuizForm({ quiz, onSaved, onDeleted }: { quiz: Quiz | null; onSaved: (id: string) => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const q = t.catalog.quiz;
  const { items } = useCatalog();
  const form = useItemForm('quizzes', quiz, () => (quiz ? quizDraftOf(quiz) : emptyQuiz()), checkQuiz, onSaved);
  const { draft, set, errors } = form;
  const f = (name: keyof QuizDraft) => ({ id: `quiz-${name}`, ...invalidProps(`quiz-${name}`, errors[name]) });
  return (
    <form className="card item-form" onSubmit={(e) => void form.submit(e)} noValidate>
      <h2>{quiz ? t.catalog.editItem.quizzes : t.catalog.newItem.quizzes}</h2>
      <label className="field">
        <span className="field-label">{q.question}</span>
        <input data-testid="quiz-question-input" {...f('question')} value={draft.question} maxLength={200} placeholder={q.questionPh} onChange={(e) => set({ question: e.target.value })} />
        <FieldError id="quiz-question-err" messages={errors.question} />
      </label>
      <ChoicesEditor label={q.choices} choices={draft.choices} errors={errors} correct={draft.correctIndex} onChange={(choices) => set({ choices })} onCorrect={(correctIndex) => set({ correctIndex })} />
      <FieldError messages={errors.correctIndex} />
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">{q.timeLimit}</span>
          <input {...f('timeLimitSec')} inputMode="numeric" value={draft.timeLimitSec} onChange={(e) => set({ timeLimitSec: e.target.value })} />
          <FieldError id="quiz-timeLimitSec-err" messages={errors.timeLimitSec} />
        </label>
        <label className="field grow">
          <span className="field-label">{q.winners}</span>
          <input {...f('winners')} inputMode="numeric" value={draft.winners} onChange={(e) => set({ winners: e.target.value })} />
          <FieldError id="quiz-winners-err" messages={errors.winners} />
        </label>
      </div>
      <div className="form-row">
        <label className="field grow">
          <span className="field-label">{q.winnerRule}</span>
          <select value={draft.winnerRule} onChange={(e) => set({ winnerRule: e.target.value === 'draw' ? 'draw' : 'first' })}>
            <option value="first">{q.rules.first}</option>
            <option value="draw">{q.rules.draw}</option>
          </select>
        </label>
        <label className="field grow">
          <span className="field-label">
            {q.reward} <span className="muted">{t.catalog.optional}</span>
          </span>
          <select value={draft.rewardCouponId} onChange={(e) => set({ rewardCouponId: e.target.value })}>
            <option value="">{q.noReward}</option>
            {items.coupons?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code}
              </option>
            ))}
          </select>
          <FieldError messages={errors.rewardCouponId} />
        </label>
      </div>
      <FormFoot state={form} itemName={quiz?.question ?? ''} canDelete={!!quiz} onDeleted={onDeleted} saveTestId="quiz-save-button" />
    </form>
  );
}
