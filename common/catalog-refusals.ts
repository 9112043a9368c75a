import { z } from 'zod';
import { ERROR_CODES } from './errors.js';
import { declare } from './refusals/declare.js';

/**
 * Every way the studio core refuses a catalog save, delete or image, declared once: its error
 * code, its arguments (a schema, checked again on the renderer's side of the IPC) and the English
 * line for logs (`StudioError.message`). The seller reads the renderer's words for the reason
 * (renderer/src/i18n/strings-refusals.ts, both languages), never the log line. All areas'
 * refusals meet in common/refusals.ts.
 */

const Label = z.string().max(400);
const Kind = z.enum(['product', 'coupon', 'quiz', 'poll']);
/** The first characters of an image ref (a content hash): enough to tell images apart in a log. */
const ShortRef = z.string().max(16);
const Dim = z.number().int().min(0);

/** A schema issue as data (zod's own issue objects hold functions and inputs that do not cross IPC). */
export const RefusalIssue = z.object({
  path: z.array(z.union([z.string().max(64), z.number()])).max(8),
  code: z.string().max(40),
  message: z.string().max(300),
  origin: z.string().max(20).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  expected: z.string().max(40).optional(),
});
export type RefusalIssue = z.infer<typeof RefusalIssue>;

const ONLY = 'Use a PNG, JPEG or WebP image.';
const UNSUPPORTED_LOG = {
  gif: `GIF images are not supported. ${ONLY}`,
  svg: `SVG images are not supported (they can contain scripts). ${ONLY}`,
  heic: 'HEIC photos (the iPhone default) are not supported. Export the photo as JPEG and retry.',
  avif: `AVIF images are not supported. ${ONLY}`,
  bmp: `BMP images are not supported. ${ONLY}`,
  other: `This file is not an image the studio accepts. ${ONLY}`,
} as const;
const UnsupportedFormat = z.enum(Object.keys(UNSUPPORTED_LOG) as [keyof typeof UNSUPPORTED_LOG, ...(keyof typeof UNSUPPORTED_LOG)[]]);
const ImageFormat = z.enum(['PNG', 'JPEG', 'WebP']);
const MIB = 1024 * 1024;

export const catalogRefusals = {
  /** The core's own check of an input the renderer should have caught (schemas are shared). */
  invalidInput: declare(ERROR_CODES.badRequest, z.object({ issues: z.array(RefusalIssue).min(1).max(3) }), (a) =>
    a.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '),
  ),
  /** Deleted in another window (or by an import) while this one still showed it. */
  itemGone: declare(ERROR_CODES.notFound, z.object({ kind: Kind }), (a) => `That ${a.kind} is no longer in the catalog.`),
  /** A row in the studio's database that no longer parses (edited by hand or damaged). */
  storedItemDamaged: declare(ERROR_CODES.internal, z.object({ kind: Kind, label: Label.nullable(), detail: z.string().max(1000) }), (a) =>
    `The saved ${a.kind}${a.label === null ? '' : ` “${a.label}”`} is damaged (${a.detail}).`,
  ),
  optionIdRepeated: declare(ERROR_CODES.badRequest, z.object({ optionId: Label }), () => 'options: two options have the same id'),
  imageNotAdded: declare(ERROR_CODES.badRequest, z.object({ ref: ShortRef }), (a) => `images: the image ${a.ref}… has not been added to the studio; add the image first`),
  /** Stock written back from the relay; `stock` is the value as received, written out (it may not be a number at all). */
  stockLevelInvalid: declare(ERROR_CODES.badRequest, z.object({ stock: z.string().max(40) }), (a) => `stock: ${a.stock} is not a stock level`),
  couponCodeTaken: declare(ERROR_CODES.conflict, z.object({ code: Label }), (a) => `code: another coupon already uses the code ${a.code}`),
  couponProductDeleted: declare(ERROR_CODES.badRequest, z.object({ productName: Label }), (a) => `productIds: the product “${a.productName}” was deleted; take it out of the coupon`),
  couponProductUnknown: declare(ERROR_CODES.badRequest, z.object({ productId: Label }), (a) => `productIds: there is no product ${a.productId} in the catalog`),
  /** Deleting the product would silently turn the coupon into one for every product. */
  productOnlyInCoupon: declare(ERROR_CODES.conflict, z.object({ code: Label, productName: Label }), (a) =>
    `Coupon ${a.code} covers only “${a.productName}”. Change the products the coupon covers (or delete the coupon) first.`,
  ),
  couponIsQuizReward: declare(ERROR_CODES.conflict, z.object({ code: Label, question: Label }), (a) => `Coupon ${a.code} is the reward of the quiz “${a.question}”. Choose another reward there first.`),
  rewardCouponMissing: declare(ERROR_CODES.badRequest, z.object({ couponId: Label }), () => 'rewardCouponId: the reward coupon is not in the catalog'),
  imageNotBase64: declare(ERROR_CODES.badRequest, z.object({}), () => 'The image data is not valid base64.'),
  imageTooLarge: declare(ERROR_CODES.tooLarge, z.object({ bytes: Dim, maxBytes: Dim }), (a) =>
    `The image is ${(a.bytes / MIB).toFixed(1)} MB; at most ${a.maxBytes / MIB} MB is allowed. Save it smaller and retry.`,
  ),
  imageEmpty: declare(ERROR_CODES.badRequest, z.object({}), () => 'The image is empty.'),
  imageUnsupported: declare(ERROR_CODES.badRequest, z.object({ format: UnsupportedFormat }), (a) => UNSUPPORTED_LOG[a.format]),
  imageCutShort: declare(ERROR_CODES.badRequest, z.object({ format: ImageFormat }), (a) => `The ${a.format} file is cut short or damaged. Export it again and retry.`),
  imageNoPixels: declare(ERROR_CODES.badRequest, z.object({ width: Dim, height: Dim }), (a) => `The image says it is ${a.width}×${a.height} pixels, which is not a real picture. ${ONLY}`),
  imageTooManyPixels: declare(ERROR_CODES.badRequest, z.object({ width: Dim, height: Dim, maxSide: Dim }), (a) =>
    `The image is ${a.width}×${a.height} pixels; at most ${a.maxSide}×${a.maxSide} is allowed. Resize it and retry.`,
  ),
  /** The disk refused the write; `detail` is the system's own words, for the log. */
  imageNotSaved: declare(ERROR_CODES.internal, z.object({ detail: z.string().max(1000) }), (a) => `Could not save the image in the studio's data folder: ${a.detail}`),
  imageNotInStudio: declare(ERROR_CODES.notFound, z.object({ ref: ShortRef }), (a) => `The image ${a.ref}… is not in the studio. Add it to the product again.`),
  imageFileMissing: declare(ERROR_CODES.notFound, z.object({ ref: ShortRef }), (a) => `The image ${a.ref}… is missing from the studio's data folder. Add it to the product again.`),
  imageFileDamaged: declare(ERROR_CODES.internal, z.object({ ref: ShortRef }), (a) => `The image ${a.ref}… in the studio's data folder is damaged. Add it to the product again.`),
} as const;

export type CatalogRefusalReason = keyof typeof catalogRefusals;
export type CatalogRefusalArgs<R extends CatalogRefusalReason> = z.infer<(typeof catalogRefusals)[R]['args']>;
/** A refusal as it travels: the reason and its arguments. */
export type CatalogRefusal = { [R in CatalogRefusalReason]: { reason: R; args: CatalogRefusalArgs<R> } }[CatalogRefusalReason];

export const CATALOG_REFUSAL_REASONS = Object.keys(catalogRefusals) as CatalogRefusalReason[];

/** A failed schema check as the `invalidInput` refusal (the first three issues, as data). */
export function invalidInputRefusal(error: z.ZodError): CatalogRefusal {
  const issues = error.issues.slice(0, 3).map((i) => {
    const extra = i as { origin?: unknown; minimum?: unknown; maximum?: unknown; expected?: unknown };
    const issue: RefusalIssue = {
      path: i.path.filter((p) => typeof p !== 'symbol').slice(0, 8).map((p) => (typeof p === 'string' ? p.slice(0, 64) : p)),
      code: i.code.slice(0, 40),
      message: i.message.slice(0, 300),
    };
    if (typeof extra.origin === 'string') issue.origin = extra.origin.slice(0, 20);
    if (typeof extra.expected === 'string') issue.expected = extra.expected.slice(0, 40);
    // Bounds are numbers, bigints or dates in zod; only finite numbers are worth saying.
    if ((typeof extra.minimum === 'number' || typeof extra.minimum === 'bigint') && Number.isFinite(Number(extra.minimum))) issue.minimum = Number(extra.minimum);
    if ((typeof extra.maximum === 'number' || typeof extra.maximum === 'bigint') && Number.isFinite(Number(extra.maximum))) issue.maximum = Number(extra.maximum);
    return issue;
  });
  return { reason: 'invalidInput', args: { issues } };
}
