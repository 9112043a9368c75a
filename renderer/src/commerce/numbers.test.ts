import { describe, expect, it } from 'vitest';
import type { SellerOrder } from '../../../common/commerce/order.js';
import { addSample, fraction, frameFor, funnel, niceMax, stepPoints, ticks, xAt, yAt } from './charts.js';
import { addressText, conversionPct, formatPct, isRehearsalOrder, money, orderActions, orderLine, sharePct } from './numbers.js';
import { mergeOrder } from './orders-merge.js';

describe('conversion and percentages', () => {
  it('is buyers ÷ unique viewers in percent, and no figure before anyone watched', () => {
    expect(conversionPct(3, 60)).toBe(5);
    expect(conversionPct(0, 10)).toBe(0);
    expect(conversionPct(2, 0)).toBeNull();
  });
  it('shows one decimal below 10 %, none above, a dash for no figure', () => {
    expect(formatPct(4.1666, 'en')).toBe('4.2%');
    expect(formatPct(12.5, 'ko')).toBe('13%');
    expect(formatPct(0, 'en')).toBe('0%');
    expect(formatPct(null, 'en')).toBe('—');
    expect(sharePct(1, 4)).toBe(25);
    expect(sharePct(1, 0)).toBeNull();
  });
  it('formats won without decimals in both languages', () => {
    expect(money(39000, 'KRW', 'ko')).toBe('₩39,000');
    expect(money(1999, 'USD', 'en')).toBe('$19.99');
  });
});

const order = (over: Partial<SellerOrder> = {}): SellerOrder => ({
  id: 'o1',
  number: 'LC-20250501-0001',
  showId: 's1',
  createdAt: '2025-05-01T10:00:00.000Z',
  updatedAt: '2025-05-01T10:00:00.000Z',
  status: 'awaiting_payment',
  payment: 'bank_transfer',
  quote: { currency: 'KRW', unitPrice: 29000, quantity: 2, subtotal: 58000, discount: 0, shipping: 0, total: 58000, couponCode: null, productName: '니트', optionName: 'M' },
  payTo: null,
  viewerId: 'v'.repeat(16),
  nickname: null,
  buyer: { name: '<img src=x onerror=alert(1)>', phone: '010-1234-5678', address: { postcode: '06236', line1: '서울 강남구 테헤란로 427', line2: '10층' }, note: '' },
  segmentId: null,
  ...over,
});

describe('orders', () => {
  it('describe the line, the address, and the rehearsal label', () => {
    expect(orderLine(order())).toBe('니트 · M × 2');
    expect(addressText(order().buyer!)).toBe('(06236) 서울 강남구 테헤란로 427 10층');
    expect(isRehearsalOrder(order(), { rehearsalOf: null })).toBe(false);
    expect(isRehearsalOrder(order({ number: 'R-20250501-0001' }), { rehearsalOf: null })).toBe(true);
    expect(isRehearsalOrder(order(), { rehearsalOf: 's0' })).toBe(true);
  });
  it('offer only the actions that fit the status', () => {
    expect(orderActions(order())).toEqual({ markPaid: true, cancel: true, refund: false, erase: true });
    expect(orderActions(order({ status: 'paid' }))).toEqual({ markPaid: false, cancel: false, refund: true, erase: true });
    expect(orderActions(order({ status: 'refunded', buyer: null }))).toEqual({ markPaid: false, cancel: false, refund: false, erase: false });
  });
  it('merge live updates: newest on top, a newer copy replaces, an older one does not', () => {
    const a = order();
    const b = order({ id: 'o2', number: 'LC-20250501-0002', createdAt: '2025-05-01T10:05:00.000Z', updatedAt: '2025-05-01T10:05:00.000Z' });
    let list = mergeOrder([], a);
    list = mergeOrder(list, b);
    expect(list.map((o) => o.id)).toEqual(['o2', 'o1']);
    list = mergeOrder(list, { ...a, status: 'paid', updatedAt: '2025-05-01T11:00:00.000Z' });
    expect(list.find((o) => o.id === 'o1')?.status).toBe('paid');
    list = mergeOrder(list, { ...a, status: 'awaiting_payment' });
    expect(list.find((o) => o.id === 'o1')?.status).toBe('paid');
    expect(list).toHaveLength(2);
    // A list read from the relay is not overwritten by an event copy of the same moment.
    const paidNow = { ...b, status: 'paid' as const };
    expect(mergeOrder([paidNow], b, true)[0]!.status).toBe('paid');
    expect(mergeOrder([paidNow], b)[0]!.status).toBe('awaiting_payment');
  });
});

describe('chart geometry', () => {
  it('rounds axis maxima up to nice numbers', () => {
    expect([0, 1, 3, 7, 12, 180, 2400].map((v) => niceMax(v))).toEqual([1, 1, 5, 10, 20, 200, 2500]);
    expect(niceMax(3, 5)).toBe(5);
    expect(ticks(20, 4)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ticks(500)).toEqual([0, 125, 250, 375, 500]);
    expect(ticks(250)).toEqual([0, 50, 100, 150, 200, 250]);
  });
  it('scales time and viewers into the frame, including a single moment', () => {
    const f = frameFor([{ at: 1000, viewers: 0 }, { at: 61_000, viewers: 8 }], 600, 100);
    expect(f.max).toBe(10);
    expect(xAt(f, 1000)).toBe(0);
    expect(xAt(f, 61_000)).toBe(600);
    expect(yAt(f, 8)).toBeCloseTo(20);
    expect(yAt(f, 50)).toBe(0); // clamped at the top
    const one = frameFor([{ at: 5000, viewers: 2 }], 600, 100);
    expect(one.t1).toBeGreaterThan(one.t0);
    expect(stepPoints([{ at: 1000, viewers: 0 }, { at: 61_000, viewers: 8 }], f)).toBe('0.0,100.0 600.0,100.0 600.0,20.0');
  });
  it('includes cue markers in the time axis', () => {
    const f = frameFor([{ at: 10_000, viewers: 1 }], 100, 10, [0, 20_000]);
    expect([f.t0, f.t1]).toEqual([0, 20_000]);
  });
  it('gives bars and funnel steps their share, never beyond the track', () => {
    expect(fraction(5, 10)).toBe(0.5);
    expect(fraction(5, 0)).toBe(0);
    expect(fraction(12, 10)).toBe(1);
    expect(funnel({ saw: 200, opened: 50, startedCheckout: 10, ordered: 4 }).map((s) => s.ofFirst)).toEqual([1, 0.25, 0.05, 0.02]);
    expect(funnel({ saw: 0, opened: 0, startedCheckout: 0, ordered: 0 }).map((s) => s.ofFirst)).toEqual([0, 0, 0, 0]);
  });
  it('keeps viewer samples in order, merges bursts, caps the length', () => {
    let s = addSample([], { at: 0, viewers: 1 });
    s = addSample(s, { at: 400, viewers: 3 });
    expect(s).toEqual([{ at: 0, viewers: 3 }]);
    s = addSample(s, { at: 5000, viewers: 4 });
    s = addSample(s, { at: 4000, viewers: 9 }); // out of order: ignored
    expect(s).toEqual([{ at: 0, viewers: 3 }, { at: 5000, viewers: 4 }]);
    expect(addSample(s, { at: 9000, viewers: 5 }, 2)).toEqual([{ at: 5000, viewers: 4 }, { at: 9000, viewers: 5 }]);
  });
});
