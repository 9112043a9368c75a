import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/error-of.js';
import { tempStudioDb } from '../testing/temp-db.js';
import type { StudioDb } from '../store/studio-db.js';
import { Catalog } from './catalog.js';

/** Coupons limited to some products (CouponInput.productIds): stored, refused when they name no product, kept right when a product goes. */
let db: StudioDb;
let catalog: Catalog;
beforeEach(() => {
  db = tempStudioDb();
  catalog = new Catalog(db);
});
afterEach(() => db.close());

const coupon = { code: 'hat5k', kind: 'fixed' as const, amount: 5000, totalQuota: 50 };
const product = (name: string) => catalog.products.save(undefined, { name, price: 9000, stock: 4 });


describe('coupons limited to products', () => {
  it('stores the products a coupon covers and reads them back; none picked is every product (null)', () => {
    const hat = product('니트 모자');
    const socks = product('수면 양말');
    const saved = catalog.coupons.save(undefined, { ...coupon, productIds: [hat.id, socks.id] });
    expect(saved.productIds).toEqual([hat.id, socks.id]);
    expect(catalog.coupons.get(saved.id)!.productIds).toEqual([hat.id, socks.id]);
    expect(catalog.coupons.save(saved.id, { ...coupon, productIds: null }).productIds).toBeNull();
    expect(catalog.coupons.save(undefined, { ...coupon, code: 'ALL' }).productIds).toBeNull();
  });

  it('refuses an unknown product, a deleted one by its old name, a product named twice and an empty list; nothing is written', () => {
    const hat = product('니트 모자');
    const gone = product('울 코트');
    catalog.deleteProduct(gone.id);
    const unknown = errorOf(() => catalog.coupons.save(undefined, { ...coupon, productIds: [hat.id, 'never-was'] }));
    expect(unknown.code).toBe('bad_request');
    expect(unknown.message).toBe('productIds: there is no product never-was in the catalog');
    expect(errorOf(() => catalog.coupons.save(undefined, { ...coupon, productIds: [gone.id] })).message).toBe('productIds: the product “울 코트” was deleted; take it out of the coupon');
    expect(errorOf(() => catalog.coupons.save(undefined, { ...coupon, productIds: [hat.id, hat.id] })).message).toMatch(/named twice/);
    expect(errorOf(() => catalog.coupons.save(undefined, { ...coupon, productIds: [] })).code).toBe('bad_request');
    expect(catalog.coupons.list()).toEqual([]);
  });

  it('deleting a product takes it out of the coupons that name it; a coupon left with none refuses the delete', () => {
    const hat = product('니트 모자');
    const socks = product('수면 양말');
    const both = catalog.coupons.save(undefined, { ...coupon, code: 'BOTH', productIds: [hat.id, socks.id] });
    const hatOnly = catalog.coupons.save(undefined, { ...coupon, code: 'HATONLY', productIds: [hat.id] });

    const refused = errorOf(() => catalog.deleteProduct(hat.id));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('Coupon HATONLY covers only “니트 모자”. Change the products the coupon covers (or delete the coupon) first.');
    // All or nothing: the product and the other coupon are untouched.
    expect(catalog.products.get(hat.id)).not.toBeNull();
    expect(catalog.coupons.get(both.id)!.productIds).toEqual([hat.id, socks.id]);

    catalog.coupons.delete(hatOnly.id);
    catalog.deleteProduct(hat.id);
    expect(catalog.products.get(hat.id)).toBeNull();
    expect(catalog.coupons.get(both.id)!.productIds).toEqual([socks.id]);
  });

  it('a damaged list in the file is reported, not sent on', () => {
    const hat = product('니트 모자');
    const saved = catalog.coupons.save(undefined, { ...coupon, productIds: [hat.id] });
    db.db.prepare('UPDATE coupons SET product_ids = ? WHERE id = ?').run('["no spaces allowed"]', saved.id);
    expect(errorOf(() => catalog.coupons.list()).code).toBe('internal');
  });
});
