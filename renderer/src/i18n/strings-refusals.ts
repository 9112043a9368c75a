import type { CatalogRefusalArgs, CatalogRefusalReason } from '../../../common/catalog-refusals.js';

/**
 * The studio core's catalog refusals (common/catalog-refusals.ts) in the seller's words. One entry
 * per declared reason, typed by its arguments, so a new reason does not build until both
 * languages say it. `invalidInput` gets the schema issues already said (catalog/validation.ts);
 * An error without a reason this renderer knows is said by its code (strings-errors.ts).
 */
type Said = { [R in Exclude<CatalogRefusalReason, 'invalidInput'>]: (a: CatalogRefusalArgs<R>) => string };
export type RefusalStrings = Said & { invalidInput: (issues: string) => string };

const MIB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MIB).toFixed(1).replace(/\.0$/, '');

const kindEn = { product: 'product', coupon: 'coupon', quiz: 'quiz', poll: 'poll' } as const;
const ONLY_EN = 'Use a PNG, JPEG or WebP picture.';
const unsupportedEn = {
  gif: `GIF pictures cannot be added. ${ONLY_EN}`,
  svg: `SVG pictures cannot be added (they can contain scripts). ${ONLY_EN}`,
  heic: 'HEIC photos (the iPhone default) cannot be added. Export the photo as JPEG and add it again.',
  avif: `AVIF pictures cannot be added. ${ONLY_EN}`,
  bmp: `BMP pictures cannot be added. ${ONLY_EN}`,
  other: `This file is not a picture the studio can use. ${ONLY_EN}`,
} as const;

export const refusalsEn: RefusalStrings = {
  invalidInput: (issues) => `The studio did not save it: ${issues}`,
  itemGone: (a) => `This ${kindEn[a.kind]} was already deleted (perhaps in another window). The list now shows what is left.`,
  storedItemDamaged: (a) => `The saved ${kindEn[a.kind]}${a.label === null ? '' : ` “${a.label}”`} is damaged in the studio’s data and cannot be read. Delete it and create it again.`,
  optionIdRepeated: () => 'Two options are the same option. Remove one of them and save again.',
  imageNotAdded: () => 'One of the pictures is no longer in the studio. Remove it and add the picture again.',
  stockLevelInvalid: (a) => `The stock sent by the relay (${a.stock}) is not a stock level; nothing was changed.`,
  couponCodeTaken: (a) => `Another coupon already uses the code ${a.code}. Choose a different code.`,
  couponProductDeleted: (a) => `The product “${a.productName}” was deleted. Take it out of the coupon’s products and save again.`,
  couponProductUnknown: () => 'One of the coupon’s products is not in the catalog. Pick its products again and save.',
  productOnlyInCoupon: (a) => `Coupon ${a.code} covers only “${a.productName}”. Change the products the coupon covers (or delete the coupon) first.`,
  couponIsQuizReward: (a) => `Coupon ${a.code} is the reward of the quiz “${a.question}”. Choose another reward there first.`,
  rewardCouponMissing: () => 'The reward coupon is no longer in the catalog. Choose another reward coupon.',
  imageNotBase64: () => 'The picture did not reach the studio intact. Add it again.',
  imageTooLarge: (a) => `The picture is ${mb(a.bytes)} MB; at most ${mb(a.maxBytes)} MB is allowed. Save it smaller and add it again.`,
  imageEmpty: () => 'The file is empty.',
  imageUnsupported: (a) => unsupportedEn[a.format],
  imageCutShort: (a) => `The ${a.format} file is cut short or damaged. Export it again and add it again.`,
  imageNoPixels: (a) => `The picture says it is ${a.width}×${a.height} pixels, which is not a real picture.`,
  imageTooManyPixels: (a) => `The picture is ${a.width}×${a.height} pixels; at most ${a.maxSide}×${a.maxSide} is allowed. Resize it and add it again.`,
  imageNotSaved: () => 'The studio could not save the picture in its data folder (is the disk full?). Free some space and add it again.',
  imageNotInStudio: () => 'This picture is not in the studio. Add it to the product again.',
  imageFileMissing: () => 'This picture is missing from the studio’s data folder. Add it to the product again.',
  imageFileDamaged: () => 'This picture is damaged in the studio’s data folder. Add it to the product again.',
};

const ONLY_KO = 'PNG, JPEG, WebP 이미지를 사용하세요.';
const unsupportedKo = {
  gif: `GIF 이미지는 추가할 수 없습니다. ${ONLY_KO}`,
  svg: `SVG 이미지는 스크립트가 들어 있을 수 있어 추가할 수 없습니다. ${ONLY_KO}`,
  heic: 'HEIC 사진(아이폰 기본 형식)은 추가할 수 없습니다. JPEG로 내보낸 뒤 다시 추가하세요.',
  avif: `AVIF 이미지는 추가할 수 없습니다. ${ONLY_KO}`,
  bmp: `BMP 이미지는 추가할 수 없습니다. ${ONLY_KO}`,
  other: `스튜디오에서 쓸 수 있는 이미지 파일이 아닙니다. ${ONLY_KO}`,
} as const;
/** The subject with its particle (은/는 by the final consonant), so no "은(는)" where the word is known. */
const kindTopicKo = { product: '이 상품은', coupon: '이 쿠폰은', quiz: '이 퀴즈는', poll: '이 투표는' } as const;
const kindKo = { product: '상품', coupon: '쿠폰', quiz: '퀴즈', poll: '투표' } as const;

export const refusalsKo: RefusalStrings = {
  invalidInput: (issues) => `저장하지 못했습니다: ${issues}`,
  itemGone: (a) => `${kindTopicKo[a.kind]} 이미 삭제되었습니다(다른 창에서 삭제했을 수 있어요). 목록을 새로 불러왔습니다.`,
  storedItemDamaged: (a) => `저장된 ${kindKo[a.kind]}${a.label === null ? '' : ` “${a.label}”`}의 데이터가 손상되어 읽을 수 없습니다. 삭제한 뒤 다시 만들어 주세요.`,
  optionIdRepeated: () => '같은 옵션이 두 번 들어 있습니다. 하나를 삭제하고 다시 저장하세요.',
  imageNotAdded: () => '이미지 중 하나가 스튜디오에 없습니다. 그 이미지를 빼고 다시 추가하세요.',
  stockLevelInvalid: (a) => `릴레이 서버가 보낸 재고 값(${a.stock})이 올바르지 않아 아무것도 바꾸지 않았습니다.`,
  couponCodeTaken: (a) => `다른 쿠폰이 이미 코드 ${a.code}을(를) 쓰고 있습니다. 다른 코드를 정하세요.`,
  couponProductDeleted: (a) => `상품 “${a.productName}”은(는) 삭제되었습니다. 쿠폰의 적용 상품에서 빼고 다시 저장하세요.`,
  couponProductUnknown: () => '쿠폰의 적용 상품 중 목록에 없는 상품이 있습니다. 적용 상품을 다시 고른 뒤 저장하세요.',
  productOnlyInCoupon: (a) => `쿠폰 ${a.code}은(는) “${a.productName}”에만 적용됩니다. 먼저 쿠폰의 적용 상품을 바꾸거나 쿠폰을 삭제하세요.`,
  couponIsQuizReward: (a) => `쿠폰 ${a.code}은(는) 퀴즈 “${a.question}”의 보상입니다. 먼저 그 퀴즈에서 다른 보상을 고르세요.`,
  rewardCouponMissing: () => '보상 쿠폰이 목록에 없습니다. 다른 보상 쿠폰을 고르세요.',
  imageNotBase64: () => '이미지가 스튜디오에 온전히 전달되지 않았습니다. 다시 추가하세요.',
  imageTooLarge: (a) => `이미지가 ${mb(a.bytes)}MB입니다. ${mb(a.maxBytes)}MB 이하로 저장한 뒤 다시 추가하세요.`,
  imageEmpty: () => '빈 파일입니다.',
  imageUnsupported: (a) => unsupportedKo[a.format],
  imageCutShort: (a) => `${a.format} 파일이 잘렸거나 손상되었습니다. 다시 내보낸 뒤 추가하세요.`,
  imageNoPixels: (a) => `이미지 크기가 ${a.width}×${a.height}픽셀로 적혀 있어 정상적인 이미지가 아닙니다.`,
  imageTooManyPixels: (a) => `이미지가 ${a.width}×${a.height}픽셀입니다. ${a.maxSide}×${a.maxSide}픽셀 이하로 줄인 뒤 다시 추가하세요.`,
  imageNotSaved: () => '스튜디오 데이터 폴더에 이미지를 저장하지 못했습니다(디스크가 가득 찼을 수 있어요). 공간을 확보한 뒤 다시 추가하세요.',
  imageNotInStudio: () => '이 이미지는 스튜디오에 없습니다. 상품에 다시 추가하세요.',
  imageFileMissing: () => '이 이미지 파일이 스튜디오 데이터 폴더에 없습니다. 상품에 다시 추가하세요.',
  imageFileDamaged: () => '스튜디오 데이터 폴더의 이 이미지 파일이 손상되었습니다. 상품에 다시 추가하세요.',
};
