import { describe, expect, it } from 'vitest';
import { CouponInput, ProductInput, QuizInput } from './catalog.js';
import { formatMoney, parseMajorAmount } from './money.js';

const product = { name: '린넨 셔츠', price: 39000, stock: 10 };

describe('catalog validation', () => {
  it('accepts a plain product with KRW defaults', () => {
    const p = ProductInput.parse(product);
    expect(p).toMatchObject({ currency: 'KRW', salePrice: null, options: [], images: [] });
  });

  it.each([
    [{ ...product, price: -1 }, 'price cannot be negative'],
    [{ ...product, price: 1e12 }, 'price is not plausible'],
    [{ ...product, stock: -3 }, 'stock cannot be negative'],
    [{ ...product, stock: 1.5 }, 'stock must be a whole number'],
    [{ ...product, salePrice: 39000 }, 'sale price must be lower than the price'],
    [{ ...product, options: [{ id: 'o1', name: 'M', stock: 3 }] }, 'stock must equal'],
    [{ ...product, externalUrl: 'javascript:alert(1)' }, 'http'],
    [{ ...product, images: ['../../etc/passwd'] }, 'image reference'],
    [{ ...product, name: 'x'.repeat(81) }, 'longer than 80'],
  ])('rejects %j with a reason', (input, reason) => {
    const r = ProductInput.safeParse(input);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(reason);
  });

  it('checks coupons and quizzes', () => {
    expect(CouponInput.safeParse({ code: 'live10', kind: 'percent', amount: 10, totalQuota: 100 }).data?.code).toBe('LIVE10');
    expect(CouponInput.safeParse({ code: 'X', kind: 'percent', amount: 10, totalQuota: 100 }).success).toBe(false);
    expect(CouponInput.safeParse({ code: 'BIG', kind: 'percent', amount: 150, totalQuota: 100 }).success).toBe(false);
    expect(CouponInput.safeParse({ code: 'WIN', kind: 'fixed', amount: 3000, totalQuota: 5, validFrom: '2026-12-02T00:00:00Z', validUntil: '2026-12-01T00:00:00Z' }).success).toBe(false);
    expect(QuizInput.safeParse({ question: '?', choices: ['a', 'b'], correctIndex: 2, timeLimitSec: 30, winners: 1 }).success).toBe(false);
    expect(QuizInput.safeParse({ question: '?', choices: ['a'], correctIndex: 0, timeLimitSec: 30, winners: 1 }).success).toBe(false);
  });
});

describe('money', () => {
  it('parses major amounts into minor units per currency', () => {
    expect(parseMajorAmount('39,000', 'KRW')).toBe(39000);
    expect(parseMajorAmount('₩ 1,200', 'KRW')).toBe(1200);
    expect(parseMajorAmount('12.5', 'USD')).toBe(1250);
    expect(parseMajorAmount('12.345', 'USD')).toBeNull();
    expect(parseMajorAmount('12.5', 'KRW')).toBeNull();
    expect(parseMajorAmount('-5', 'KRW')).toBeNull();
    expect(parseMajorAmount('abc', 'KRW')).toBeNull();
    expect(formatMoney(39000, 'KRW')).toMatch(/39,000/);
  });
});
