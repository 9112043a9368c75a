import { CouponInput, type Coupon, type Product } from '../../../../common/commerce/catalog.js';
import { DEFAULT_CURRENCY, formatMoney, parseMajorAmount, type Currency } from '../../../../common/commerce/money.js';
import { fieldErrors, intOf, type FieldErrors } from '../../catalog/validation.js';
import { isoToLocalInput, localInputToIso } from '../../format.js';
import type { Strings } from '../../i18n/strings.js';
import { majorText } from './product-draft.js';

export interface CouponDraft {
  code: string;
  kind: 'percent' | 'fixed';
  amount: string;
  currency: Currency;
  minOrder: string;
  totalQuota: string;
  perViewerCap: string;
  validFrom: string;
  validUntil: string;
  /** The products the coupon is limited to; empty = every product. */
  productIds: string[];
}

export const emptyCoupon = (): CouponDraft => ({ code: '', kind: 'percent', amount: '', currency: DEFAULT_CURRENCY, minOrder: '', totalQuota: '', perViewerCap: '1', validFrom: '', validUntil: '', productIds: [] });

export function couponDraftOf(c: Coupon): CouponDraft {
  return {
    code: c.code,
    kind: c.kind,
    amount: c.kind === 'percent' ? String(c.amount) : majorText(c.amount, c.currency),
    currency: c.currency,
    minOrder: c.minOrder ? majorText(c.minOrder, c.currency) : '',
    totalQuota: String(c.totalQuota),
    perViewerCap: String(c.perViewerCap),
    validFrom: isoToLocalInput(c.validFrom),
    validUntil: isoToLocalInput(c.validUntil),
    productIds: c.productIds ?? [],
  };
}

const amount = (text: string, currency: Currency) => parseMajorAmount(text, currency) ?? NaN;

/**
 * The coupon the core would store, or the field errors in the seller's language. `products` is the
 * catalog the form shows: a picked product no longer in it is refused here, in the seller's words
 * (the core refuses it too, coupon-store.ts).
 */
export function checkCoupon(d: CouponDraft, t: Strings, products: readonly Pick<Product, 'id'>[] | undefined): { input: CouponInput; errors: null } | { input: null; errors: FieldErrors } {
  const input: CouponInput = {
    code: d.code,
    kind: d.kind,
    amount: d.kind === 'percent' ? intOf(d.amount) : amount(d.amount, d.currency),
    currency: d.currency,
    minOrder: d.minOrder.trim() ? amount(d.minOrder, d.currency) : 0,
    totalQuota: intOf(d.totalQuota),
    perViewerCap: intOf(d.perViewerCap),
    validFrom: localInputToIso(d.validFrom),
    validUntil: localInputToIso(d.validUntil),
    productIds: d.productIds.length ? d.productIds : null,
  };
  const parsed = CouponInput.safeParse(input);
  const errors = parsed.success ? {} : fieldErrors(parsed.error, t);
  const v = t.catalog.validation;
  if (!d.amount.trim()) errors.amount = [v.required];
  else if (Number.isNaN(input.amount)) errors.amount = [d.kind === 'percent' ? t.catalog.product.badNumber : t.catalog.product.badAmount];
  if (Number.isNaN(input.minOrder)) errors.minOrder = [t.catalog.product.badAmount];
  if (!d.totalQuota.trim()) errors.totalQuota = [v.required];
  if (products && d.productIds.some((id) => !products.some((p) => p.id === id))) errors.productIds = [t.catalog.coupon.deletedProduct];
  return Object.keys(errors).length ? { input: null, errors } : { input, errors: null };
}

/** "10% off" / "₩3,000 off" */
export function couponValue(c: { kind: 'percent' | 'fixed'; amount: number; currency: Currency }, t: Strings, locale: string): string {
  return c.kind === 'percent' ? t.catalog.coupon.offPercent(c.amount) : t.catalog.coupon.offFixed(formatMoney(c.amount, c.currency, locale));
}
