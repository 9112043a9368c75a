import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../i18n/strings.js';
import { checkPayment, toDraft } from './payment-draft.js';

const base = toDraft({ bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000, freeShippingFrom: 50000 });

describe('payment form', () => {
  it('shows amounts with separators and reads them back', () => {
    expect(base).toMatchObject({ fee: '3,000', freeFrom: '50,000', freeOn: true, bankOn: false });
    expect(checkPayment({ ...base, fee: '2,500', freeFrom: '₩70,000' }, dictionaries.en)).toEqual({
      settings: { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 2500, freeShippingFrom: 70000 },
      errors: null,
    });
    expect(checkPayment({ ...base, freeOn: false }, dictionaries.en).settings?.freeShippingFrom).toBeNull();
  });

  it('carries the Jeju and island surcharge only when the seller turns it on, and refuses a bad amount', () => {
    expect(base.remoteOn).toBe(false);
    expect(checkPayment(base, dictionaries.en).settings).not.toHaveProperty('remoteSurcharge');
    expect(checkPayment({ ...base, remoteOn: true, jeju: '3,000', island: '7,000' }, dictionaries.en).settings?.remoteSurcharge).toEqual({ jeju: 3000, island: 7000 });
    expect(checkPayment({ ...base, remoteOn: true, jeju: '-5', island: '7,000' }, dictionaries.ko).errors).toHaveProperty(['remoteSurcharge.jeju']);
    expect(toDraft({ ...checkPayment({ ...base, remoteOn: true, jeju: '4,000', island: '6,000' }, dictionaries.en).settings! })).toMatchObject({ remoteOn: true, jeju: '4,000', island: '6,000' });
  });

  it('says what is wrong with a negative, fractional or huge surcharge, in Korean and English', () => {
    const on = { ...base, remoteOn: true, jeju: '3,000', island: '5,000' };
    expect(checkPayment({ ...on, jeju: '-3,000' }, dictionaries.ko).errors).toEqual({ 'remoteSurcharge.jeju': ['0 이상으로 입력하세요'] });
    expect(checkPayment({ ...on, island: '3000.5' }, dictionaries.ko).errors).toEqual({ 'remoteSurcharge.island': ['원 단위 정수로 입력하세요 (예: 3,000)'] });
    expect(checkPayment({ ...on, island: '3000.5' }, dictionaries.en).errors).toEqual({ 'remoteSurcharge.island': ['Whole won only (e.g. 3,000)'] });
    expect(checkPayment({ ...on, jeju: '2,000,000' }, dictionaries.ko).errors).toEqual({ 'remoteSurcharge.jeju': ['1,000,000 이하여야 합니다'] });
    expect(checkPayment({ ...on, jeju: '제주' }, dictionaries.ko).errors).toEqual({ 'remoteSurcharge.jeju': ['숫자를 입력하세요'] });
    expect(checkPayment({ ...on, jeju: '1,000,000', island: '0' }, dictionaries.en).settings?.remoteSurcharge).toEqual({ jeju: 1_000_000, island: 0 });
    // Off: whatever is typed in the hidden fields is neither checked nor sent.
    expect(checkPayment({ ...on, remoteOn: false, jeju: '-1' }, dictionaries.ko).settings).not.toHaveProperty('remoteSurcharge');
  });

  it('points each mistake at its field, in the seller’s language', () => {
    const bad = checkPayment({ ...base, bankOn: true, bank: '국민', account: '12-AB', holder: '', fee: '-1' }, dictionaries.ko);
    expect(bad.settings).toBeNull();
    expect(bad.errors).toMatchObject({
      'bankTransfer.accountNumber': ['계좌번호는 숫자와 -만 입력하세요'],
      'bankTransfer.holder': [expect.any(String)],
      shippingFee: [expect.any(String)],
    });
    expect(checkPayment({ ...base, cod: false }, dictionaries.ko).errors).toEqual({ methods: ['결제 방법을 하나 이상 켜 주세요'] });
    expect(checkPayment({ ...base, fee: 'abc' }, dictionaries.en).errors).toEqual({ shippingFee: ['Enter a number'] });
  });

  it('carries the payment window of bank transfers (30 minutes unless the seller sets it) and refuses one out of range', () => {
    const bank = { ...base, bankOn: true, bank: '국민은행', account: '123-456-789012', holder: '김판매' };
    expect(bank.window).toBe('30');
    expect(checkPayment({ ...bank, window: '45' }, dictionaries.en).settings?.bankTransfer).toMatchObject({ paymentWindowMinutes: 45 });
    expect(toDraft(checkPayment({ ...bank, window: '45' }, dictionaries.en).settings!).window).toBe('45');
    expect(checkPayment({ ...bank, window: '0' }, dictionaries.ko).errors).toMatchObject({ 'bankTransfer.paymentWindowMinutes': [expect.any(String)] });
    expect(checkPayment({ ...bank, window: '반시간' }, dictionaries.ko).errors).toMatchObject({ 'bankTransfer.paymentWindowMinutes': [expect.any(String)] });
  });
});
