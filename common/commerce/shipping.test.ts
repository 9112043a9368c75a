import { describe, expect, it } from 'vitest';
import { remoteZoneOf } from './remote-postcodes.js';
import { shippingFor } from './shipping.js';

const payment = { shippingFee: 3000, freeShippingFrom: 50000, remoteSurcharge: { jeju: 3000, island: 5000 } };

describe('remote postcode zones', () => {
  it('places Jeju at both ends of 63000–63644 and nothing just outside', () => {
    expect(remoteZoneOf('63002')).toBe('jeju');
    expect(remoteZoneOf('63644')).toBe('jeju');
    expect(remoteZoneOf('63309')).toBe('jeju'); // 제주시 연동
    expect(remoteZoneOf('63645')).toBe('mainland');
    expect(remoteZoneOf('62999')).toBe('mainland');
  });
  it("counts Jeju's off-shore islands (추자도, 우도) as islands", () => {
    expect(remoteZoneOf('63000')).toBe('island');
    expect(remoteZoneOf('63001')).toBe('island');
    expect(remoteZoneOf('63365')).toBe('island');
  });
  it('places 울릉도, 옹진군 and 신안군 as islands, Seoul and Busan as mainland', () => {
    expect(remoteZoneOf('40240')).toBe('island'); // 울릉
    expect(remoteZoneOf('23100')).toBe('island'); // 옹진
    expect(remoteZoneOf('58830')).toBe('island'); // 신안
    expect(remoteZoneOf('06236')).toBe('mainland'); // 강남
    expect(remoteZoneOf('48058')).toBe('mainland'); // 해운대
  });
  it('ignores spaces and dashes, and treats what is not a 5-digit code as mainland', () => {
    expect(remoteZoneOf(' 63-309 ')).toBe('jeju');
    expect(remoteZoneOf('690-012')).toBe('mainland'); // pre-2015 six digits: cannot be placed
    expect(remoteZoneOf('SW1A 1AA')).toBe('mainland');
    expect(remoteZoneOf('')).toBe('mainland');
  });
});

describe('shipping formula', () => {
  it('charges the flat fee below the free-shipping amount and waives it at the amount', () => {
    expect(shippingFor({ subtotal: 49999, payment, postcode: '06236' })).toEqual({ zone: 'mainland', base: 3000, surcharge: 0, total: 3000 });
    expect(shippingFor({ subtotal: 50000, payment, postcode: '06236' }).total).toBe(0);
  });
  it('adds the Jeju or island surcharge even when shipping is otherwise free', () => {
    expect(shippingFor({ subtotal: 10000, payment, postcode: '63309' })).toEqual({ zone: 'jeju', base: 3000, surcharge: 3000, total: 6000 });
    expect(shippingFor({ subtotal: 90000, payment, postcode: '63309' }).total).toBe(3000);
    expect(shippingFor({ subtotal: 90000, payment, postcode: '40240' }).total).toBe(5000);
  });
  it('never charges a surcharge the seller did not set, nor without a postcode', () => {
    expect(shippingFor({ subtotal: 10000, payment: { shippingFee: 3000, freeShippingFrom: null }, postcode: '63309' }).total).toBe(3000);
    expect(shippingFor({ subtotal: 10000, payment, postcode: null }).total).toBe(3000);
  });
});
