import type Database from 'better-sqlite3';
import { StudioError } from '../../common/ipc-contract.js';
import { CouponInput, Id, type Coupon } from '../../common/commerce/catalog.js';
import { deletedLabel, forgetDeleted, itemGone, newId, nowIso, parseInput, parseStoredItem, rememberDeleted } from './store-util.js';

interface CouponRow {
  id: string;
  code: string;
  kind: string;
  amount: number;
  currency: string;
  min_order: number;
  total_quota: number;
  per_viewer_cap: number;
  valid_from: string | null;
  valid_until: string | null;
  product_ids: string | null;
  updated_at: string;
}

/** Coupons. Codes are unique (case-insensitive: they are stored upper-case), so a viewer's code means one coupon. */
export class CouponStore {
  constructor(private readonly db: Database.Database) {}

  list(): Coupon[] {
    return (this.db.prepare('SELECT * FROM coupons ORDER BY created_at, rowid').all() as CouponRow[]).map(toCoupon);
  }

  get(id: string): Coupon | null {
    const row = this.db.prepare('SELECT * FROM coupons WHERE id = ?').get(id) as CouponRow | undefined;
    return row ? toCoupon(row) : null;
  }

  deletedCode(id: string): string | null {
    return deletedLabel(this.db, 'coupon', id);
  }

  save(id: string | undefined, input: unknown): Coupon {
    const couponId = id === undefined ? newId() : parseInput(Id, id);
    const c = parseInput(CouponInput, input);
    const now = nowIso();
    this.db.transaction(() => {
      const clash = this.db.prepare('SELECT id FROM coupons WHERE code = ? AND id <> ?').pluck().get(c.code, couponId);
      if (clash) throw StudioError.refuse({ reason: 'couponCodeTaken', args: { code: c.code } });
      for (const productId of c.productIds ?? []) this.requireProduct(productId);
      this.db
        .prepare(
          `INSERT INTO coupons (id, code, kind, amount, currency, min_order, total_quota, per_viewer_cap, valid_from, valid_until, product_ids, created_at, updated_at)
           VALUES (@id, @code, @kind, @amount, @currency, @minOrder, @totalQuota, @perViewerCap, @validFrom, @validUntil, @productIds, @now, @now)
           ON CONFLICT(id) DO UPDATE SET code = excluded.code, kind = excluded.kind, amount = excluded.amount, currency = excluded.currency,
             min_order = excluded.min_order, total_quota = excluded.total_quota, per_viewer_cap = excluded.per_viewer_cap,
             valid_from = excluded.valid_from, valid_until = excluded.valid_until, product_ids = excluded.product_ids, updated_at = excluded.updated_at`,
        )
        .run({ id: couponId, ...c, productIds: c.productIds ? JSON.stringify(c.productIds) : null, now });
      forgetDeleted(this.db, 'coupon', couponId);
    })();
    return this.get(couponId)!;
  }

  /** A coupon may only name products in the catalog: a deleted one is refused by its old name. */
  private requireProduct(productId: string): void {
    if (this.db.prepare('SELECT 1 FROM products WHERE id = ?').pluck().get(productId)) return;
    const name = deletedLabel(this.db, 'product', productId);
    throw StudioError.refuse(name ? { reason: 'couponProductDeleted', args: { productName: name } } : { reason: 'couponProductUnknown', args: { productId } });
  }

  /**
   * Takes a product being deleted out of the coupons that name it (inside the caller's
   * transaction). A coupon that covers that product alone would silently become a coupon for
   * every product, so the delete is refused instead, naming the coupon.
   */
  dropProduct(productId: string, productName: string): void {
    for (const c of this.list()) {
      if (!c.productIds?.includes(productId)) continue;
      const rest = c.productIds.filter((id) => id !== productId);
      if (!rest.length) throw StudioError.refuse({ reason: 'productOnlyInCoupon', args: { code: c.code, productName } });
      this.db.prepare('UPDATE coupons SET product_ids = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(rest), nowIso(), c.id);
    }
  }

  /** Refused while a quiz hands this coupon out as its reward: the quiz would silently lose its prize. */
  delete(id: string): void {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT code FROM coupons WHERE id = ?').get(id) as { code: string } | undefined;
      if (!row) throw itemGone('coupon');
      const quiz = this.db.prepare('SELECT question FROM quizzes WHERE reward_coupon_id = ? LIMIT 1').pluck().get(id) as string | undefined;
      if (quiz) throw StudioError.refuse({ reason: 'couponIsQuizReward', args: { code: row.code, question: quiz } });
      this.db.prepare('DELETE FROM coupons WHERE id = ?').run(id);
      rememberDeleted(this.db, 'coupon', id, row.code);
    })();
  }
}

function toCoupon(r: CouponRow): Coupon {
  const input = parseStoredItem(
    CouponInput,
    {
      code: r.code,
      kind: r.kind,
      amount: r.amount,
      currency: r.currency,
      minOrder: r.min_order,
      totalQuota: r.total_quota,
      perViewerCap: r.per_viewer_cap,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      productIds: r.product_ids === null ? null : (JSON.parse(r.product_ids) as unknown),
    },
    'coupon',
    r.code,
  );
  return { id: r.id, updatedAt: r.updated_at, ...input };
}
