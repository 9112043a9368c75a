import { z } from 'zod';

/** Currencies a seller can price in; KRW is the default. Amounts are integers in minor units. */
export const Currency = z.enum(['KRW', 'USD', 'JPY', 'EUR']);
export type Currency = z.infer<typeof Currency>;
export const DEFAULT_CURRENCY: Currency = 'KRW';

/** Minor-unit digits per currency (KRW and JPY have none). */
export const MINOR_DIGITS: Record<Currency, number> = { KRW: 0, USD: 2, JPY: 0, EUR: 2 };

/** One hundred million in major units is already absurd for a live-commerce item. */
export const MAX_PRICE_MAJOR = 100_000_000;

export function maxMinor(currency: Currency): number {
  return MAX_PRICE_MAJOR * 10 ** MINOR_DIGITS[currency];
}

/** Parses "12,900" or "12900.50" into minor units; null when it is not a plain non-negative amount. */
export function parseMajorAmount(text: string, currency: Currency): number | null {
  const cleaned = text.trim().replace(/[,\s₩$€¥]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const digits = MINOR_DIGITS[currency];
  const [whole, frac = ''] = cleaned.split('.');
  if (frac.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

export function formatMoney(minor: number, currency: Currency, locale = 'ko-KR'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: MINOR_DIGITS[currency], maximumFractionDigits: MINOR_DIGITS[currency] }).format(
    minor / 10 ** MINOR_DIGITS[currency],
  );
}
