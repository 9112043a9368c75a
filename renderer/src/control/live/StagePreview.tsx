import type { ReactNode } from 'react';
import { formatMoney } from '../../../../common/commerce/money.js';
import type { Stage } from '../../../../common/stage.js';
import { formatClock } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { KeyCap } from './KeyCap.js';

/**
 * What viewers see over the video right now, from the relay's stage: pinned cards, the running
 * coupon with its countdown and quota, the open quiz, the open poll with its counts. Each has its
 * close button with its key. Countdowns use this computer's clock against the relay's end times.
 */
export function StagePreview({ stage, error, nowMs, onClose }: { stage: Stage | null; error: string | null; nowMs: number; onClose: (target: 'cards' | 'coupon' | 'quiz' | 'poll') => void }) {
  const { t, lang } = useI18n();
  const s = t.live.stage;
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const left = (endsAt: number) => (endsAt > nowMs ? s.endsIn(formatClock(Math.ceil((endsAt - nowMs) / 1000))) : s.ended);
  const empty = stage && !stage.pinned.length && !stage.coupon && !stage.quiz && !stage.poll;
  return (
    <section className="card stage-card" data-testid="stage-preview" data-stage-version={stage?.version ?? ''}>
      <div className="card-head">
        <h2>{s.title}</h2>
        {stage && <span className="muted small">{s.version(stage.version)}</span>}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {s.loadFailed} {error}
        </p>
      )}
      {empty && <p className="muted">{s.empty}</p>}
      {stage && stage.pinned.length > 0 && (
        <Block title={s.cards} keyName="C" onClose={() => onClose('cards')}>
          <ul className="stage-cards">
            {stage.pinned.map((c) => (
              <li key={c.productId} className="stage-product" data-testid="stage-card" data-product-id={c.productId}>
                <span className="stage-name">{c.name}</span>
                <span className="stage-price">
                  {c.salePrice !== null && <s className="muted">{formatMoney(c.price, c.currency, locale)}</s>} <strong>{formatMoney(c.salePrice ?? c.price, c.currency, locale)}</strong>
                </span>
                <span className={`stock-chip ${c.stock === 0 ? 'sold-out' : ''}`}>{c.stock === 0 ? t.catalog.product.soldOut : t.catalog.product.stockLeft(c.stock)}</span>
              </li>
            ))}
          </ul>
        </Block>
      )}
      {stage?.coupon && (
        <Block title={s.coupon} keyName="K" onClose={() => onClose('coupon')}>
          <div className="stage-line" data-testid="stage-coupon">
            <strong className="mono">{stage.coupon.code}</strong>
            <span className="sale">{stage.coupon.kind === 'percent' ? t.catalog.coupon.offPercent(stage.coupon.amount) : t.catalog.coupon.offFixed(formatMoney(stage.coupon.amount, stage.coupon.currency, locale))}</span>
          </div>
          <div className="stage-meta">
            <span>{s.left(stage.coupon.quotaLeft, stage.coupon.quotaTotal)}</span>
            <span className="countdown">{left(stage.coupon.endsAt)}</span>
          </div>
        </Block>
      )}
      {stage?.quiz && (
        <Block title={s.quiz} keyName="Q" onClose={() => onClose('quiz')}>
          <p className="stage-q">{stage.quiz.question}</p>
          <ol className="stage-choices">
            {stage.quiz.choices.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ol>
          <div className="stage-meta">
            <span>{s.winners(stage.quiz.winners)}</span>
            <span className="countdown">{left(stage.quiz.endsAt)}</span>
          </div>
        </Block>
      )}
      {stage?.poll && <PollBlock poll={stage.poll} status={stage.poll.endsAt === null ? s.open : left(stage.poll.endsAt)} onClose={() => onClose('poll')} />}
    </section>
  );
}

function PollBlock({ poll, status, onClose }: { poll: NonNullable<Stage['poll']>; status: string; onClose: () => void }) {
  const { t } = useI18n();
  const total = poll.counts.reduce((n, c) => n + c, 0);
  return (
    <Block title={t.live.stage.poll} keyName="V" onClose={onClose}>
      <p className="stage-q">{poll.question}</p>
      <ul className="poll-bars">
        {poll.choices.map((c, i) => {
          const n = poll.counts[i] ?? 0;
          const pct = total ? Math.round((n / total) * 100) : 0;
          return (
            <li key={i}>
              <span className="poll-fill" style={{ width: `${pct}%` }} aria-hidden="true" />
              <span className="poll-choice">{c}</span>
              <span className="poll-num">
                {pct}% · {t.live.stage.votes(n)}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="stage-meta">
        <span>{t.live.stage.votes(total)}</span>
        <span className="countdown">{status}</span>
      </div>
    </Block>
  );
}

function Block({ title, keyName, onClose, children }: { title: string; keyName: string; onClose: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="stage-block">
      <div className="stage-block-head">
        <span className="stage-kind">{title}</span>
        <button type="button" className="btn small" onClick={onClose}>
          {t.live.stage.close} <KeyCap k={keyName} />
        </button>
      </div>
      {children}
    </div>
  );
}
