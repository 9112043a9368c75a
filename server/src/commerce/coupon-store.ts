import type { ShowCatalog, ShowCoupon } from '../../../common/commerce/show-catalog.js';
import type { Db } from '../db/database.js';
import { CommerceError } from './commerce-error.js';
import { STANDING } from './order-store.js';
import { preparer } from './sql.js';

export type ClaimSource = 'drop' | 'quiz' | 'code';

export interface ClaimRow {
  couponId: string;
  viewerId: string;
  source: ClaimSource;
  claimedAt: string;
}

/**
 * Coupon claims and uses. A claim is one per viewer per coupon; the quota counts claims of every
 * source (drops, quiz rewards, codes typed at checkout). perViewerCap counts the viewer's standing
 * orders that used the coupon, so a cancelled or refunded order gives its use back.
 * Also the read side for the dashboard and report (claims and redemptions per coupon).
 */
export class CouponStore {
  private readonly q: ReturnType<typeof preparer>;

  constructor(db: Db) {
    this.q = preparer(db);
  }

  claimOf(showId: string, couponId: string, viewerId: string): ClaimRow | null {
    const row = this.q('SELECT coupon_id AS couponId, viewer_id AS viewerId, source, claimed_at AS claimedAt FROM coupon_claims WHERE show_id = ? AND coupon_id = ? AND viewer_id = ?').get(showId, couponId, viewerId) as ClaimRow | undefined;
    return row ?? null;
  }

  claimCount(showId: string, couponId: string): number {
    return (this.q('SELECT COUNT(*) AS n FROM coupon_claims WHERE show_id = ? AND coupon_id = ?').get(showId, couponId) as { n: number }).n;
  }

  usesBy(showId: string, couponId: string, viewerId: string): number {
    return (this.q(`SELECT COUNT(DISTINCT COALESCE(cart_id, id)) AS n FROM orders WHERE show_id = ? AND viewer_id = ? AND coupon_id = ? AND ${STANDING}`).get(showId, viewerId, couponId) as { n: number }).n;
  }

  /**
   * Claims within the quota; a viewer who already holds it keeps the one claim (no second quota
   * use). Returns whether a new claim was written. Call inside a transaction (the count and the
   * insert must not be split), e.g. through the CommitQueue; the quiz side grants rewards with it.
   */
  grant(showId: string, coupon: ShowCoupon, viewerId: string, source: ClaimSource, at: string, net: string | null = null): boolean {
    if (this.claimOf(showId, coupon.id, viewerId)) return false;
    if (this.claimCount(showId, coupon.id) >= coupon.totalQuota) throw new CommerceError(409, 'coupon_used_up', 'all of this coupon has been claimed');
    this.q('INSERT INTO coupon_claims (show_id, coupon_id, viewer_id, source, claimed_at, net) VALUES (?, ?, ?, ?, ?, ?)').run(showId, coupon.id, viewerId, source, at, net);
    return true;
  }

  /** Claims of a coupon made from one network (its share is NETWORK_SHARE). */
  claimsFromNetwork(showId: string, couponId: string, net: string): number {
    return (this.q('SELECT COUNT(*) AS n FROM coupon_claims WHERE show_id = ? AND coupon_id = ? AND net = ?').get(showId, couponId, net) as { n: number }).n;
  }

  heldBy(showId: string, viewerId: string): ClaimRow[] {
    return this.q('SELECT coupon_id AS couponId, viewer_id AS viewerId, source, claimed_at AS claimedAt FROM coupon_claims WHERE show_id = ? AND viewer_id = ? ORDER BY claimed_at').all(showId, viewerId) as ClaimRow[];
  }

  /** Every claim of the show (analytics). */
  claims(showId: string): ClaimRow[] {
    return this.q('SELECT coupon_id AS couponId, viewer_id AS viewerId, source, claimed_at AS claimedAt FROM coupon_claims WHERE show_id = ? ORDER BY claimed_at').all(showId) as ClaimRow[];
  }

  claimCounts(showId: string): { couponId: string; claimed: number }[] {
    return this.q('SELECT coupon_id AS couponId, COUNT(*) AS claimed FROM coupon_claims WHERE show_id = ? GROUP BY coupon_id').all(showId) as { couponId: string; claimed: number }[];
  }

  /** Standing orders that used each coupon, and the discount they gave. */
  redemptions(showId: string): { couponId: string; redeemed: number; discountGiven: number }[] {
    return this.q(`SELECT coupon_id AS couponId, COUNT(DISTINCT COALESCE(cart_id, id)) AS redeemed, SUM(discount) AS discountGiven FROM orders WHERE show_id = ? AND coupon_id IS NOT NULL AND ${STANDING} GROUP BY coupon_id`).all(showId) as {
      couponId: string;
      redeemed: number;
      discountGiven: number;
    }[];
  }
}

/** A coupon that is a quiz reward is only for the winners: typing its code does not claim it. */
export function isRewardOnly(catalog: ShowCatalog, couponId: string): boolean {
  return catalog.quizzes.some((q) => q.rewardCouponId === couponId);
}
