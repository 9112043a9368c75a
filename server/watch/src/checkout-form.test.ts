import { describe, expect, it } from 'vitest';
import { clampQuantity, maxQuantity, normalizeCouponCode, storeUrl, testCardToken, validateBuyer, type BuyerDraft } from './checkout-form.js';

const good: BuyerDraft = {
  name: '김민지',
  phone: '010-1234-5678',
  postcode: '06236',
  line1: '서울특별시 강남구 테헤란로 427, 위워크타워 10층 1004호',
  line2: '1004호',
  note: '문 앞에 놓아 주세요',
};

describe('validateBuyer (common Buyer schema + Korean postcode)', () => {
  it('accepts a complete Korean address and trims it', () => {
    const r = validateBuyer({ ...good, name: '  김민지 ' }, 'ko');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.buyer.name).toBe('김민지');
      expect(r.buyer.address.postcode).toBe('06236');
      expect(r.buyer.note).toBe('문 앞에 놓아 주세요');
    }
  });

  it('fits a long road-name address (200 characters allowed)', () => {
    const long = '경기도 성남시 분당구 판교역로 235, 에이치스퀘어 엔동 7층 701호 (삼평동, 판교 테크노밸리) '.repeat(4).slice(0, 199) + '동';
    expect([...long]).toHaveLength(200);
    expect(validateBuyer({ ...good, line1: long }, 'en').ok).toBe(true);
    const r = validateBuyer({ ...good, line1: `${long}가` }, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.line1).toBe('The address can be up to 200 characters.');
  });

  it('puts each problem on its own field, in the viewer’s language', () => {
    const r = validateBuyer({ name: '', phone: 'call me', postcode: '1234', line1: ' ', line2: '', note: '' }, 'ko');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBe('받는 분 이름을 입력해 주세요.');
    expect(r.errors.phone).toContain('010-1234-5678');
    expect(r.errors.postcode).toBe('우편번호는 숫자 5자리예요 (예: 06236).');
    expect(r.errors.line1).toBe('도로명 주소를 입력해 주세요.');
    expect(r.errors.line2).toBeUndefined();
    expect(r.errors.note).toBeUndefined();
  });

  it('refuses control characters (they break the seller’s CSV)', () => {
    const r = validateBuyer({ ...good, line2: '10층\u0007' }, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.line2).toBe('The address detail contains characters that cannot be used.');
  });

  it('wants exactly 5 digits for a postcode even though the schema is looser', () => {
    const r = validateBuyer({ ...good, postcode: 'SW1A 1AA' }, 'en');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['postcode']);
  });
});

describe('quantity', () => {
  it('is 1 … min(99, stock)', () => {
    expect(maxQuantity(3)).toBe(3);
    expect(maxQuantity(500)).toBe(99);
    expect(maxQuantity(0)).toBe(0);
    expect(clampQuantity(0, 10)).toBe(1);
    expect(clampQuantity(12, 10)).toBe(10);
    expect(clampQuantity(150, 500)).toBe(99);
    expect(clampQuantity(Number.NaN, 10)).toBe(1);
    expect(clampQuantity(2.6, 10)).toBe(3);
  });
});

describe('coupon codes, test card, store link', () => {
  it('normalises typed codes', () => {
    expect(normalizeCouponCode('  live10 ')).toBe('LIVE10');
    expect(normalizeCouponCode('')).toBeNull();
    expect(normalizeCouponCode('a!')).toBe('invalid');
  });

  it('declines only the documented test card', () => {
    expect(testCardToken('4000 0000 0000 0002')).toBe('test_decline');
    expect(testCardToken('4000-0000-0000-0002')).toBe('test_decline');
    expect(testCardToken('4242 4242 4242 4242')).toBe('test_ok');
    expect(testCardToken('')).toBe('test_ok');
  });

  it('appends the coupon to the seller’s link, keeping its own query', () => {
    expect(storeUrl('https://shop.example/p/1?ref=live', 'LIVE10')).toBe('https://shop.example/p/1?ref=live&coupon=LIVE10');
    expect(storeUrl('https://shop.example/p/1', null)).toBe('https://shop.example/p/1');
    expect(storeUrl('javascript:alert(1)', 'X')).toBeNull();
    expect(storeUrl('not a url', 'X')).toBeNull();
  });
});
