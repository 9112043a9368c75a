import { describe, expect, it } from 'vitest';
import { PaymentOptions } from '../protocol/watch-api.js';
import { PaymentSettings, ShowCatalog } from './show-catalog.js';

const payment = { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000, freeShippingFrom: 50000 };
const product = (id: string) => ({ id, name: id, imageUrls: [], currency: 'KRW' as const, price: 9000, salePrice: null, stock: 3, options: [], externalUrl: null });
const coupon = (productIds?: string[] | null) => ({ id: 'k1', code: 'HAT5K', kind: 'fixed' as const, amount: 5000, currency: 'KRW' as const, minOrder: 0, totalQuota: 10, perViewerCap: 1, validFrom: null, validUntil: null, productIds });
const catalog = (productIds?: string[] | null) => ({ products: [product('hat'), product('socks')], coupons: [coupon(productIds)], quizzes: [], polls: [], payment });

describe('show catalog: coupons limited to products, Jeju/island surcharge', () => {
  it('takes a coupon for some products of the catalog, or for all (absent or null)', () => {
    expect(ShowCatalog.safeParse(catalog(['hat'])).success).toBe(true);
    expect(ShowCatalog.safeParse(catalog(null)).success).toBe(true);
    expect(ShowCatalog.safeParse(catalog(undefined)).success).toBe(true);
  });

  it('refuses a coupon naming a product the catalog does not have, or an empty list', () => {
    const r = ShowCatalog.safeParse(catalog(['hat', 'deleted-coat']));
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['coupons', 0, 'productIds'], message: 'coupon HAT5K names a product that is not in the catalog (deleted-coat)' });
    expect(ShowCatalog.safeParse(catalog([])).success).toBe(false);
  });

  it('surcharges are whole won from 0 to 1,000,000, declared once for the studio, the relay and the watch page', () => {
    const ok = (jeju: number, island: number) => PaymentSettings.safeParse({ ...payment, remoteSurcharge: { jeju, island } }).success;
    expect(ok(3000, 5000)).toBe(true);
    expect(ok(0, 1_000_000)).toBe(true);
    expect(ok(-1, 5000)).toBe(false);
    expect(ok(3000.5, 5000)).toBe(false);
    expect(ok(3000, 1_000_001)).toBe(false);
    expect(PaymentOptions.shape.remoteSurcharge.unwrap()).toBe(PaymentSettings.shape.remoteSurcharge.unwrap());
  });
});
