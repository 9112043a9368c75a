import { describe, expect, it } from 'vitest';
import { errorMessage, errorPlace, numberIn } from './api-errors.js';

const e = (code: string, message: string | null = null, status = 409) => ({ code, status, message });

describe('errorMessage', () => {
  it('says the relay’s codes in Korean and English', () => {
    expect(errorMessage(e('coupon_used_up'), 'ko')).toBe('쿠폰이 모두 소진되었어요.');
    expect(errorMessage(e('coupon_used_up'), 'en')).toBe('All of these coupons have been claimed.');
    expect(errorMessage(e('coupon_cap'), 'en')).toBe('You have already used this coupon as often as allowed.');
    expect(errorMessage(e('payment_declined', null, 402), 'ko')).toContain('거절');
  });

  it('carries the number from the relay’s message', () => {
    expect(errorMessage(e('out_of_stock', 'only 3 left'), 'ko')).toBe('재고가 3개만 남았어요. 수량을 줄여 주세요.');
    expect(errorMessage(e('out_of_stock', 'sold out'), 'en')).toBe('None left.');
    expect(errorMessage(e('coupon_min_order', 'this coupon needs an order of at least 30000'), 'ko', (n) => `₩${n.toLocaleString('en')}`)).toBe('이 쿠폰은 ₩30,000 이상 주문 시 쓸 수 있어요.');
  });

  it('falls back to the relay’s own words in English, a general sentence in Korean', () => {
    expect(errorMessage(e('brand_new_code', 'something new happened'), 'en')).toBe('Something new happened.');
    expect(errorMessage(e('brand_new_code', 'something new happened'), 'ko')).toBe('요청을 처리하지 못했어요. 다시 시도해 주세요.');
    expect(errorMessage(e('network', null, 0), 'en')).toBe('No connection. Check your internet and try again.');
  });

  it('reads numbers with thousands separators', () => {
    expect(numberIn('total is 12,900')).toBe(12900);
    expect(numberIn(null)).toBeNull();
    expect(numberIn('no digits')).toBeNull();
  });

  it('places errors next to the field they are about', () => {
    expect(errorPlace('option_required')).toBe('option');
    expect(errorPlace('out_of_stock')).toBe('quantity');
    expect(errorPlace('coupon_min_order')).toBe('coupon');
    expect(errorPlace('payment_declined')).toBe('payment');
    expect(errorPlace('total_mismatch')).toBe('form');
  });
});

describe('words for every code a viewer route may answer', () => {
  it('has Korean and English words for each error code the declared viewer routes list', async () => {
    const { RELAY_ROUTES } = await import('../../../common/api/relay-routes.js');
    const { COMMON_ERRORS } = await import('../../../common/api/error-codes.js');
    const { WORDED_CODES } = await import('./api-errors.js');
    const viewerCodes = new Set<string>(COMMON_ERRORS);
    for (const r of Object.values(RELAY_ROUTES)) if (r.auth === 'viewer') r.errors.forEach((c) => viewerCodes.add(c));
    expect([...viewerCodes].filter((c) => !WORDED_CODES.includes(c))).toEqual([]);
  });
});
