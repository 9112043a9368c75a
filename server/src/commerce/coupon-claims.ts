import type { ShowCatalog, ShowCoupon } from '../../../common/commerce/show-catalog.js';
import type { HeldCoupon } from '../../../common/protocol/watch-api.js';
import type { Show } from '../../../common/show.js';
import type { Stage } from '../../../common/stage.js';
import { CommerceError } from './commerce-error.js';
import type { CommerceContext } from './context.js';
import { requireLiveShow } from './checkout-gate.js';
import { NETWORK_SHARE } from './identity.js';
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
    source: claim.source,
    validUntil: coupon.validUntil,
  };
}

/**
 * Claiming a dropped coupon: only the drop that is on the stage right now, only while the show
 * is live, one claim per viewer (a repeated claim answers the same claim and takes no quota), at
 * most NETWORK_SHARE claims from one network, at most `totalQuota` claims in all, durable before
 * the answer.
 */
export class CouponClaims {
  /** The last stage read per show; see dropOnStage. */
  private readonly stages = new Map<string, { stage: Stage; until: number }>();

  constructor(
    private readonly c: CommerceContext,
    private readonly stageOf: (showId: string) => Stage,
  ) {}

  /**
   * Whether the coupon's drop is on the stage now. Reading the stage parses it from SQLite, which a
   * burst of 2,000 claims should not do 2,000 times: a stage read in the last 250 ms that shows the
   * drop running is trusted; anything else reads again (so a fresh drop is never missed, and a
   * drop the host just closed may still take claims for at most 250 ms, like a late video would).
   */
  private dropOnStage(showId: string, couponId: string, now: number): boolean {
    const running = (stage: Stage) => stage.coupon !== null && stage.coupon.couponId === couponId && stage.coupon.endsAt > now;
    const hit = this.stages.get(showId);
    if (hit && hit.until > now && running(hit.stage)) return true;
    const stage = this.stageOf(showId);
    this.stages.set(showId, { stage, until: now + 250 });
    return running(stage);
  }

  /** `net`: the request's network tag; one network takes at most NETWORK_SHARE claims of a drop. */
  async claim(show: Show, viewerId: string, couponId: string, net: string): Promise<{ coupon: HeldCoupon; quotaLeft: number }> {
    const { c } = this;
    requireLiveShow(c, show);
    const catalog = c.catalogOf(show);
    const coupon = catalog?.coupons.find((k) => k.id === couponId);
    if (!catalog || !coupon) throw new CommerceError(409, 'coupon_unknown', 'that coupon does not exist in this show');
    const now = c.now();
    if (!this.dropOnStage(show.id, couponId, now)) throw new CommerceError(409, 'coupon_expired', 'this coupon drop has ended');
    if (coupon.validFrom && Date.parse(coupon.validFrom) > now) throw new CommerceError(409, 'coupon_not_started', 'this coupon is not valid yet');
    if (coupon.validUntil && Date.parse(coupon.validUntil) <= now) throw new CommerceError(409, 'coupon_expired', 'this coupon has expired');
    // Refused without a write when the quota is gone (most of a burst); the commit checks again.
    if (!c.coupons.claimOf(show.id, coupon.id, viewerId) && c.coupons.claimCount(show.id, coupon.id) >= coupon.totalQuota) throw new CommerceError(409, 'coupon_used_up', 'all of this coupon has been claimed');
    const overShare = () => !c.coupons.claimOf(show.id, coupon.id, viewerId) && c.coupons.claimsFromNetwork(show.id, coupon.id, net) >= NETWORK_SHARE;
    const refuseShare = () => new CommerceError(409, 'network_cap', 'this coupon has been claimed from your network as often as one network may');
    if (overShare()) throw refuseShare();
    const { created, claim, count } = await c.commits.run(() => {
      if (!c.isLive(show.id)) throw new CommerceError(409, 'show_not_live', 'the show has ended');
      if (overShare()) throw refuseShare();
      const at = new Date(now).toISOString();
      c.viewers.ensureRow(show.id, viewerId, at);
      const created = c.coupons.grant(show.id, coupon, viewerId, 'drop', at, net);
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
