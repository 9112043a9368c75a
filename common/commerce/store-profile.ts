import { z } from 'zod';

/**
 * The seller's store profile (판매자 정보): what 전자상거래법 §10 and §13 require an online seller
 * (통신판매업자) to show buyers: 상호, 대표자, 사업자등록번호, 통신판매업 신고번호, address,
 * customer-service phone and e-mail, and the return/exchange terms (docs/store-profile.md).
 * Stored once per relay (one seller), edited from the studio's Settings, shown on the watch page.
 * Messages are English sentences the studio translates (STORE_PROFILE_MESSAGES_KO).
 */

/**
 * 사업자등록번호 checksum (국세청): weights 1,3,7,1,3,7,1,3,5 over the first nine digits, plus
 * floor(digit9 × 5 / 10); the tenth digit is (10 − sum mod 10) mod 10.
 */
export function businessNumberValid(input: string): boolean {
  const digits = input.replace(/-/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = weights.reduce((s, w, i) => s + w * d[i]!, 0);
  sum += Math.floor((d[8]! * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

/** "1234567890" or "123-45-67890" → "123-45-67890" (the official written form). */
export const formatBusinessNumber = (digits: string): string => `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;

export const BusinessNumber = z
  .string()
  .trim()
  .max(20, 'business registration number: 10 digits (000-00-00000)')
  .regex(/^\d{3}-?\d{2}-?\d{5}$/, 'business registration number: 10 digits (000-00-00000)')
  .refine(businessNumberValid, 'business registration number: the check digit does not match; check the number')
  .transform((s) => formatBusinessNumber(s.replace(/-/g, '')));

/**
 * Korean phone numbers a shop answers: Seoul 02, area codes 031–064, mobiles 010/011/016–019,
 * internet phones 070, 050x safe numbers, and 15xx/16xx/18xx 대표번호 (8 digits).
 * Written back with dashes in the usual places.
 */
export function formatKoreanPhone(input: string): string | null {
  const d = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(d)) return null;
  if (/^1[5-9]\d{6}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4)}`;
  if (/^02\d{7,8}$/.test(d)) return `02-${d.slice(2, d.length - 4)}-${d.slice(-4)}`;
  if (/^(0[3-6][1-5]|01[016-9]|070|050\d)\d{7,8}$/.test(d)) {
    const area = d.startsWith('050') ? 4 : 3;
    if (d.length - area < 7 || d.length - area > 8) return null;
    return `${d.slice(0, area)}-${d.slice(area, d.length - 4)}-${d.slice(-4)}`;
  }
  return null;
}

export const ShopPhone = z
  .string()
  .trim()
  .max(20, 'phone: a Korean number such as 02-123-4567, 010-1234-5678 or 1588-1234')
  .refine((s) => formatKoreanPhone(s) !== null, 'phone: a Korean number such as 02-123-4567, 010-1234-5678 or 1588-1234')
  .transform((s) => formatKoreanPhone(s)!);

/** 통신판매업 신고번호 as the district office writes it: "제2024-서울강남-01234호" (제/호 optional). */
export const MailOrderNumber = z
  .string()
  .trim()
  .max(40, 'mail-order registration number: like 제2024-서울강남-01234호')
  .regex(/^(제\s?)?\d{4}-[가-힣A-Za-z0-9]{2,12}-\d{3,6}(\s?호)?$/, 'mail-order registration number: like 제2024-서울강남-01234호');

/** Free text on one line: no control characters (they would break the seller's sheets and the page). */
const line = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what}: at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, `${what}: no control characters`);

/** 반품·교환 안내. §17: at least 7 days from delivery to withdraw; the buyer pays the return shipping when changing their mind. */
export const ReturnTerms = z
  .object({
    periodDays: z.number().int('return period: whole days').min(7, 'return period: at least 7 days (전자상거래법 §17)').max(90, 'return period: at most 90 days'),
    /** One-way return shipping the buyer pays when changing their mind (KRW); exchanges cost twice this. */
    shippingFee: z.number().int('return shipping fee: whole won').min(0, 'return shipping fee cannot be negative').max(100_000, 'return shipping fee: at most 100,000'),
    address: line(200, 'return address'),
    note: z.string().trim().max(500, 'return note: at most 500 characters').refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s), 'return note: no control characters').default(''),
  })
  .strict();

export const PrivacyOfficer = z.object({ name: line(30, 'privacy officer'), contact: line(100, 'privacy officer contact') }).strict();

export const StoreProfile = z
  .object({
    businessName: line(60, 'business name'),
    representative: line(30, 'representative'),
    businessNumber: BusinessNumber,
    /** null: exempt from registration (small volume, 전자상거래법 시행령 §9의2); the page says so. */
    mailOrderNumber: MailOrderNumber.nullable(),
    address: line(200, 'business address'),
    phone: ShopPhone,
    email: z.string().trim().max(100, 'e-mail: at most 100 characters').email('e-mail: not a valid address'),
    returns: ReturnTerms,
    privacyOfficer: PrivacyOfficer.nullable().default(null),
  })
  .strict();
export type StoreProfile = z.output<typeof StoreProfile>;
export type StoreProfileInput = z.input<typeof StoreProfile>;

/** What the relay answers: the profile, or null while the seller has not filled it (the page says so honestly). */
export const StoreProfileAnswer = z.object({ profile: StoreProfile.nullable(), updatedAt: z.string().nullable() });
export type StoreProfileAnswer = z.infer<typeof StoreProfileAnswer>;

/** The seller's name as the checkout's consent notice names it. */
export const sellerName = (p: StoreProfile | null): string | null => (p ? p.businessName : null);
