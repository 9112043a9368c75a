import { describe, expect, it } from 'vitest';
import { EMPTY_BUYER } from './checkout-form.js';
import { missingForOrder } from './checkout-missing.js';

const filled = { ...EMPTY_BUYER, name: '홍길동', phone: '010-1234-5678', postcode: '63309', line1: '제주시 연동 312-1' };

describe('what the order button waits for', () => {
  it('lists empty required fields, the consent and the way to pay, in form order', () => {
    expect(missingForOrder({ needsOption: true, buyer: EMPTY_BUYER, consent: false, pay: null, priced: false })).toEqual(['option', 'name', 'phone', 'postcode', 'line1', 'consent', 'pay']);
  });
  it('is empty once everything is there, and names the consent alone when only it is missing', () => {
    expect(missingForOrder({ needsOption: false, buyer: filled, consent: true, pay: 'bank_transfer', priced: true })).toEqual([]);
    expect(missingForOrder({ needsOption: false, buyer: filled, consent: false, pay: 'bank_transfer', priced: true })).toEqual(['consent']);
  });
  it('does not count whitespace as filled in, nor the optional detail and note', () => {
    expect(missingForOrder({ needsOption: false, buyer: { ...filled, name: '  ' }, consent: true, pay: 'card', priced: true })).toEqual(['name']);
  });
});
