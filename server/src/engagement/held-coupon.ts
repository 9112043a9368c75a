import type { ShowCoupon } from '../../../common/commerce/show-catalog.js';
import type { HeldCoupon } from '../../../common/protocol/watch-api.js';
import type { Db } from '../db/database.js';

/**
 * A coupon as the viewer holding it sees it (the quiz outcome shows the prize). Uses left =
 * the per-viewer cap minus this viewer's orders that used it and still stand (a cancelled order
 * gives its use back). null when the viewer holds no claim on it.
 */
export function heldCoupon(db: Db, showId: string, coupon: ShowCoupon, viewerId: string): HeldCoupon | null {
  const claim = db.prepare('SELECT source FROM coupon_claims WHERE show_id = ? AND coupon_id = ? AND viewer_id = ?').get(showId, coupon.id, viewerId) as
    | { source: 'drop' | 'quiz' | 'code' }
    | undefined;
  if (!claim) return null;
  const used = (
    db.prepare("SELECT COUNT(*) AS n FROM orders WHERE show_id = ? AND viewer_id = ? AND coupon_id = ? AND status <> 'cancelled'").get(showId, viewerId, coupon.id) as { n: number }
  ).n;
  return {
    couponId: coupon.id,
    code: coupon.code,
    kind: coupon.kind,
    amount: coupon.amount,
    currency: coupon.currency,
    minOrder: coupon.minOrder,
    usesLeft: Math.max(0, coupon.perViewerCap - used),
    // A code typed at checkout is held like a dropped one.
    source: claim.source === 'quiz' ? 'quiz' : 'drop',
    validUntil: coupon.validUntil,
  };
}
