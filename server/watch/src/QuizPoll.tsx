import { useState } from 'react';
import type { PollOpen, QuizOpen } from '../../../common/stage.js';
import { ClockIcon } from './CouponDrop.js';
import { errorMessage } from './api-errors.js';
import { useCommerce } from './commerce-context.js';
import type { Pending } from './commerce-store.js';
import { formatCount } from './format.js';
import { lang, t } from './i18n.js';
import { c } from './i18n-commerce.js';
import { formatRemaining } from './relay-clock.js';
import { useDisplay } from './display-context.js';

const LETTERS = ['A', 'B', 'C', 'D'];

function Timer({ ms }: { ms: number }) {
  return (
    <span className={`panel-timer${ms <= 10_000 ? ' urgent' : ''}`} role="timer" aria-label={t.timeLeft}>
      <ClockIcon />
      {formatRemaining(ms)}
    </span>
  );
}

/** An open quiz: one tap sends the answer (with when this screen showed the quiz), then it is locked. */
export function Quiz({ quiz, relayNow }: { quiz: QuizOpen; relayNow: number }) {
  const [view, commerce] = useCommerce();
  const [picked, setPicked] = useState<number | null>(null);
  const state = view.answers[quiz.quizId];
  const stored = view.taken.quiz[quiz.quizId];
  const chosen = stored ?? picked;
  const locked = stored !== undefined || state?.status === 'sending' || state?.status === 'done';
  const pick = (i: number) => {
    if (locked) return;
    setPicked(i);
    void commerce.answer(quiz, i);
  };
  return (
    <section className="panel quiz" data-testid="quiz" data-quiz-id={quiz.quizId} aria-label={t.quiz}>
      <header className="panel-head">
        <span className="panel-chip quiz-chip">{t.quiz}</span>
        <span className="panel-meta">{t.winners(formatCount(quiz.winners))}</span>
        <Timer ms={quiz.endsAt - relayNow} />
      </header>
      <p className="panel-question">{quiz.question}</p>
      <div className={`quiz-choices n${quiz.choices.length}`}>
        {quiz.choices.map((choice, i) => (
          <button
            type="button"
            key={i}
            className="quiz-choice"
            aria-pressed={chosen === i}
            aria-disabled={locked && chosen !== i ? true : undefined}
            disabled={locked && chosen !== i}
            onClick={() => pick(i)}
            data-testid="quiz-choice"
            data-index={i}
          >
            <span className="quiz-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <span className="quiz-text">{choice}</span>
          </button>
        ))}
      </div>
      <QuizStatus state={state} sent={stored !== undefined} />
    </section>
  );
}

function QuizStatus({ state, sent }: { state: Pending | undefined; sent: boolean }) {
  if (state?.status === 'error')
    return (
      <p className="panel-hint error" role="alert" data-testid="quiz-status" data-state="error" data-code={state.error.code}>
        {errorMessage(state.error, lang)}
      </p>
    );
  if (state?.status === 'sending')
    return (
      <p className="panel-hint" role="status" data-testid="quiz-status" data-state="sending">
        {c.sending}
      </p>
    );
  if (state?.status === 'done' || sent)
    return (
      <p className="panel-hint sent" role="status" data-testid="quiz-status" data-state="sent">
        ✓ {c.answerSent}
      </p>
    );
  return null;
}

/** An open poll: tap to vote once, then the live results as bars. */
export function Poll({ poll, relayNow }: { poll: PollOpen; relayNow: number }) {
  const [view, commerce] = useCommerce();
  const state = view.votes[poll.pollId];
  const mine = view.taken.poll[poll.pollId];
  const voted = mine !== undefined || state?.status === 'done';
  const counts = poll.choices.map((_, i) => Math.max(0, poll.counts[i] ?? 0));
  const total = counts.reduce((a, b) => a + b, 0);
  const top = Math.max(...counts);
  // The host may hide results: a voter then sees their own choice, not the tallies.
  const tallies = useDisplay().results;
  return (
    <section className="panel poll" data-testid="poll" data-poll-id={poll.pollId} data-voted={voted || undefined} aria-label={t.poll}>
      <header className="panel-head">
        <span className="panel-chip poll-chip">{t.poll}</span>
        {tallies && (
          <span className="panel-meta" data-testid="poll-total">
            {t.votes(formatCount(total))}
          </span>
        )}
        {poll.endsAt !== null && <Timer ms={poll.endsAt - relayNow} />}
      </header>
      <p className="panel-question">{poll.question}</p>
      {voted ? (
        <ul className="poll-rows" data-testid="poll-results">
          {poll.choices.map((choice, i) => {
            const pct = total > 0 ? Math.round((counts[i]! / total) * 100) : 0;
            return (
              <li key={i} className={`poll-row${tallies && total > 0 && counts[i] === top ? ' lead' : ''}${mine === i ? ' mine' : ''}`} data-testid="poll-result" data-count={tallies ? counts[i] : undefined}>
                {tallies && <span className="poll-bar" style={{ width: `${pct}%` }} aria-hidden="true" />}
                <span className="poll-label">
                  {mine === i && <span className="sr-only">{c.yourVote}: </span>}
                  {choice}
                </span>
                {mine === i && (
                  <span className="poll-mine" aria-hidden="true">
                    ✓
                  </span>
                )}
                {tallies && <span className="poll-pct">{pct}%</span>}
              </li>
            );
          })}
        </ul>
      ) : (
        <div className="poll-choices" role="group" aria-label={c.tapToVote}>
          {poll.choices.map((choice, i) => (
            <button type="button" key={i} className="poll-choice" disabled={state?.status === 'sending'} onClick={() => void commerce.vote(poll.pollId, i)} data-testid="poll-choice" data-index={i}>
              {choice}
            </button>
          ))}
        </div>
      )}
      {state?.status === 'error' && (
        <p className="panel-hint error" role="alert" data-testid="poll-error" data-code={state.error.code}>
          {errorMessage(state.error, lang)}
        </p>
      )}
      {!voted && state?.status !== 'error' && <p className="panel-hint">{state?.status === 'sending' ? c.sending : c.tapToVote}</p>}
    </section>
  );
}
