import type { CartLine, Quote } from '../../../common/commerce/order.js';
import { priceLine, type PriceError } from '../../../common/commerce/pricing.js';
import type { ShowCatalog, ShowCoupon, ShowProduct } from '../../../common/commerce/show-catalog.js';
import { CommerceError } from './commerce-error.js';
import { isRewardOnly, type CouponStore } from './coupon-store.js';
import { stockError, type StockLedger } from './stock-ledger.js';

const STATUS: Record<PriceError, number> = {
  unknown_product: 400,
  unknown_option: 400,
  option_required: 400,
  out_of_stock: 409,
  coupon_unknown: 409,
  coupon_not_started: 409,
  coupon_expired: 409,
  coupon_min_order: 409,
  coupon_currency: 409,
  coupon_not_applicable: 409,
};

export interface Priced {
  quote: Quote;
  product: ShowProduct;
  coupon: ShowCoupon | null;
  /** The coupon was typed, not held: ordering claims it (source 'code') if quota is left. */
  claimByCode: boolean;
}

/**
 * The relay's price for one line: common/commerce/pricing.ts priceLine over the catalog the studio
 * handed over and the stock the relay holds, plus the checks only the relay can make (is this
 * coupon the viewer's to use: claimed, or claimable by code within the quota, and under the cap).
 */
export class Pricer {
  constructor(
    private readonly stock: StockLedger,
    private readonly coupons: CouponStore,
    /** Whether a typed code may claim the coupon now: false once a drop of it ran and ended. */
    private readonly codeOpen: (showId: string, couponId: string, now: number) => boolean = () => true,
    /** A 라이브 특가 in force at `now` (relay clock), read at each order: it ends by itself. */
    private readonly specialOf: (showId: string, productId: string, now: number) => { price: number } | null = () => null,
    /** Whether a coupon may be used in the show now at all (live-only coupons in a replay: docs/replay.md). */
    private readonly couponHolds: (showId: string, couponId: string) => boolean = () => true,
  ) {}

  price(args: { showId: string; catalog: ShowCatalog; viewerId: string; line: CartLine; couponCode: string | null; now: number; postcode?: string | null }): Priced {
    const { showId, catalog, viewerId, line, couponCode, now } = args;
    const product = this.productAt(showId, catalog, line.productId, now);
    const coupon = couponCode === null ? null : (catalog.coupons.find((c) => c.code === couponCode) ?? null);
    const stockLeft = product ? (this.stock.level(showId, product.id, line.optionId) ?? 0) : 0;
    const result = priceLine({ product, line, stockLeft, coupon, couponCode, payment: catalog.payment, now, postcode: args.postcode ?? null });
    if (!result.ok) throw result.code === 'out_of_stock' ? stockError(stockLeft) : new CommerceError(STATUS[result.code], result.code, result.message);
    const claimByCode = coupon ? this.checkCouponUse(showId, catalog, coupon, viewerId, now) : false;
    return { quote: result.quote, product: product!, coupon, claimByCode };
  }

  /** The product as it sells at `now`: a 라이브 특가 in force is its sale price (single orders and carts alike). */
  productAt(showId: string, catalog: ShowCatalog, productId: string, now: number): ShowProduct | undefined {
    const listed = catalog.products.find((p) => p.id === productId);
    const special = listed ? this.specialOf(showId, listed.id, now) : null;
    return listed && special && special.price < (listed.salePrice ?? listed.price) ? { ...listed, salePrice: special.price } : listed;
  }

  /**
   * Whether the viewer may use the coupon on one more order. Runs before ordering (to refuse early,
   * before a card is charged) and again inside the order's transaction, where it is authoritative.
   * Returns true when the viewer does not hold it yet and ordering will claim it by code.
   */
  checkCouponUse(showId: string, catalog: ShowCatalog, coupon: ShowCoupon, viewerId: string, now: number): boolean {
    if (!this.couponHolds(showId, coupon.id)) throw new CommerceError(409, 'coupon_expired', 'this coupon was for the live show only; it does not hold in the replay');
    const held = this.coupons.claimOf(showId, coupon.id, viewerId) !== null;
    if (!held) {
      if (isRewardOnly(catalog, coupon.id)) throw new CommerceError(409, 'coupon_not_claimed', 'this coupon is a quiz reward; only its winners can use it');
      // A drop's rules hold at checkout too: its code claims it only while the drop runs.
      if (!this.codeOpen(showId, coupon.id, now)) throw new CommerceError(409, 'coupon_expired', 'this coupon drop has ended');
      if (this.coupons.claimCount(showId, coupon.id) >= coupon.totalQuota) throw new CommerceError(409, 'coupon_used_up', 'all of this coupon has been claimed');
    }
    const used = this.coupons.usesBy(showId, coupon.id, viewerId);
    if (used >= coupon.perViewerCap) throw new CommerceError(409, 'coupon_cap', coupon.perViewerCap === 1 ? 'you have already used this coupon' : `you have already used this coupon on ${used} orders (at most ${coupon.perViewerCap})`);
    return !held;
  }
}
