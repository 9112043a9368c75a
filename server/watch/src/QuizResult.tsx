import { useEffect } from 'react';
import { errorMessage } from './api-errors.js';
import { useCommerce } from './commerce-context.js';
import type { QuizResultView } from './commerce-store.js';
import { lang } from './i18n.js';
import { c } from './i18n-commerce.js';

const LETTERS = ['A', 'B', 'C', 'D'];
/** A result that is not a win leaves by itself; a win stays until the viewer closes it. */
const HIDE_AFTER_MS = 20_000;

function verdict(r: QuizResultView): { text: string; tone: 'won' | 'correct' | 'wrong' | 'none' | 'wait' } {
  if (r.choice === null && !r.outcome) return { text: c.noAnswer, tone: 'none' };
  if (!r.outcome) return { text: r.error ? errorMessage(r.error, lang) : c.checking, tone: 'wait' };
  switch (r.outcome.you) {
    case 'won':
      return { text: r.outcome.reward ? c.won(r.outcome.reward.code) : c.wonPlain, tone: 'won' };
    case 'correct':
      return { text: c.correct, tone: 'correct' };
    case 'wrong':
      return { text: c.wrong, tone: 'wrong' };
    default:
      return { text: c.noAnswer, tone: 'none' };
  }
}

/** After the quiz is decided: the right answer, and (asked of the relay) whether this viewer won. */
export function QuizResult() {
  const [view, commerce] = useCommerce();
  const r = view.quizResult;
  const tone = r ? verdict(r).tone : null;
  useEffect(() => {
    if (!r || tone === 'won' || tone === 'wait') return;
    const id = setTimeout(() => commerce.dismissQuizResult(), HIDE_AFTER_MS);
    return () => clearTimeout(id);
  }, [r, tone, commerce]);
  if (!r) return null;
  const v = verdict(r);
  const answer = r.quiz.choices[r.correctIndex];
  return (
    <section className={`panel quiz-result tone-${v.tone}`} data-testid="quiz-result" data-you={r.outcome?.you ?? (r.choice === null ? 'no_answer' : 'pending')} aria-label={c.quizResult}>
      <header className="panel-head">
        <span className="panel-chip quiz-chip">{c.quizResult}</span>
        <button type="button" className="panel-close" onClick={() => commerce.dismissQuizResult()} aria-label={c.close}>
          ×
        </button>
      </header>
      {r.quiz.question && <p className="panel-question">{r.quiz.question}</p>}
      <p className="quiz-answer" data-testid="quiz-correct" data-index={r.correctIndex}>
        <span className="quiz-letter" aria-hidden="true">
          {LETTERS[r.correctIndex] ?? '?'}
        </span>
        <span>
          {c.answer}
          {answer !== undefined ? `: ${answer}` : ''}
        </span>
      </p>
      <p className={`quiz-verdict tone-${v.tone}`} role="status" data-testid="quiz-verdict">
        {v.text}
      </p>
      {v.tone === 'won' && r.outcome?.reward && <p className="panel-hint">{c.inMyCoupons}</p>}
    </section>
  );
}
