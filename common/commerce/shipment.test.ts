import { describe, expect, it } from 'vitest';
import { canShip, MarkShippedRequest, OrderLookupRequest } from './shipment.js';

describe('shipment input', () => {
  it('takes a tracking number as typed from a label and refuses what is not one', () => {
    expect(MarkShippedRequest.parse({ courier: 'cj', trackingNumber: ' 6012-3456 7890 ' })).toEqual({ courier: 'cj', trackingNumber: '601234567890' });
    for (const trackingNumber of ['12345', '<script>', '6012\u00003456', 'x'.repeat(31)]) expect(MarkShippedRequest.safeParse({ courier: 'cj', trackingNumber }).success).toBe(false);
    expect(MarkShippedRequest.safeParse({ courier: 'fedex', trackingNumber: '601234567890' }).success).toBe(false);
  });

  it('reads an order number in any case and refuses other shapes', () => {
    expect(OrderLookupRequest.parse({ number: ' lc-261122-483051 ', phone: '010-1234-5678' }).number).toBe('LC-261122-483051');
    expect(OrderLookupRequest.parse({ number: 'R-261122-483051123', phone: '+82 10 1234 5678' }).number).toBe('R-261122-483051123');
    for (const number of ['LC261122483051', 'LC-2611-483051', "LC-261122-4830' OR 1=1", '']) expect(OrderLookupRequest.safeParse({ number, phone: '010-1234-5678' }).success).toBe(false);
  });

  it('ships paid orders and cash on delivery, never unpaid transfers or cancelled orders', () => {
    expect(canShip({ status: 'paid', payment: 'bank_transfer' })).toBe(true);
    expect(canShip({ status: 'awaiting_payment', payment: 'cash_on_delivery' })).toBe(true);
    expect(canShip({ status: 'awaiting_payment', payment: 'bank_transfer' })).toBe(false);
    expect(canShip({ status: 'cancelled', payment: 'cash_on_delivery' })).toBe(false);
    expect(canShip({ status: 'expired', payment: 'bank_transfer' })).toBe(false);
  });
});
