import { describe, expect, it } from 'vitest';
import { CATALOG_REFUSAL_REASONS, catalogRefusals, type CatalogRefusal, type CatalogRefusalArgs, type CatalogRefusalReason } from '../../../common/catalog-refusals.js';
import { dictionaries } from '../i18n/strings.js';
import { catalogRefusalText as refusalText } from './refusal-text.js';

/**
 * Every catalog refusal said in Korean has no English in it: the seller's own words (names, codes)
 * are taken out first, then only the format names Korean shops write in Latin may remain.
 */
const { ko, en } = dictionaries;
const FORMAT_NAMES = /(?<![A-Za-z])(PNG|JPEG|WebP|GIF|SVG|HEIC|AVIF|BMP|MB)(?![A-Za-z])/g;

/** Sample arguments per reason (the type makes a new reason add its sample); coupon codes are Latin, as real ones are. */
const SAMPLES: { [R in CatalogRefusalReason]: CatalogRefusalArgs<R>[] } = {
  invalidInput: [
    { issues: [{ path: ['input', 'price'], code: 'too_small', message: 'price cannot be negative', origin: 'number', minimum: 0 }] },
    { issues: [{ path: ['name'], code: 'too_big', message: 'Too big: expected string to have <=80 characters', origin: 'string', maximum: 80 }] },
    // A schema message with no Korean translation yet must not leak.
    { issues: [{ path: ['name'], code: 'custom', message: 'a rule added later' }] },
  ],
  itemGone: [{ kind: 'product' }, { kind: 'coupon' }, { kind: 'quiz' }, { kind: 'poll' }],
  storedItemDamaged: [
    { kind: 'product', label: '울 코트', detail: 'price: price cannot be negative' },
    { kind: 'quiz', label: null, detail: 'choices: at least 2 choices' },
  ],
  optionIdRepeated: [{ optionId: 'size-m' }],
  imageNotAdded: [{ ref: 'abcdef012345' }],
  stockLevelInvalid: [{ stock: 'NaN' }],
  couponCodeTaken: [{ code: 'SPRING10' }],
  couponProductDeleted: [{ productName: '울 코트' }],
  couponProductUnknown: [{ productId: 'never-was' }],
  productOnlyInCoupon: [{ code: 'HATONLY', productName: '니트 모자' }],
  couponIsQuizReward: [{ code: 'LIVE10', question: '이 니트의 소재는?' }],
  rewardCouponMissing: [{ couponId: 'gone-coupon' }],
  imageNotBase64: [{}],
  imageTooLarge: [{ bytes: 7_340_032, maxBytes: 5_242_880 }],
  imageEmpty: [{}],
  imageUnsupported: [{ format: 'gif' }, { format: 'svg' }, { format: 'heic' }, { format: 'avif' }, { format: 'bmp' }, { format: 'other' }],
  imageCutShort: [{ format: 'PNG' }, { format: 'JPEG' }, { format: 'WebP' }],
  imageNoPixels: [{ width: 0, height: 0 }],
  imageTooManyPixels: [{ width: 9000, height: 20, maxSide: 8000 }],
  imageNotSaved: [{ detail: 'ENOSPC: no space left on device' }],
  imageNotInStudio: [{ ref: 'abcdef012345' }],
  imageFileMissing: [{ ref: 'abcdef012345' }],
  imageFileDamaged: [{ ref: 'abcdef012345' }],
};
const refusals: CatalogRefusal[] = CATALOG_REFUSAL_REASONS.flatMap((reason) => SAMPLES[reason].map((args) => ({ reason, args }) as CatalogRefusal));

/** The seller's own words in the arguments (names, codes, ids): what is left is the studio's. */
function withoutArgs(text: string, args: unknown): string {
  const words = Object.values(args as Record<string, unknown>).filter((v): v is string => typeof v === 'string');
  return words.reduce((out, w) => out.split(w).join(''), text);
}

describe('catalog refusals in the seller’s language', () => {
  it('has samples that fit each reason’s own schema', () => {
    for (const r of refusals) expect(catalogRefusals[r.reason].args.safeParse(r.args).success, r.reason).toBe(true);
  });

  it.each(refusals.map((r) => [`${r.reason} ${JSON.stringify(r.args)}`, r] as const))('says %s in Korean with no English', (_name, refusal) => {
    const said = refusalText(refusal, ko, 'ko');
    expect(said).toMatch(/[\uac00-\ud7a3]/);
    const left = withoutArgs(said, refusal.args).replace(FORMAT_NAMES, '');
    expect(left, said).not.toMatch(/[A-Za-z]/);
  });

  it.each(refusals.map((r) => [`${r.reason} ${JSON.stringify(r.args)}`, r] as const))('says %s in English, not in Korean', (_name, refusal) => {
    const said = refusalText(refusal, en, 'en');
    expect(said.trim()).not.toBe('');
    expect(withoutArgs(said, refusal.args)).not.toMatch(/[\uac00-\ud7a3]/);
  });

  it('names what the seller needs to find: the coupon, the product, the quiz', () => {
    expect(refusalText({ reason: 'productOnlyInCoupon', args: { code: 'HATONLY', productName: '니트 모자' } }, ko, 'ko')).toBe('쿠폰 HATONLY은(는) “니트 모자”에만 적용됩니다. 먼저 쿠폰의 적용 상품을 바꾸거나 쿠폰을 삭제하세요.');
    expect(refusalText({ reason: 'couponIsQuizReward', args: { code: 'LIVE10', question: '소재는?' } }, ko, 'ko')).toContain('퀴즈 “소재는?”');
    expect(refusalText({ reason: 'couponCodeTaken', args: { code: 'SPRING10' } }, ko, 'ko')).toContain('SPRING10');
    expect(refusalText({ reason: 'imageTooLarge', args: { bytes: 7_340_032, maxBytes: 5_242_880 } }, ko, 'ko')).toContain('7MB');
  });

  it('says schema issues through the form’s own translations', () => {
    const [priceIssue] = SAMPLES.invalidInput;
    expect(refusalText({ reason: 'invalidInput', args: priceIssue! }, ko, 'ko')).toBe('저장하지 못했습니다: 가격은 0 이상이어야 합니다');
    expect(refusalText({ reason: 'invalidInput', args: priceIssue! }, en, 'en')).toBe('The studio did not save it: Price cannot be negative');
  });
});
