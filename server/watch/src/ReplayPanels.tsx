import type { ReplayChapter, ReplayResult } from '../../../common/replay/replay-view.js';
import type { CouponDrop, PollOpen, QuizOpen } from '../../../common/stage.js';
import { formatCount, money } from './format.js';
import { t } from './i18n.js';
import { tr } from './i18n-replay.js';
import { clockOf } from './replay-moment.js';

const LETTERS = ['A', 'B', 'C', 'D'];

/**
 * What the host put on screen, as the replay shows it: read-only, because quizzes, polls and
 * drops ran live (answering, voting and claiming stay live-only). A coupon appears only when the
 * seller lets live coupons hold in the replay; its code is typed at checkout.
 */
export function ReplayCoupon({ coupon }: { coupon: CouponDrop }) {
  const value = coupon.kind === 'percent' ? t.percentOff(coupon.amount) : t.amountOff(money(coupon.amount, coupon.currency));
  return (
    <section className="coupon replay-coupon" data-testid="replay-coupon" aria-label={t.liveCoupon}>
      <div className="coupon-main">
        <p className="coupon-eyebrow">{t.liveCoupon}</p>
        <p className="coupon-value">{value}</p>
        <p className="coupon-cond">{coupon.minOrder > 0 ? t.minOrder(money(coupon.minOrder, coupon.currency)) : t.anyOrder}</p>
        <p className="panel-hint">{tr.couponCode}</p>
      </div>
      <div className="coupon-side">
        <p className="coupon-code" aria-label={t.couponCode} data-testid="coupon-code">
          {coupon.code}
        </p>
      </div>
    </section>
  );
}

export function ReplayQuiz({ quiz }: { quiz: QuizOpen }) {
  return (
    <section className="panel quiz" data-testid="replay-quiz" aria-label={tr.liveQuiz}>
      <header className="panel-head">
        <span className="panel-chip quiz-chip">{tr.liveQuiz}</span>
        <span className="panel-meta">{tr.quizOver}</span>
      </header>
      <p className="panel-question">{quiz.question}</p>
      <ol className="replay-choices">
        {quiz.choices.map((choice, i) => (
          <li key={i}>
            <span className="quiz-letter" aria-hidden="true">
              {LETTERS[i]}
            </span>
            {choice}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ReplayPoll({ poll }: { poll: PollOpen }) {
  return (
    <section className="panel poll" data-testid="replay-poll" aria-label={tr.livePoll}>
      <header className="panel-head">
        <span className="panel-chip poll-chip">{tr.livePoll}</span>
        <span className="panel-meta">{tr.pollOver}</span>
      </header>
      <p className="panel-question">{poll.question}</p>
    </section>
  );
}

/** A quiz's answer and numbers, or a poll's final tally, at the moment they came live. */
export function ReplayResultPanel({ result }: { result: ReplayResult }) {
  if (result.kind === 'quiz') {
    return (
      <section className="panel quiz-result" data-testid="replay-quiz-result" data-quiz-id={result.quizId} aria-label={tr.quizResult}>
        <header className="panel-head">
          <span className="panel-chip quiz-chip">{tr.quizResult}</span>
          <span className="panel-meta">
            {tr.answered(formatCount(result.answers))} · {tr.winners(formatCount(result.winners))}
          </span>
        </header>
        <p className="panel-question">{result.question}</p>
        <p className="quiz-answer" data-index={result.correctIndex}>
          <span className="quiz-letter" aria-hidden="true">
            {LETTERS[result.correctIndex]}
          </span>
          <span>
            {tr.answer}: {result.choices[result.correctIndex]}
          </span>
        </p>
      </section>
    );
  }
  const total = result.counts.reduce((n, c) => n + c, 0);
  return (
    <section className="panel poll" data-testid="replay-poll-result" data-poll-id={result.pollId} aria-label={tr.pollResult}>
      <header className="panel-head">
        <span className="panel-chip poll-chip">{tr.pollResult}</span>
        <span className="panel-meta">{tr.votes(formatCount(total))}</span>
      </header>
      <p className="panel-question">{result.question}</p>
      <ul className="replay-tally">
        {result.choices.map((choice, i) => {
          const n = result.counts[i] ?? 0;
          const pct = total > 0 ? Math.round((n / total) * 100) : 0;
          return (
            <li key={i} style={{ ['--pct' as string]: `${pct}%` }}>
              <span>{choice}</span>
              <strong>{pct}%</strong>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Chapters: the run-down's segments as the host went through them, and "jump to" each product shown. */
export function ReplayChapters({ chapters, current, onSeek }: { chapters: readonly ReplayChapter[]; current: ReplayChapter | null; onSeek: (c: ReplayChapter) => void }) {
  const segments = chapters.filter((c) => c.kind === 'segment');
  const products = chapters.filter((c) => c.kind === 'product');
  if (!segments.length && !products.length) return null;
  return (
    <nav className="replay-chapters" aria-label={tr.chapters} data-testid="replay-chapters">
      {products.length > 0 && (
        <section>
          <h2 className="replay-h2">{tr.products}</h2>
          <ul className="chapter-list">
            {products.map((c) => (
              <li key={`${c.productId}`}>
                <button type="button" className="chapter chapter-product" onClick={() => onSeek(c)} data-testid="chapter-product" data-product-id={c.productId ?? ''} data-at={c.atSec} data-end={c.endSec}>
                  <span className="chapter-title">{c.title}</span>
                  <span className="chapter-go">
                    {tr.jumpToProduct} · {clockOf(c.atSec)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {segments.length > 0 && (
        <section>
          <h2 className="replay-h2">{tr.segments}</h2>
          <ol className="chapter-list">
            {segments.map((c) => {
              const playing = current !== null && current.atSec === c.atSec && current.title === c.title;
              return (
                <li key={`${c.atSec}-${c.title}`}>
                  <button type="button" className="chapter" aria-current={playing ? 'true' : undefined} onClick={() => onSeek(c)} data-testid="chapter-segment" data-at={c.atSec} data-end={c.endSec}>
                    <span className="chapter-time">{clockOf(c.atSec)}</span>
                    <span className="chapter-title">{c.title}</span>
                    {playing && <span className="chapter-now">{tr.playing}</span>}
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </nav>
  );
}
