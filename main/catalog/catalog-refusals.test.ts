import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_REFUSAL_REASONS } from '../../common/catalog-refusals.js';
import { MAX_IMAGE_BYTES } from '../../common/ipc-contract.js';
import { errorOf } from '../testing/error-of.js';
import { expectRefusal } from '../testing/refusal-of.js';
import { forgedPng, GIF_1X1, pngBytes } from '../testing/images.js';
import { useTempCatalog } from '../testing/temp-catalog.js';
import { tempStudioDb } from '../testing/temp-db.js';
import { Catalog } from './catalog.js';

/**
 * Every refusal of the catalog stores, from real stores on a SQLite file: the StudioError carries
 * the declared reason and arguments, its code and English log line derive from the declaration,
 * and the arguments survive their own schema (what the renderer checks). The last test fails when
 * a declared reason is never produced here.
 */
const t = useTempCatalog();

const seen = new Set<string>();
const refusalOf = (fn: () => unknown) => expectRefusal(errorOf(fn), seen);

const coupon = { code: 'live10', kind: 'percent' as const, amount: 10, totalQuota: 100 };
const quiz = (rewardCouponId: string | null) => ({ question: '이 니트의 소재는?', choices: ['면', '캐시미어'], correctIndex: 1, timeLimitSec: 30, winners: 3, rewardCouponId });
const product = (name: string) => t.catalog.products.save(undefined, { name, price: 9000, stock: 4 });

describe('product refusals', () => {
  it('a bad input is invalidInput with the schema issues as data', () => {
    expect(refusalOf(() => t.catalog.products.save(undefined, { name: '니트', price: -1, stock: 1 }))).toEqual({
      reason: 'invalidInput',
      args: { issues: [{ path: ['price'], code: 'too_small', message: 'price cannot be negative', origin: 'number', minimum: 0 }] },
    });
    const many = refusalOf(() => t.catalog.products.save(undefined, { name: '', price: -1, stock: -1, description: 'x'.repeat(3000), salePrice: -5 }));
    expect(many.reason === 'invalidInput' && many.args.issues).toHaveLength(3);
  });

  it('two options with one id name the id', () => {
    const input = { name: '니트', price: 9000, stock: 3, options: [{ id: 'a', name: 'S', stock: 1 }, { id: 'b', name: 'M', stock: 1 }, { id: 'a', name: 'L', stock: 1 }] };
    expect(refusalOf(() => t.catalog.products.save(undefined, input))).toEqual({ reason: 'optionIdRepeated', args: { optionId: 'a' } });
  });

  it('an image never added names the start of its ref', () => {
    const ref = 'ab'.repeat(32) + '.png';
    expect(refusalOf(() => t.catalog.products.save(undefined, { name: '니트', price: 9000, stock: 1, images: [ref] }))).toEqual({ reason: 'imageNotAdded', args: { ref: ref.slice(0, 12) } });
  });

  it('a stock level that is not one carries the value as received', () => {
    const p = product('니트');
    expect(refusalOf(() => t.catalog.products.applyStock([{ productId: p.id, optionId: null, stock: -3 }]))).toEqual({ reason: 'stockLevelInvalid', args: { stock: '-3' } });
    expect(refusalOf(() => t.catalog.products.applyStock([{ productId: p.id, optionId: null, stock: Number.NaN }]))).toEqual({ reason: 'stockLevelInvalid', args: { stock: 'NaN' } });
  });

  it('deleting a product that is the only product of a coupon names the coupon and the product', () => {
    const hat = product('니트 모자');
    t.catalog.coupons.save(undefined, { ...coupon, code: 'HATONLY', productIds: [hat.id] });
    expect(refusalOf(() => t.catalog.deleteProduct(hat.id))).toEqual({ reason: 'productOnlyInCoupon', args: { code: 'HATONLY', productName: '니트 모자' } });
  });

  it('an item deleted elsewhere is itemGone, by kind', () => {
    const p = product('니트');
    t.catalog.products.delete(p.id);
    expect(refusalOf(() => t.catalog.products.delete(p.id))).toEqual({ reason: 'itemGone', args: { kind: 'product' } });
    expect(refusalOf(() => t.catalog.coupons.delete('gone'))).toEqual({ reason: 'itemGone', args: { kind: 'coupon' } });
    expect(refusalOf(() => t.catalog.quizzes.delete('gone'))).toEqual({ reason: 'itemGone', args: { kind: 'quiz' } });
    expect(refusalOf(() => t.catalog.polls.delete('gone'))).toEqual({ reason: 'itemGone', args: { kind: 'poll' } });
  });

  it('a damaged row names the item and keeps the detail for the log', () => {
    const saved = t.catalog.coupons.save(undefined, { ...coupon, productIds: [product('니트').id] });
    t.db.db.prepare('UPDATE coupons SET product_ids = ? WHERE id = ?').run('["no spaces allowed"]', saved.id);
    expect(refusalOf(() => t.catalog.coupons.list())).toEqual({ reason: 'storedItemDamaged', args: { kind: 'coupon', label: 'LIVE10', detail: expect.stringMatching(/^productIds\.0: id must be/) } });
  });
});

describe('coupon and quiz refusals', () => {
  it('a code already used names the code', () => {
    t.catalog.coupons.save(undefined, coupon);
    expect(refusalOf(() => t.catalog.coupons.save(undefined, { ...coupon, code: 'Live10' }))).toEqual({ reason: 'couponCodeTaken', args: { code: 'LIVE10' } });
  });

  it('a coupon naming a deleted product names it by its old name; an unknown one by its id', () => {
    const gone = product('울 코트');
    t.catalog.deleteProduct(gone.id);
    expect(refusalOf(() => t.catalog.coupons.save(undefined, { ...coupon, productIds: [gone.id] }))).toEqual({ reason: 'couponProductDeleted', args: { productName: '울 코트' } });
    expect(refusalOf(() => t.catalog.coupons.save(undefined, { ...coupon, productIds: ['never-was'] }))).toEqual({ reason: 'couponProductUnknown', args: { productId: 'never-was' } });
  });

  it('deleting a quiz’s reward coupon names the coupon and the quiz', () => {
    const reward = t.catalog.coupons.save(undefined, coupon);
    t.catalog.quizzes.save(undefined, quiz(reward.id));
    expect(refusalOf(() => t.catalog.coupons.delete(reward.id))).toEqual({ reason: 'couponIsQuizReward', args: { code: 'LIVE10', question: '이 니트의 소재는?' } });
  });

  it('a quiz whose reward coupon is not in the catalog names the coupon id', () => {
    expect(refusalOf(() => t.catalog.quizzes.save(undefined, quiz('nope')))).toEqual({ reason: 'rewardCouponMissing', args: { couponId: 'nope' } });
  });
});

describe('image refusals', () => {
  it('says which check the picture failed', () => {
    expect(refusalOf(() => t.catalog.images.add('not base64!'))).toEqual({ reason: 'imageNotBase64', args: {} });
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    expect(refusalOf(() => t.catalog.images.addBytes(big))).toEqual({ reason: 'imageTooLarge', args: { bytes: MAX_IMAGE_BYTES + 1, maxBytes: MAX_IMAGE_BYTES } });
    expect(refusalOf(() => t.catalog.images.addBytes(Buffer.alloc(0)))).toEqual({ reason: 'imageEmpty', args: {} });
    expect(refusalOf(() => t.catalog.images.addBytes(GIF_1X1))).toEqual({ reason: 'imageUnsupported', args: { format: 'gif' } });
    expect(refusalOf(() => t.catalog.images.addBytes(pngBytes().subarray(0, 20)))).toEqual({ reason: 'imageCutShort', args: { format: 'PNG' } });
    expect(refusalOf(() => t.catalog.images.addBytes(forgedPng(0, 3)))).toEqual({ reason: 'imageNoPixels', args: { width: 0, height: 3 } });
    expect(refusalOf(() => t.catalog.images.addBytes(forgedPng(9000, 2)))).toEqual({ reason: 'imageTooManyPixels', args: { width: 9000, height: 2, maxSide: 8000 } });
  });

  it('says when a stored image is gone, missing on disk or damaged, or cannot be saved', () => {
    expect(refusalOf(() => t.catalog.images.read('f'.repeat(64) + '.png'))).toEqual({ reason: 'imageNotInStudio', args: { ref: 'f'.repeat(12) } });
    t.db.db.prepare('INSERT INTO images VALUES (?, ?, 1, 1, 1, ?)').run('e'.repeat(64) + '.png', 'image/png', 'now');
    expect(refusalOf(() => t.catalog.images.read('e'.repeat(64) + '.png'))).toEqual({ reason: 'imageFileMissing', args: { ref: 'e'.repeat(12) } });
    const { ref } = t.catalog.images.addBytes(pngBytes());
    writeFileSync(path.join(t.catalog.images.dir, ref), pngBytes(2, 2));
    expect(refusalOf(() => t.catalog.images.read(ref))).toEqual({ reason: 'imageFileDamaged', args: { ref: ref.slice(0, 12) } });

    const otherDb = tempStudioDb();
    const other = new Catalog(otherDb);
    writeFileSync(other.images.dir, ''); // a file where the folder should be, as a broken disk would refuse
    expect(refusalOf(() => other.images.addBytes(pngBytes()))).toEqual({ reason: 'imageNotSaved', args: { detail: expect.any(String) } });
    otherDb.close();
  });
});

it('produced every declared reason above (a new reason needs its case here)', () => {
  expect([...seen].sort()).toEqual([...CATALOG_REFUSAL_REASONS].sort());
});
