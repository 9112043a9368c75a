import type { z } from 'zod';
import type { CatalogRefusal } from '../../../common/catalog-refusals.js';
import type { Lang, Strings } from '../i18n/strings.js';
import { issueText } from './validation.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** A catalog refusal in the seller's language, from the renderer's own strings (never the core's English). */
export function catalogRefusalText(refusal: CatalogRefusal, t: Strings, lang: Lang): string {
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
