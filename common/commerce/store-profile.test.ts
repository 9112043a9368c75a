import { describe, expect, it } from 'vitest';
import { sampleStoreProfile } from '../testing/store-profile-sample.js';
import { BusinessNumber, businessNumberValid, formatKoreanPhone, StoreProfile } from './store-profile.js';
import { STORE_PROFILE_MESSAGES_KO } from './store-profile-messages-ko.js';

describe('사업자등록번호 checksum', () => {
  it('accepts real registered numbers, with or without dashes', () => {
    // Naver, Samsung Electronics, Kakao: published on their sites' footers.
    for (const n of ['220-81-62517', '124-81-00998', '1208147521']) expect(businessNumberValid(n)).toBe(true);
  });

  it('refuses every single-digit change of a valid number (the check digit catches it)', () => {
    const digits = '2208162517';
    for (let i = 0; i < 10; i++)
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[i]) continue;
        const changed = digits.slice(0, i) + d + digits.slice(i + 1);
        // A change in position 9 can only be caught by position 10; every other change too, except
        // when the weighted sum happens to move by a multiple of 10 (weight 5 × even difference at 9).
        if (i === 8) continue;
        expect(businessNumberValid(changed), changed).toBe(false);
      }
  });

  it('refuses wrong lengths and letters, and writes the official 000-00-00000 form', () => {
    for (const n of ['220816251', '22081625170', '220-81-6251A', '', '220 81 62517']) expect(businessNumberValid(n)).toBe(false);
    expect(BusinessNumber.parse('2208162517')).toBe('220-81-62517');
    expect(BusinessNumber.safeParse('123-45-67890').error?.issues[0]?.message).toMatch(/check digit/);
  });
});

describe('shop phone numbers', () => {
  it('formats the numbers Korean shops answer', () => {
    expect(formatKoreanPhone('0212345678')).toBe('02-1234-5678');
    expect(formatKoreanPhone('02-123-4567')).toBe('02-123-4567');
    expect(formatKoreanPhone('031 123 4567')).toBe('031-123-4567');
    expect(formatKoreanPhone('01012345678')).toBe('010-1234-5678');
    expect(formatKoreanPhone('15881234')).toBe('1588-1234');
    expect(formatKoreanPhone('07012345678')).toBe('070-1234-5678');
    expect(formatKoreanPhone('050412345678')).toBe('0504-1234-5678');
  });

  it('refuses what is not one', () => {
    for (const p of ['12345', '010-1234-56', '+1 555 123 4567', '02-1234-56789', '0101234567a', '1234-5678', '099-123-4567']) expect(formatKoreanPhone(p), p).toBeNull();
  });
});

describe('StoreProfile', () => {
  it('parses a full profile and writes numbers in their official form', () => {
    const p = StoreProfile.parse(sampleStoreProfile());
    expect(p).toMatchObject({ businessNumber: '220-81-62517', phone: '02-1234-5678', returns: { periodDays: 7 } });
    expect(StoreProfile.parse(p)).toEqual(p); // reading back what was stored gives the same profile
  });

  it('refuses unknown fields, too-long text, control characters and a period under 7 days', () => {
    const bad = [
      { ...sampleStoreProfile(), isAdmin: true },
      sampleStoreProfile({ businessName: '가'.repeat(10_000) }),
      sampleStoreProfile({ representative: '김\u0007봄' }),
      sampleStoreProfile({ returns: { periodDays: 3, shippingFee: 3000, address: '서울', note: '' } }),
      sampleStoreProfile({ email: 'not-an-email' }),
      sampleStoreProfile({ mailOrderNumber: '2024-01234' }),
    ];
    for (const b of bad) expect(StoreProfile.safeParse(b).success, JSON.stringify(b).slice(0, 80)).toBe(false);
    expect(StoreProfile.safeParse(sampleStoreProfile({ mailOrderNumber: null, privacyOfficer: null })).success).toBe(true);
  });

  it('has a Korean message for every message the schema can give', () => {
    const messages = new Set<string>();
    const probe = (over: Record<string, unknown>) => StoreProfile.safeParse({ ...sampleStoreProfile(), ...over }).error?.issues.forEach((i) => messages.add(i.message));
    probe({ businessName: '', representative: 'x'.repeat(31), businessNumber: '123-45-67890', phone: '1', email: 'x', mailOrderNumber: 'x', address: 'a\u0001' });
    probe({ returns: { periodDays: 1.5, shippingFee: -1, address: '', note: 'x'.repeat(501) }, privacyOfficer: { name: '', contact: '' } });
    expect(messages.size).toBeGreaterThan(8);
    expect([...messages].filter((m) => !STORE_PROFILE_MESSAGES_KO[m])).toEqual([]);
  });
});
