import { describe, expect, it } from 'vitest';
import type { SellerOrder } from './order.js';
import { CJ_HEADER, ordersSheet, ORDERS_SHEET_EN, ORDERS_SHEET_KO } from './courier-csv.js';

const order = (over: Partial<SellerOrder> = {}): SellerOrder => ({
  id: 'o1',
  number: 'LC-261204-000001',
  showId: 's',
  createdAt: '2026-12-04T15:30:00.000Z',
  status: 'paid',
  payment: 'bank_transfer',
  quote: { currency: 'KRW', unitPrice: 29000, quantity: 2, subtotal: 58000, discount: 0, shipping: 3000, total: 61000, couponCode: null, productName: '봄 니트', optionName: '네이비' },
  payTo: null,
  shipment: null,
  viewerId: 'v',
  nickname: null,
  buyer: { name: '김봄', phone: '010-1234-5678', address: { postcode: '63309', line1: '제주특별자치도 제주시 첨단로 242', line2: '101호' }, note: '문 앞에 놓아 주세요' },
  segmentId: null,
  updatedAt: '2026-12-04T15:30:00.000Z',
  ...over,
});
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('generic orders sheet', () => {
  it('writes Korean headers and status words for a Korean UI, times in the seller’s zone with the offset', () => {
    const csv = ordersSheet([order(), order({ id: 'o2', number: 'LC-9', status: 'awaiting_payment', payment: 'cash_on_delivery' })], { format: 'generic', lang: 'ko', timeZone: 'Asia/Seoul' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [head, first, second] = lines(csv);
    expect(head).toBe(ORDERS_SHEET_KO.header.join(','));
    // 15:30 UTC is 00:30 the next day in Seoul.
    expect(first).toBe('LC-261204-000001,2026-12-05 00:30:00 +09:00,결제 완료,봄 니트,네이비,2,61000,3000,무통장 입금,김봄,010-1234-5678,63309,제주특별자치도 제주시 첨단로 242,101호,문 앞에 놓아 주세요,,');
    expect(second).toContain(',착불 · 발송 대기,');
  });

  it('writes English headers and words for an English UI, and the courier once shipped', () => {
    const csv = ordersSheet([order({ shipment: { courier: 'cj', trackingNumber: '601234567890', shippedAt: '2026-12-05T01:00:00Z' } })], { format: 'generic', lang: 'en', timeZone: 'UTC' });
    const [head, row] = lines(csv);
    expect(head).toBe(ORDERS_SHEET_EN.header.join(','));
    expect(row).toContain('2026-12-04 15:30:00 +00:00,Shipped,');
    expect(row!.endsWith(',CJ Logistics,601234567890')).toBe(true);
    expect(csv).not.toMatch(/결제|배송|주문/);
  });

  it('keeps a buyer’s formula inert and says when the buyer’s data was erased', () => {
    const csv = ordersSheet([order({ buyer: { ...order().buyer!, name: '=cmd|calc' } }), order({ id: 'o3', number: 'LC-3', buyer: null })], { format: 'generic', lang: 'ko', timeZone: 'Asia/Seoul' });
    expect(csv).toContain(",'=cmd|calc,");
    expect(lines(csv)[2]).toContain(',(삭제됨),');
  });
});

describe('CJ대한통운 bulk reservation sheet', () => {
  it('lists only orders still to ship, one parcel each, with CJ’s Korean headers whatever the UI language', () => {
    const orders = [
      order(),
      order({ id: 'o2', number: 'LC-2', status: 'awaiting_payment', payment: 'bank_transfer' }), // not paid: not yet
      order({ id: 'o3', number: 'LC-3', status: 'awaiting_payment', payment: 'cash_on_delivery' }), // COD ships before payment
      order({ id: 'o4', number: 'LC-4', shipment: { courier: 'cj', trackingNumber: '601234567890', shippedAt: 'x' } }), // already shipped
      order({ id: 'o5', number: 'LC-5', status: 'cancelled' }),
      order({ id: 'o6', number: 'LC-6', buyer: null }), // erased: nowhere to deliver
    ];
    const [head, ...rows] = lines(ordersSheet(orders, { format: 'cj', lang: 'en', timeZone: 'UTC' }));
    expect(head).toBe(CJ_HEADER.join(','));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(',,김봄,010-1234-5678,,63309,제주특별자치도 제주시 첨단로 242 101호,,LC-261204-000001,봄 니트 · 네이비 ×2,1,,,문 앞에 놓아 주세요,');
    expect(rows[1]!.split(',')[8]).toBe('LC-3');
  });
});
