import type { CouponStore } from '../commerce/coupon-store.js';
import type { OrderStore } from '../commerce/order-store.js';

/**
 * What the dashboard reads about sales, answered by the checkout's own stores (one definition of
 * a standing order, of revenue and of a redemption for the whole relay). An order *stands* while
 * awaiting payment or paid (not cancelled or refunded).
 */
export interface SalesReader {
  showTotals(showId: string): { orders: number; buyers: number; revenue: number };
  productTotals(showId: string): { productId: string; buyers: number; units: number; revenue: number }[];
  /** Orders placed before any segment started count under segmentId null. */
  segmentTotals(showId: string): { segmentId: string | null; orders: number; revenue: number }[];
  claimCounts(showId: string): { couponId: string; claimed: number }[];
  redemptions(showId: string): { couponId: string; redeemed: number; discountGiven: number }[];
}

export function salesOf(orders: OrderStore, coupons: CouponStore): SalesReader {
  return {
    showTotals: (id) => orders.showTotals(id),
    productTotals: (id) => orders.productTotals(id),
    segmentTotals: (id) => orders.segmentTotals(id),
    claimCounts: (id) => coupons.claimCounts(id),
    redemptions: (id) => coupons.redemptions(id),
  };
}
