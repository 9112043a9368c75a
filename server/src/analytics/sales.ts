import type { Db } from '../db/database.js';

/**
 * What the dashboard reads about sales. The checkout's order and coupon stores answer the same
 * questions; until they are wired in, SqlSales reads the orders and coupon_claims tables itself.
 * An order *stands* while awaiting payment or paid (not cancelled or refunded).
 */
export interface SalesReader {
  showTotals(showId: string): { orders: number; buyers: number; revenue: number };
  productTotals(showId: string): { productId: string; buyers: number; units: number; revenue: number }[];
  /** Orders placed before any segment started count under segmentId null. */
  segmentTotals(showId: string): { segmentId: string | null; orders: number; revenue: number }[];
  claimCounts(showId: string): { couponId: string; claimed: number }[];
  redemptions(showId: string): { couponId: string; redeemed: number; discountGiven: number }[];
}

export const STANDING = "status IN ('awaiting_payment', 'paid')";

export class SqlSales implements SalesReader {
  constructor(private readonly db: Db) {}

  showTotals(showId: string) {
    return this.db.prepare(`SELECT COUNT(*) AS orders, COUNT(DISTINCT viewer_id) AS buyers, COALESCE(SUM(total), 0) AS revenue FROM orders WHERE show_id = ? AND ${STANDING}`).get(showId) as {
      orders: number;
      buyers: number;
      revenue: number;
    };
  }

  productTotals(showId: string) {
    return this.db
      .prepare(`SELECT product_id AS productId, COUNT(DISTINCT viewer_id) AS buyers, SUM(quantity) AS units, SUM(total) AS revenue FROM orders WHERE show_id = ? AND ${STANDING} GROUP BY product_id`)
      .all(showId) as { productId: string; buyers: number; units: number; revenue: number }[];
  }

  segmentTotals(showId: string) {
    return this.db.prepare(`SELECT segment_id AS segmentId, COUNT(*) AS orders, SUM(total) AS revenue FROM orders WHERE show_id = ? AND ${STANDING} GROUP BY segment_id`).all(showId) as {
      segmentId: string | null;
      orders: number;
      revenue: number;
    }[];
  }

  claimCounts(showId: string) {
    return this.db.prepare('SELECT coupon_id AS couponId, COUNT(*) AS claimed FROM coupon_claims WHERE show_id = ? GROUP BY coupon_id').all(showId) as { couponId: string; claimed: number }[];
  }

  redemptions(showId: string) {
    return this.db
      .prepare(`SELECT coupon_id AS couponId, COUNT(*) AS redeemed, SUM(discount) AS discountGiven FROM orders WHERE show_id = ? AND coupon_id IS NOT NULL AND ${STANDING} GROUP BY coupon_id`)
      .all(showId) as { couponId: string; redeemed: number; discountGiven: number }[];
  }
}
