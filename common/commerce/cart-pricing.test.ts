import { describe, expect, it } from 'vitest';
import { lineQuotesWithShipping, priceCart } from './cart-pricing.js';

const payment = { shippingFee: 3000, freeShippingFrom: 50000, remoteSurcharge: { jeju: 3000, island: 5000 } };

describe('cart price', () => {
  const product = (id: string, price: number) => ({ id, name: id, imageUrls: [], currency: 'KRW' as const, price, salePrice: null, stock: 10, options: [], externalUrl: null });
  const products = [product('a', 20000), product('b', 15000), product('c', 9000)];
  const base = { productOf: (id: string) => products.find((p) => p.id === id), stockOf: () => 10, payment: { bankTransfer: null, cashOnDelivery: true, card: false, ...payment }, now: 0 };
  const lines = [
    { productId: 'a', optionId: null, quantity: 1 },
    { productId: 'b', optionId: null, quantity: 1 },
    { productId: 'c', optionId: null, quantity: 1 },
  ];

  it('ships a cart once: three lines to Jeju pay one fee plus one surcharge', () => {
        const r = priceCart({ ...base, lines, postcode: '63309' });
    if (!r.ok) throw new Error(r.message);
    expect(r.quote).toMatchObject({ subtotal: 44000, shipping: 6000, shippingSurcharge: 3000, total: 50000 });
    const rows = lineQuotesWithShipping(r.quote);
    expect(rows.map((q) => q.total)).toEqual([26000, 15000, 9000]);
    expect(rows.reduce((n, q) => n + q.total, 0)).toBe(r.quote.total);
  });
  it('frees the base fee on the cart subtotal, not per line', () => {
    const r = priceCart({ ...base, lines: lines.map((l) => ({ ...l, quantity: 2 })), postcode: '06236' });
    expect(r.ok && r.quote.shipping).toBe(0); // 88000 ≥ 50000
  });
  it('names the line that cannot be priced', () => {
    const r = priceCart({ ...base, lines: [lines[0]!, { productId: 'nope', optionId: null, quantity: 1 }], postcode: null });
    expect(r).toMatchObject({ ok: false, code: 'unknown_product', lineIndex: 1 });
    const short = priceCart({ ...base, stockOf: (l) => (l.productId === 'c' ? 0 : 10), lines, postcode: null });
    expect(short).toMatchObject({ ok: false, code: 'out_of_stock', lineIndex: 2 });
  });
});
