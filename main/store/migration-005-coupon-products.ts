import type { Migration } from '../../common/migrations.js';

/**
 * A coupon may be limited to some products (`CouponInput.productIds`; NULL = every product). The
 * ids are a small JSON array, always read and written whole like quiz choices; no foreign keys:
 * deleting a product edits the coupons that name it inside the same transaction
 * (main/catalog/product-store.ts), and the common schema checks the array on every read.
 */
export const migration005CouponProducts: Migration = {
  version: 5,
  name: 'coupon products',
  sql: `
ALTER TABLE coupons ADD COLUMN product_ids TEXT CHECK (product_ids IS NULL OR (json_valid(product_ids) AND json_type(product_ids) = 'array' AND json_array_length(product_ids) >= 1));
`,
};
