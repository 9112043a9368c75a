import { useCallback, useRef } from 'react';
import { CATALOG_REFUSAL_REASONS, type CatalogRefusal } from '../../../common/catalog-refusals.js';
import { StudioError } from '../../../common/ipc-contract.js';
import type { Refusal } from '../../../common/refusals.js';
import { catalogRefusalText } from '../catalog/refusal-text.js';
import { useI18n } from '../i18n/i18n.js';
import type { Lang, Strings } from '../i18n/strings.js';

/**
 * What the seller reads when the studio core (or the relay behind it) says no, in one place for
 * every screen (docs/seller-ui.md). A declared refusal is said in their language from its reason
 * and arguments; any other error by its code. The core's and relay's English sentences are shown
 * only in the English studio: the Korean one says the code's line, or a generic line for an
 * error without a code it knows, never English.
 */

const CATALOG = new Set<string>(CATALOG_REFUSAL_REASONS);

export function refusalText(refusal: Refusal, t: Strings, lang: Lang): string {
  if (CATALOG.has(refusal.reason)) return catalogRefusalText(refusal as CatalogRefusal, t, lang);
  if (refusal.reason === 'handoffRefusedByRelay') return t.refusals.handoffRefusedByRelay(codeText(refusal.args.relayCode, refusal.args.relayMessage, t, lang));
  return (t.refusals[refusal.reason as keyof Strings['refusals']] as (args: unknown) => string)(refusal.args);
}

/**
 * An error known by its code and English message only (a relay answer, a clip's failure, a publish
 * error). OBS's codes are said by their line in both languages (strings-obs.ts: what to do in OBS
 * is worth more than OBS's own words); the others by the message in English and the code's line in Korean.
 */
export function codeText(code: string, message: string, t: Strings, lang: Lang): string {
  if (Object.hasOwn(t.obs.errors, code)) return t.obs.errors[code]!;
  if (lang === 'en' && message) return message;
  return Object.hasOwn(t.errors.codes, code) ? t.errors.codes[code as keyof Strings['errors']['codes']] : t.errors.generic;
}

export function errorText(error: unknown, t: Strings, lang: Lang): string {
  if (error instanceof StudioError) return error.refusal ? refusalText(error.refusal, t, lang) : codeText(error.code, error.message, t, lang);
  if (lang === 'en' && error instanceof Error && error.message) return error.message;
  return t.errors.generic;
}

/**
 * errorText in the seller's current language, for a screen's catch. One function for the screen's
 * life that reads the language when called, so a load started before the seller switched to
 * Korean still fails in Korean, and no effect re-runs because the language changed.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, lang } = useI18n();
  const current = useRef({ t, lang });
  current.current = { t, lang };
  return useCallback((error: unknown) => errorText(error, current.current.t, current.current.lang), []);
}
