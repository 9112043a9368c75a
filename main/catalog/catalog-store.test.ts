import { describe, expect, it } from 'vitest';
import { errorOf } from '../testing/error-of.js';
import type { ProductInput } from '../../common/commerce/catalog.js';
import { pngBytes } from '../testing/images.js';
import { useTempCatalog } from '../testing/temp-catalog.js';

const t = useTempCatalog();

const knit: ProductInput = {
  name: '캐시미어 니트',
  description: '부드러운 니트',
  price: 39000,
  salePrice: 29000,
  stock: 15,
  options: [
    { id: 's', name: 'S', stock: 10 },
    { id: 'm', name: 'M', stock: 5 },
  ],
};

describe('products', () => {
  it('inserts with a generated id, lists, updates in place, and deletes with options', () => {
    const saved = t.catalog.products.save(undefined, knit);
    expect(saved.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(saved).toMatchObject({ name: '캐시미어 니트', currency: 'KRW', price: 39000, salePrice: 29000, stock: 15, images: [], externalUrl: null });
    expect(saved.options.map((o) => o.name)).toEqual(['S', 'M']);
    const other = t.catalog.products.save('my-own-id', { name: 'Tee', price: 10, stock: 0, currency: 'USD' });
    expect(other.id).toBe('my-own-id');
    expect(t.catalog.products.list().map((p) => p.id)).toEqual([saved.id, 'my-own-id']);

    const updated = t.catalog.products.save(saved.id, { ...knit, stock: 3, options: [{ id: 'l', name: 'L', stock: 3 }] });
    expect(updated).toMatchObject({ id: saved.id, stock: 3, options: [{ id: 'l', name: 'L', stock: 3 }] });
    expect(t.catalog.products.list()).toHaveLength(2);

    t.catalog.products.delete(saved.id);
    expect(t.catalog.products.get(saved.id)).toBeNull();
    expect(t.db.db.prepare('SELECT count(*) FROM product_options').pluck().get()).toBe(0);
    expect(t.catalog.products.deletedName(saved.id)).toBe('캐시미어 니트');
    expect(errorOf(() => t.catalog.products.delete(saved.id)).code).toBe('not_found');
    // Saving the id again brings it back and forgets the deletion.
    t.catalog.products.save(saved.id, knit);
    expect(t.catalog.products.deletedName(saved.id)).toBeNull();
  });

  it.each([
    ['a negative price', { ...knit, price: -1, salePrice: null }, /price cannot be negative/],
    ['an absurd price', { ...knit, price: 10 ** 12, salePrice: null }, /price is not plausible/],
    ['a fractional price', { ...knit, price: 12.5, salePrice: null }, /whole minor units/],
    ['a sale price not below the price', { ...knit, salePrice: 39000 }, /sale price must be lower/],
    ['negative stock', { ...knit, options: [], stock: -2 }, /stock cannot be negative/],
    ['absurd stock', { ...knit, options: [], stock: 5_000_000 }, /not plausible/],
    ['stock that is not the options’ sum', { ...knit, stock: 16 }, /sum of the options/],
    ['two options with one name', { ...knit, options: [{ id: 'a', name: 'S', stock: 10 }, { id: 'b', name: 's', stock: 5 }] }, /same name/],
    ['two options with one id', { ...knit, options: [{ id: 'a', name: 'S', stock: 10 }, { id: 'a', name: 'M', stock: 5 }] }, /same id/],
    ['a 10,000-character name', { ...knit, name: 'x'.repeat(10_000) }, /longer than 80/],
    ['a javascript: link', { ...knit, externalUrl: 'javascript:alert(1)' }, /http/],
    ['an image that was never added', { ...knit, images: ['a'.repeat(64) + '.png'] }, /has not been added/],
  ])('refuses %s and stores nothing', (_what, input, message) => {
    const e = errorOf(() => t.catalog.products.save(undefined, input));
    expect(e.code).toBe('bad_request');
    expect(e.message).toMatch(message);
    expect(t.catalog.products.list()).toEqual([]);
  });

  it('does not trust its caller: junk and bad ids are refused', () => {
    expect(errorOf(() => t.catalog.products.save(undefined, null)).code).toBe('bad_request');
    expect(errorOf(() => t.catalog.products.save(undefined, { name: 'x', price: '100', stock: 1 })).code).toBe('bad_request');
    expect(errorOf(() => t.catalog.products.save('../../etc', knit)).message).toMatch(/id must be/);
  });

  it('keeps images in order and links only images the studio has', () => {
    const a = t.catalog.images.addBytes(pngBytes(1, 1)).ref;
    const b = t.catalog.images.addBytes(pngBytes(2, 1)).ref;
    expect(t.catalog.products.save(undefined, { ...knit, images: [b, a] }).images).toEqual([b, a]);
  });

  it('writes a product, its options and its images in one transaction', () => {
    const ref = t.catalog.images.addBytes(pngBytes()).ref;
    const saved = t.catalog.products.save(undefined, knit);
    // Make the last write of a save fail, as a full disk or a crash would.
    t.db.db.exec("CREATE TEMP TRIGGER fail_images BEFORE INSERT ON product_images BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => t.catalog.products.save(saved.id, { ...knit, name: 'changed', stock: 1, options: [{ id: 'x', name: 'XL', stock: 1 }], images: [ref] })).toThrow(/disk full/);
    expect(() => t.catalog.products.save(undefined, { ...knit, images: [ref] })).toThrow(/disk full/);
    expect(t.catalog.products.list()).toEqual([saved]);
  });
});

describe('coupons, quizzes and polls', () => {
  const coupon = { code: 'live10', kind: 'percent' as const, amount: 10, totalQuota: 100 };

  it('saves a coupon with its code upper-cased and refuses a second coupon with the same code', () => {
    const saved = t.catalog.coupons.save(undefined, coupon);
    expect(saved).toMatchObject({ code: 'LIVE10', currency: 'KRW', minOrder: 0, perViewerCap: 1, validFrom: null, validUntil: null });
    expect(t.catalog.coupons.save(saved.id, { ...coupon, amount: 15 }).amount).toBe(15);
    const clash = errorOf(() => t.catalog.coupons.save(undefined, { ...coupon, code: 'LIVE10' }));
    expect(clash).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already uses the code LIVE10/) });
    expect(t.catalog.coupons.list()).toHaveLength(1);
  });

  it.each([
    ['a percent above 100', { ...coupon, amount: 150 }, /cannot exceed 100/],
    ['a zero quota', { ...coupon, totalQuota: 0 }, /quota must be at least 1/],
    ['an end before the start', { ...coupon, validFrom: '2025-05-02T10:00:00+09:00', validUntil: '2025-05-01T10:00:00+09:00' }, /must end after it starts/],
    ['a short code', { ...coupon, code: 'ab' }, /3–20 letters/],
  ])('refuses a coupon with %s', (_what, input, message) => {
    expect(errorOf(() => t.catalog.coupons.save(undefined, input)).message).toMatch(message);
    expect(t.catalog.coupons.list()).toEqual([]);
  });

  it('keeps a quiz’s reward coupon from being deleted under it', () => {
    const reward = t.catalog.coupons.save(undefined, coupon);
    expect(errorOf(() => t.catalog.quizzes.save(undefined, { question: 'Q?', choices: ['a', 'b'], correctIndex: 0, timeLimitSec: 30, winners: 3, rewardCouponId: 'nope' })).message).toMatch(
      /reward coupon is not in the catalog/,
    );
    const quiz = t.catalog.quizzes.save(undefined, { question: '이 니트의 소재는?', choices: ['면', '캐시미어'], correctIndex: 1, timeLimitSec: 30, winners: 3, rewardCouponId: reward.id });
    expect(quiz).toMatchObject({ choices: ['면', '캐시미어'], correctIndex: 1, winnerRule: 'first', rewardCouponId: reward.id });
    expect(errorOf(() => t.catalog.coupons.delete(reward.id))).toMatchObject({ code: 'conflict', message: expect.stringMatching(/reward of the quiz “이 니트의 소재는\?”/) });
    t.catalog.quizzes.delete(quiz.id);
    t.catalog.coupons.delete(reward.id);
    expect(t.catalog.coupons.deletedCode(reward.id)).toBe('LIVE10');
    expect(t.catalog.quizzes.deletedQuestion(quiz.id)).toBe('이 니트의 소재는?');
  });

  it('refuses a quiz whose answer is not a choice, and polls with one choice', () => {
    expect(errorOf(() => t.catalog.quizzes.save(undefined, { question: 'Q?', choices: ['a', 'b'], correctIndex: 2, timeLimitSec: 30, winners: 1 })).message).toMatch(/one of the choices/);
    expect(errorOf(() => t.catalog.polls.save(undefined, { question: 'Q?', choices: ['a'] })).message).toMatch(/at least 2 choices/);
    const poll = t.catalog.polls.save(undefined, { question: '다음 색상은?', choices: ['블랙', '아이보리', '네이비'] });
    expect(poll).toMatchObject({ durationSec: null, choices: ['블랙', '아이보리', '네이비'] });
    expect(t.catalog.polls.save(poll.id, { question: '다음 색상은?', choices: ['블랙', '아이보리'], durationSec: 60 })).toMatchObject({ id: poll.id, durationSec: 60 });
    t.catalog.polls.delete(poll.id);
    expect(t.catalog.polls.list()).toEqual([]);
    expect(errorOf(() => t.catalog.polls.delete(poll.id)).code).toBe('not_found');
  });
});

describe('coupons limited to products (CouponInput.productIds)', () => {
  const coupon = { code: 'hat5k', kind: 'fixed' as const, amount: 5000, totalQuota: 50 };
  const product = (name: string) => t.catalog.products.save(undefined, { name, price: 9000, stock: 4 });

  it('stores the products a coupon covers and reads them back; none picked is every product (null)', () => {
    const hat = product('니트 모자');
    const socks = product('수면 양말');
    const saved = t.catalog.coupons.save(undefined, { ...coupon, productIds: [hat.id, socks.id] });
    expect(saved.productIds).toEqual([hat.id, socks.id]);
    expect(t.catalog.coupons.get(saved.id)!.productIds).toEqual([hat.id, socks.id]);
    expect(t.catalog.coupons.save(saved.id, { ...coupon, productIds: null }).productIds).toBeNull();
    expect(t.catalog.coupons.save(undefined, { ...coupon, code: 'ALL' }).productIds).toBeNull();
  });

  it('refuses an unknown product, a deleted one by its old name, a product named twice and an empty list; nothing is written', () => {
    const hat = product('니트 모자');
    const gone = product('울 코트');
    t.catalog.deleteProduct(gone.id);
    const unknown = errorOf(() => t.catalog.coupons.save(undefined, { ...coupon, productIds: [hat.id, 'never-was'] }));
    expect(unknown.code).toBe('bad_request');
    expect(unknown.message).toBe('productIds: there is no product never-was in the catalog');
    expect(errorOf(() => t.catalog.coupons.save(undefined, { ...coupon, productIds: [gone.id] })).message).toBe('productIds: the product “울 코트” was deleted; take it out of the coupon');
    expect(errorOf(() => t.catalog.coupons.save(undefined, { ...coupon, productIds: [hat.id, hat.id] })).message).toMatch(/named twice/);
    expect(errorOf(() => t.catalog.coupons.save(undefined, { ...coupon, productIds: [] })).code).toBe('bad_request');
    expect(t.catalog.coupons.list()).toEqual([]);
  });

  it('deleting a product takes it out of the coupons that name it; a coupon left with none refuses the delete', () => {
    const hat = product('니트 모자');
    const socks = product('수면 양말');
    const both = t.catalog.coupons.save(undefined, { ...coupon, code: 'BOTH', productIds: [hat.id, socks.id] });
    const hatOnly = t.catalog.coupons.save(undefined, { ...coupon, code: 'HATONLY', productIds: [hat.id] });

    const refused = errorOf(() => t.catalog.deleteProduct(hat.id));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('Coupon HATONLY covers only “니트 모자”. Change the products the coupon covers (or delete the coupon) first.');
    // All or nothing: the product and the other coupon are untouched.
    expect(t.catalog.products.get(hat.id)).not.toBeNull();
    expect(t.catalog.coupons.get(both.id)!.productIds).toEqual([hat.id, socks.id]);

    t.catalog.coupons.delete(hatOnly.id);
    t.catalog.deleteProduct(hat.id);
    expect(t.catalog.products.get(hat.id)).toBeNull();
    expect(t.catalog.coupons.get(both.id)!.productIds).toEqual([socks.id]);
  });

  it('a damaged list in the file is reported, not sent on', () => {
    const hat = product('니트 모자');
    const saved = t.catalog.coupons.save(undefined, { ...coupon, productIds: [hat.id] });
    t.db.db.prepare('UPDATE coupons SET product_ids = ? WHERE id = ?').run('["no spaces allowed"]', saved.id);
    expect(errorOf(() => t.catalog.coupons.list()).code).toBe('internal');
  });
});
