import type { CouponDrop as Coupon } from '../../../common/stage.js';
import { formatCount, money } from './format.js';
import { errorMessage } from './api-errors.js';
import { useCommerce } from './commerce-context.js';
import { useDisplay } from './display-context.js';
import { lang, t } from './i18n.js';
import { c } from './i18n-commerce.js';
import { formatRemaining } from './relay-clock.js';

function ClaimButton({ coupon, gone }: { coupon: Coupon; gone: boolean }) {
  const [view, commerce] = useCommerce();
  // Claimed on this device before (a reload) counts too, without asking the relay: every phone shows the drop at once.
  const held = view.held.some((h) => h.couponId === coupon.couponId) || view.taken.coupon[coupon.couponId] !== undefined;
  const claim = view.claims[coupon.couponId];
  if (held) {
    return (
      <p className="coupon-claimed" role="status" data-testid="coupon-claimed">
        <span className="claimed-mark" aria-hidden="true">
          ✓
        </span>
        {c.claimed} · {c.useAtCheckout}
      </p>
    );
  }
  const sending = claim?.status === 'sending';
  return (
    <>
      <button type="button" className="coupon-claim" disabled={gone || sending} onClick={() => void commerce.claim(coupon.couponId)} data-testid="claim-button">
        {sending ? c.claiming : gone ? t.allClaimed : c.claim}
      </button>
      {claim?.status === 'error' && (
        <p className="coupon-error" role="alert" data-testid="claim-error" data-code={claim.error.code}>
          {errorMessage(claim.error, lang)}
        </p>
      )}
    </>
  );
}

/** A running coupon: what it gives, its code, time left on the relay clock, the remaining quota, and Claim. */
export function CouponDrop({ coupon, relayNow }: { coupon: Coupon; relayNow: number }) {
  const value = coupon.kind === 'percent' ? t.percentOff(coupon.amount) : t.amountOff(money(coupon.amount, coupon.currency));
  const left = Math.min(coupon.quotaLeft, coupon.quotaTotal);
  const gone = left === 0;
  const share = coupon.quotaTotal > 0 ? left / coupon.quotaTotal : 0;
  const remaining = coupon.endsAt - relayNow;
  // The host may hide the quota counter ("남은 수량"); "all claimed" still shows (Claim no longer works).
  const showQuota = useDisplay().stock || gone;
  return (
    <section className={`coupon${gone ? ' is-gone' : ''}`} data-testid="coupon-drop" aria-label={t.liveCoupon}>
      <div className="coupon-main">
        <p className="coupon-eyebrow">
          <TicketIcon />
          {t.liveCoupon}
        </p>
        <p className="coupon-value">{value}</p>
        <p className="coupon-cond">{coupon.minOrder > 0 ? t.minOrder(money(coupon.minOrder, coupon.currency)) : t.anyOrder}</p>
        <ClaimButton coupon={coupon} gone={gone} />
      </div>
      <div className="coupon-side">
        <p className="coupon-code" aria-label={t.couponCode} data-testid="coupon-code">
          {coupon.code}
        </p>
        <p className="coupon-timer" role="timer" aria-label={t.timeLeft}>
          <ClockIcon />
          <span data-testid="coupon-countdown" className={remaining <= 10_000 ? 'urgent' : undefined}>
            {formatRemaining(remaining)}
          </span>
        </p>
        {showQuota && (
          <>
            <p className="coupon-quota" data-testid="coupon-quota" data-left={left}>
              {gone ? t.allClaimed : t.quotaLeft(formatCount(left), formatCount(coupon.quotaTotal))}
            </p>
            <span className="coupon-meter" aria-hidden="true">
              <span style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
          </>
        )}
      </div>
    </section>
  );
}

function TicketIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3 8a2 2 0 0 0 2-2h14a2 2 0 0 0 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 0-2 2H5a2 2 0 0 0-2-2v-2a2 2 0 0 0 0-4V8z" />
    </svg>
  );
}

export function ClockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round">
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l2.5 2M9 2h6" />
    </svg>
  );
}
