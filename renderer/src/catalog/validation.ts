import type { z } from 'zod';
import type { Strings } from '../i18n/strings.js';

/** Messages by field path ("price", "options.0.name"); "" holds the form-wide ones. */
export type FieldErrors = Record<string, string[]>;

type Issue = z.core.$ZodIssue;

/** One issue in the seller's language: the schema's own words (translated), or a plain generic line. */
export function issueText(issue: Issue, t: Strings): string {
  const v = t.catalog.validation;
  const own = v.messages[issue.message];
  if (own) return own;
  // zod's built-in messages ("Too small: expected …") are for developers; say it plainly instead.
  if (!/^(Too small|Too big|Invalid)/.test(issue.message)) return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return Number(issue.minimum) <= 1 ? v.required : v.atLeast(Number(issue.minimum));
      return v.atLeast(Number(issue.minimum));
    case 'too_big':
      return issue.origin === 'string' ? v.tooLong(Number(issue.maximum)) : v.atMost(Number(issue.maximum));
    case 'invalid_type':
      return issue.expected === 'number' ? v.number : v.required;
    default:
      return v.invalid;
  }
}

export function fieldErrors(error: z.ZodError, t: Strings): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    const text = issueText(issue, t);
    const list = (out[key] ??= []);
    if (!list.includes(text)) list.push(text);
  }
  return out;
}

/** Errors of `prefix` itself and everything below it (for a group such as one option row). */
export function errorsUnder(errors: FieldErrors, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === prefix || k.startsWith(prefix + '.'))
    .flatMap(([, v]) => v);
}

export const hasErrors = (e: FieldErrors) => Object.keys(e).length > 0;

/** "12" → 12; "" or "1.5" or "abc" → NaN (the schema then says what is wrong). */
export function intOf(text: string): number {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : NaN;
}
