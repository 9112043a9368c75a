import { Buyer, MAX_QUANTITY } from '../../../common/commerce/order.js';
import type { Lang } from './i18n.js';

/** The delivery fields as typed (strings, possibly half-filled). */
export interface BuyerDraft {
  name: string;
  phone: string;
  postcode: string;
  line1: string;
  line2: string;
  note: string;
}
export type BuyerField = keyof BuyerDraft;
export const BUYER_FIELDS: readonly BuyerField[] = ['name', 'phone', 'postcode', 'line1', 'line2', 'note'];
export const EMPTY_BUYER: BuyerDraft = { name: '', phone: '', postcode: '', line1: '', line2: '', note: '' };

/** Lengths the common Buyer schema allows; the inputs stop there too. */
export const FIELD_MAX: Record<BuyerField, number> = { name: 40, phone: 20, postcode: 5, line1: 200, line2: 200, note: 200 };

/** A Korean postcode (우편번호) has 5 digits since 2015; the page delivers in Korea. */
const KR_POSTCODE = /^[0-9]{5}$/;

type FieldWords = { required: string; invalid: string; tooLong: string };
const WORDS: Record<Lang, Record<BuyerField, FieldWords>> = {
  ko: {
    name: { required: '받는 분 이름을 입력해 주세요.', invalid: '이름에 쓸 수 없는 문자가 있어요.', tooLong: '이름은 40자까지 쓸 수 있어요.' },
    phone: { required: '연락처를 입력해 주세요.', invalid: '숫자와 - 로 입력해 주세요 (예: 010-1234-5678).', tooLong: '연락처가 너무 길어요.' },
    postcode: { required: '우편번호를 입력해 주세요.', invalid: '우편번호는 숫자 5자리예요 (예: 06236).', tooLong: '우편번호는 숫자 5자리예요 (예: 06236).' },
    line1: { required: '도로명 주소를 입력해 주세요.', invalid: '주소에 쓸 수 없는 문자가 있어요.', tooLong: '주소는 200자까지 쓸 수 있어요.' },
    line2: { required: '', invalid: '상세 주소에 쓸 수 없는 문자가 있어요.', tooLong: '상세 주소는 200자까지 쓸 수 있어요.' },
    note: { required: '', invalid: '요청 사항에 쓸 수 없는 문자가 있어요.', tooLong: '요청 사항은 200자까지 쓸 수 있어요.' },
  },
  en: {
    name: { required: 'Enter the recipient’s name.', invalid: 'The name contains characters that cannot be used.', tooLong: 'The name can be up to 40 characters.' },
    phone: { required: 'Enter a phone number.', invalid: 'Use digits and dashes (e.g. 010-1234-5678).', tooLong: 'The phone number is too long.' },
    postcode: { required: 'Enter the postcode.', invalid: 'A postcode has 5 digits (e.g. 06236).', tooLong: 'A postcode has 5 digits (e.g. 06236).' },
    line1: { required: 'Enter the street address.', invalid: 'The address contains characters that cannot be used.', tooLong: 'The address can be up to 200 characters.' },
    line2: { required: '', invalid: 'The address detail contains characters that cannot be used.', tooLong: 'The address detail can be up to 200 characters.' },
    note: { required: '', invalid: 'The note contains characters that cannot be used.', tooLong: 'The note can be up to 200 characters.' },
  },
};

const PATH_TO_FIELD: Record<string, BuyerField> = { name: 'name', phone: 'phone', 'address.postcode': 'postcode', 'address.line1': 'line1', 'address.line2': 'line2', note: 'note' };

export type BuyerCheck = { ok: true; buyer: Buyer } | { ok: false; errors: Partial<Record<BuyerField, string>> };

export function toBuyerInput(d: BuyerDraft): unknown {
  return { name: d.name, phone: d.phone, address: { postcode: d.postcode, line1: d.line1, line2: d.line2 }, note: d.note };
}

/**
 * Checks the delivery fields with the same schema the relay uses (common Buyer), plus the Korean
 * 5-digit postcode, and says what is wrong in the viewer's language, per field.
 */
export function validateBuyer(d: BuyerDraft, lang: Lang): BuyerCheck {
  const errors: Partial<Record<BuyerField, string>> = {};
  const words = WORDS[lang];
  const parsed = Buyer.safeParse(toBuyerInput(d));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = PATH_TO_FIELD[issue.path.join('.')];
      if (!field || errors[field]) continue;
      const value = d[field].trim();
      if (!value) errors[field] = words[field].required || words[field].invalid;
      else if (issue.code === 'too_big') errors[field] = words[field].tooLong;
      else errors[field] = words[field].invalid;
    }
  }
  const postcode = d.postcode.trim();
  if (!errors.postcode && !KR_POSTCODE.test(postcode)) errors.postcode = postcode ? words.postcode.invalid : words.postcode.required;
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, buyer: parsed.data };
  return { ok: false, errors };
}

/** How many the viewer may choose: 1 … min(99, stock); 0 when none are left. */
export function maxQuantity(stock: number): number {
  return Math.max(0, Math.min(MAX_QUANTITY, Math.floor(stock)));
}

/** A typed or stepped quantity, kept within 1 … max (max 0 → 1, the order button is off anyway). */
export function clampQuantity(q: number, stock: number): number {
  const max = Math.max(1, maxQuantity(stock));
  if (!Number.isFinite(q)) return 1;
  return Math.min(max, Math.max(1, Math.round(q)));
}

/** A coupon code as the relay reads it (trimmed, upper case); null for empty; 'invalid' when it cannot be a code. */
export function normalizeCouponCode(text: string): string | null | 'invalid' {
  const code = text.trim().toUpperCase();
  if (!code) return null;
  return /^[A-Z0-9_-]{3,20}$/.test(code) ? code : 'invalid';
}

/** The test card adapter: this number is declined, any other (or none) is approved. Nothing is charged either way. */
export const DECLINED_TEST_CARD = '4000 0000 0000 0002';

export function testCardToken(cardNumber: string): 'test_ok' | 'test_decline' {
  return cardNumber.replace(/[\s-]/g, '') === DECLINED_TEST_CARD.replace(/\s/g, '') ? 'test_decline' : 'test_ok';
}

/** The seller's own store page with the viewer's coupon as `?coupon=`; null when the link is not http(s). */
export function storeUrl(externalUrl: string, couponCode: string | null): string | null {
  let url: URL;
  try {
    url = new URL(externalUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (couponCode) url.searchParams.set('coupon', couponCode);
  return url.href;
}
