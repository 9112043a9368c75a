import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../i18n/strings.js';
import { checkCoupon, couponDraftOf, emptyCoupon } from './coupon-draft.js';

const draft = { ...emptyCoupon(), code: 'HAT5K', kind: 'fixed' as const, amount: '5,000', totalQuota: '50' };
const products = [{ id: 'hat' }, { id: 'socks' }];

describe('coupon form: the products a coupon covers', () => {
  it('none picked is every product (null); picked ones are sent in the order picked', () => {
    expect(checkCoupon(draft, dictionaries.ko, products).input?.productIds).toBeNull();
    expect(checkCoupon({ ...draft, productIds: ['socks', 'hat'] }, dictionaries.ko, products).input?.productIds).toEqual(['socks', 'hat']);
  });

  it('a picked product no longer in the catalog is refused in the seller’s language', () => {
    expect(checkCoupon({ ...draft, productIds: ['hat', 'coat'] }, dictionaries.ko, products).errors).toEqual({ productIds: ['삭제된 상품은 쿠폰에 남길 수 없어요. ✕ 표시를 눌러 빼 주세요.'] });
    expect(checkCoupon({ ...draft, productIds: ['coat'] }, dictionaries.en, products).errors?.productIds).toEqual(['A deleted product cannot stay in a coupon: tap its ✕ chip to take it out.']);
    // The catalog not loaded yet: the core checks on save.
    expect(checkCoupon({ ...draft, productIds: ['coat'] }, dictionaries.en, undefined).errors).toBeNull();
  });

  it('reads a stored coupon back into the form, its products included', () => {
    const stored = { id: 'k1', updatedAt: '', code: 'HAT5K', kind: 'fixed' as const, amount: 5000, currency: 'KRW' as const, minOrder: 0, totalQuota: 50, perViewerCap: 1, validFrom: null, validUntil: null };
    expect(couponDraftOf({ ...stored, productIds: ['hat'] }).productIds).toEqual(['hat']);
    expect(couponDraftOf({ ...stored, productIds: null }).productIds).toEqual([]);
  });
});
