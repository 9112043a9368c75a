import { parseMajorAmount } from '../../../../common/commerce/money.js';
import { StoreProfile } from '../../../../common/commerce/store-profile.js';
import { fieldErrors, intOf } from '../../catalog/validation.js';
import type { Checked } from '../../ui/useSettingsForm.js';
import type { Strings } from '../../i18n/strings.js';

/** The store profile form as the seller types it (numbers as text). */
export interface StoreDraft {
  businessName: string;
  representative: string;
  businessNumber: string;
  mailOrderExempt: boolean;
  mailOrderNumber: string;
  address: string;
  phone: string;
  email: string;
  periodDays: string;
  returnFee: string;
  returnAddress: string;
  returnNote: string;
  privacyOn: boolean;
  privacyName: string;
  privacyContact: string;
}

const amountText = (n: number) => new Intl.NumberFormat('en-US').format(n);

/** An empty profile starts with the legal minimum period and a common return fee. */
export function toStoreDraft(p: StoreProfile | null): StoreDraft {
  return {
    businessName: p?.businessName ?? '',
    representative: p?.representative ?? '',
    businessNumber: p?.businessNumber ?? '',
    mailOrderExempt: p !== null && p.mailOrderNumber === null,
    mailOrderNumber: p?.mailOrderNumber ?? '',
    address: p?.address ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    periodDays: String(p?.returns.periodDays ?? 7),
    returnFee: amountText(p?.returns.shippingFee ?? 3000),
    returnAddress: p?.returns.address ?? '',
    returnNote: p?.returns.note ?? '',
    privacyOn: Boolean(p?.privacyOfficer),
    privacyName: p?.privacyOfficer?.name ?? '',
    privacyContact: p?.privacyOfficer?.contact ?? '',
  };
}

/** The profile the relay would store, or the field errors (by the same schema) in the seller's language. */
export function checkStoreDraft(d: StoreDraft, t: Strings): Checked<StoreProfile> {
  const candidate = {
    businessName: d.businessName,
    representative: d.representative,
    businessNumber: d.businessNumber,
    mailOrderNumber: d.mailOrderExempt ? null : d.mailOrderNumber,
    address: d.address,
    phone: d.phone,
    email: d.email,
    returns: { periodDays: intOf(d.periodDays), shippingFee: parseMajorAmount(d.returnFee, 'KRW') ?? NaN, address: d.returnAddress, note: d.returnNote },
    privacyOfficer: d.privacyOn ? { name: d.privacyName, contact: d.privacyContact } : null,
  };
  const parsed = StoreProfile.safeParse(candidate);
  return parsed.success ? { value: parsed.data, errors: null } : { value: null, errors: fieldErrors(parsed.error, t) };
}
