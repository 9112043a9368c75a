import { describe, expect, it } from 'vitest';
import { shownStatus, STRINGS, toParticle } from './i18n-fulfilment.js';

describe('what the buyer is told about an order', () => {
  it('never says 입금 대기 for cash on delivery, and says 배송 중 once shipped', () => {
    const shipment = { courier: 'cj' as const, trackingNumber: '601234567890', shippedAt: '2026-12-04T10:00:00Z' };
    expect(shownStatus({ status: 'awaiting_payment', payment: 'cash_on_delivery', shipment: null })).toBe('cod_pending');
    expect(STRINGS.ko.status.cod_pending).not.toContain('입금');
    expect(shownStatus({ status: 'awaiting_payment', payment: 'bank_transfer', shipment: null })).toBe('awaiting_payment');
    expect(shownStatus({ status: 'paid', payment: 'card', shipment })).toBe('shipped');
    expect(shownStatus({ status: 'awaiting_payment', payment: 'cash_on_delivery', shipment })).toBe('shipped');
    expect(shownStatus({ status: 'refunded', payment: 'card', shipment })).toBe('refunded');
  });

  it('has every status in both languages, Korean without Latin letters', () => {
    const keys = Object.keys(STRINGS.ko.status).sort();
    expect(Object.keys(STRINGS.en.status).sort()).toEqual(keys);
    for (const k of keys) expect(STRINGS.ko.status[k as keyof typeof STRINGS.ko.status]).not.toMatch(/[A-Za-z]/);
  });
});

describe('Korean particle after a courier name', () => {
  it('says 으로 after a final consonant, 로 after a vowel or ㄹ', () => {
    expect(STRINGS.ko.shippedWith('CJ대한통운')).toBe('CJ대한통운으로 보냈어요.');
    expect(STRINGS.ko.shippedWith('우체국택배')).toBe('우체국택배로 보냈어요.');
    expect(toParticle('서울')).toBe('로');
    expect(toParticle('GS')).toBe('(으)로');
  });
});
