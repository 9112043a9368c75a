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
