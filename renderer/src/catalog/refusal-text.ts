import type { z } from 'zod';
import type { CatalogRefusal } from '../../../common/catalog-refusals.js';
import { StudioError } from '../../../common/ipc-contract.js';
import type { Lang, Strings } from '../i18n/strings.js';
import { issueText } from './validation.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** A catalog refusal in the seller's language, from the renderer's own strings (never the core's English). */
export function refusalText(refusal: CatalogRefusal, t: Strings, lang: Lang): string {
  const said = t.catalog.refusals;
  if (refusal.reason === 'invalidInput') {
    const lines = refusal.args.issues.map((issue) => {
      // issueText reads only message, code, origin, minimum, maximum and expected: the fields a RefusalIssue keeps.
      const text = issueText(issue as unknown as z.core.$ZodIssue, t);
      // A schema message with no Korean translation would be English: say the generic line instead.
      return lang === 'ko' && !HANGUL.test(text) ? t.catalog.validation.invalid : text;
    });
    return said.invalidInput([...new Set(lines)].join(' · '));
  }
  return (said[refusal.reason] as (args: unknown) => string)(refusal.args);
}

/**
 * What the seller reads when a catalog action fails. A refusal is said in their language; any other
 * error (no reason, or one this renderer does not know) is the core's sentence in English and a
 * generic line in Korean, so the Korean studio never shows English (docs/seller-ui.md).
 */
export function catalogErrorText(error: unknown, t: Strings, lang: Lang): string {
  if (error instanceof StudioError && error.refusal) return refusalText(error.refusal, t, lang);
  if (lang === 'en' && error instanceof Error && error.message) return error.message;
  return t.catalog.refusals.generic;
}
