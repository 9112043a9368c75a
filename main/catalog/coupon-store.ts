import type Database from 'better-sqlite3';
import { ERROR_CODES } from '../../common/errors.js';
import { StudioError } from '../../common/ipc-contract.js';
import { CouponInput, Id, type Coupon } from '../../common/commerce/catalog.js';
import { deletedLabel, forgetDeleted, newId, notFound, nowIso, parseInput, parseStored, rememberDeleted } from './store-util.js';

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
      if (clash) throw new StudioError(ERROR_CODES.conflict, `code: another coupon already uses the code ${c.code}`);
      this.db
        .prepare(
          `INSERT INTO coupons (id, code, kind, amount, currency, min_order, total_quota, per_viewer_cap, valid_from, valid_until, created_at, updated_at)
           VALUES (@id, @code, @kind, @amount, @currency, @minOrder, @totalQuota, @perViewerCap, @validFrom, @validUntil, @now, @now)
           ON CONFLICT(id) DO UPDATE SET code = excluded.code, kind = excluded.kind, amount = excluded.amount, currency = excluded.currency,
             min_order = excluded.min_order, total_quota = excluded.total_quota, per_viewer_cap = excluded.per_viewer_cap,
             valid_from = excluded.valid_from, valid_until = excluded.valid_until, updated_at = excluded.updated_at`,
        )
        .run({ id: couponId, ...c, now });
      forgetDeleted(this.db, 'coupon', couponId);
    })();
    return this.get(couponId)!;
  }

  /** Refused while a quiz hands this coupon out as its reward: the quiz would silently lose its prize. */
  delete(id: string): void {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT code FROM coupons WHERE id = ?').get(id) as { code: string } | undefined;
      if (!row) throw notFound('That coupon is no longer in the catalog.');
      const quiz = this.db.prepare('SELECT question FROM quizzes WHERE reward_coupon_id = ? LIMIT 1').pluck().get(id) as string | undefined;
      if (quiz) throw new StudioError(ERROR_CODES.conflict, `Coupon ${row.code} is the reward of the quiz “${quiz}”. Choose another reward there first.`);
      this.db.prepare('DELETE FROM coupons WHERE id = ?').run(id);
      rememberDeleted(this.db, 'coupon', id, row.code);
    })();
  }
}

function toCoupon(r: CouponRow): Coupon {
  const input = parseStored(
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
    },
    `coupon ${r.code}`,
  );
  return { id: r.id, updatedAt: r.updated_at, ...input };
}
