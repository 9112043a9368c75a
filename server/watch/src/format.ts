import { formatMoney, type Currency } from '../../../common/commerce/money.js';
import { lang, locale } from './i18n.js';

/** The scheduled time in the viewer's own locale and time zone; the year only when it is not this year. */
export function formatWhen(iso: string, now = new Date()): string | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const opts: Intl.DateTimeFormatOptions = { month: 'long', day: 'numeric', weekday: 'short', hour: 'numeric', minute: '2-digit' };
  if (d.getFullYear() !== now.getFullYear()) opts.year = 'numeric';
  try {
    return new Intl.DateTimeFormat(locale, opts).format(d);
  } catch {
    return new Intl.DateTimeFormat(lang, opts).format(d); // a locale string the browser cannot use
  }
}

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Time left until `iso`, or null once it has passed (or cannot be read). */
export function countdown(iso: string, nowMs: number): Countdown | null {
  const left = Math.ceil((new Date(iso).getTime() - nowMs) / 1000);
  if (!(left > 0)) return null;
  return { days: Math.floor(left / 86_400), hours: Math.floor(left / 3_600) % 24, minutes: Math.floor(left / 60) % 60, seconds: left % 60 };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Plain digits (tests and eyes look for the number); compact only when it would not fit. */
export function formatCount(n: number): string {
  if (n < 10_000) return String(n);
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** A price in the viewer's locale ("₩12,900", "$19.99"). */
export function money(minor: number, currency: Currency): string {
  try {
    return formatMoney(minor, currency, locale);
  } catch {
    return formatMoney(minor, currency, lang); // a locale string the browser cannot use
  }
}

/** Whole percent off the regular price, or null when there is no real sale. */
export function percentOff(price: number, salePrice: number | null): number | null {
  if (salePrice === null || price <= 0 || salePrice >= price) return null;
  return Math.max(1, Math.round(((price - salePrice) / price) * 100));
}

/** Only web links leave the page (a forged card could carry javascript: or data:). */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, window.location.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
