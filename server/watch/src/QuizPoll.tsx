import { useState } from 'react';
import type { PollOpen, QuizOpen } from '../../../common/stage.js';
import { ClockIcon } from './CouponDrop.js';
import { formatCount } from './format.js';
import { t } from './i18n.js';
import { formatRemaining } from './relay-clock.js';

const LETTERS = ['A', 'B', 'C', 'D'];

function Timer({ ms }: { ms: number }) {
  return (
    <span className={`panel-timer${ms <= 10_000 ? ' urgent' : ''}`} role="timer" aria-label={t.timeLeft}>
      <ClockIcon />
      {formatRemaining(ms)}
    </span>
  );
}

/**
 * An open quiz. Sending an answer comes with the next issue, so a tap only marks the choice on
 * this screen, and says plainly that answers are not taken yet.
 */
export function Quiz({ quiz, relayNow }: { quiz: QuizOpen; relayNow: number }) {
  const [picked, setPicked] = useState<number | null>(null);
  return (
    <section className="panel quiz" data-testid="quiz" aria-label={t.quiz}>
      <header className="panel-head">
        <span className="panel-chip quiz-chip">{t.quiz}</span>
        <span className="panel-meta">{t.winners(formatCount(quiz.winners))}</span>
        <Timer ms={quiz.endsAt - relayNow} />
      </header>
      <p className="panel-question">{quiz.question}</p>
      <div className={`quiz-choices n${quiz.choices.length}`}>
        {quiz.choices.map((choice, i) => (
          <button type="button" key={i} className="quiz-choice" aria-pressed={picked === i} onClick={() => setPicked(i)}>
            <span className="quiz-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            <span className="quiz-text">{choice}</span>
          </button>
        ))}
      </div>
      {picked !== null && (
        <p className="panel-hint" role="status">
          {t.answersSoon}
        </p>
      )}
    </section>
  );
}

/** An open poll with its live results. */
export function Poll({ poll, relayNow }: { poll: PollOpen; relayNow: number }) {
  const counts = poll.choices.map((_, i) => Math.max(0, poll.counts[i] ?? 0));
  const total = counts.reduce((a, b) => a + b, 0);
  const top = Math.max(...counts);
  return (
    <section className="panel poll" data-testid="poll" aria-label={t.poll}>
      <header className="panel-head">
        <span className="panel-chip poll-chip">{t.poll}</span>
        <span className="panel-meta">{t.votes(formatCount(total))}</span>
        {poll.endsAt !== null && <Timer ms={poll.endsAt - relayNow} />}
      </header>
      <p className="panel-question">{poll.question}</p>
      <ul className="poll-rows">
        {poll.choices.map((choice, i) => {
          const pct = total > 0 ? Math.round((counts[i]! / total) * 100) : 0;
          return (
            <li key={i} className={`poll-row${total > 0 && counts[i] === top ? ' lead' : ''}`}>
              <span className="poll-bar" style={{ width: `${pct}%` }} aria-hidden="true" />
              <span className="poll-label">{choice}</span>
              <span className="poll-pct">{pct}%</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
