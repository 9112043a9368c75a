import type { ShowCatalog, ShowCoupon } from '../../../common/commerce/show-catalog.js';
import type { HeldCoupon } from '../../../common/protocol/watch-api.js';
import type { Show } from '../../../common/show.js';
import type { Stage } from '../../../common/stage.js';
import { CommerceError } from './commerce-error.js';
import type { CommerceContext } from './context.js';
import { requireLiveShow } from './checkout.js';
import type { ClaimRow } from './coupon-store.js';

export function heldCoupon(coupon: ShowCoupon, claim: ClaimRow, usesSoFar: number): HeldCoupon {
  return {
    couponId: coupon.id,
    code: coupon.code,
    kind: coupon.kind,
    amount: coupon.amount,
    currency: coupon.currency,
    minOrder: coupon.minOrder,
    usesLeft: Math.max(0, coupon.perViewerCap - usesSoFar),
    // The contract knows drops and quiz rewards; a code typed at checkout is held like a drop.
    source: claim.source === 'quiz' ? 'quiz' : 'drop',
    validUntil: coupon.validUntil,
  };
}

/**
 * Claiming a dropped coupon: only the drop that is on the stage right now, only while the show
 * is live, one claim per viewer (a repeated claim answers the same claim and takes no quota), at
 * most `totalQuota` claims in all, durable before the answer.
 */
export class CouponClaims {
  constructor(
    private readonly c: CommerceContext,
    private readonly stageOf: (showId: string) => Stage,
  ) {}

  async claim(show: Show, viewerId: string, couponId: string): Promise<{ coupon: HeldCoupon; quotaLeft: number }> {
    const { c } = this;
    requireLiveShow(show);
    const catalog = c.catalogOf(show);
    const coupon = catalog?.coupons.find((k) => k.id === couponId);
    if (!catalog || !coupon) throw new CommerceError(409, 'coupon_unknown', 'that coupon does not exist in this show');
    const now = c.now();
    const drop = this.stageOf(show.id).coupon;
    if (!drop || drop.couponId !== couponId || drop.endsAt <= now) throw new CommerceError(409, 'coupon_expired', 'this coupon drop has ended');
    if (coupon.validFrom && Date.parse(coupon.validFrom) > now) throw new CommerceError(409, 'coupon_not_started', 'this coupon is not valid yet');
    if (coupon.validUntil && Date.parse(coupon.validUntil) <= now) throw new CommerceError(409, 'coupon_expired', 'this coupon has expired');
    const { created, claim, count } = await c.commits.run(() => {
      const created = c.coupons.grant(show.id, coupon, viewerId, 'drop', new Date(now).toISOString());
      return { created, claim: c.coupons.claimOf(show.id, coupon.id, viewerId)!, count: c.coupons.claimCount(show.id, coupon.id) };
    });
    const quotaLeft = Math.max(0, coupon.totalQuota - count);
    if (created) c.notices.couponQuota(show.id, coupon.id, quotaLeft);
    return { coupon: heldCoupon(coupon, claim, c.coupons.usesBy(show.id, coupon.id, viewerId)), quotaLeft };
  }

  held(show: Show, viewerId: string): HeldCoupon[] {
    const catalog: ShowCatalog | null = this.c.catalogOf(show);
    if (!catalog) return [];
    return this.c.coupons.heldBy(show.id, viewerId).flatMap((claim) => {
      const coupon = catalog.coupons.find((k) => k.id === claim.couponId);
      return coupon ? [heldCoupon(coupon, claim, this.c.coupons.usesBy(show.id, coupon.id, viewerId))] : [];
    });
  }
}
