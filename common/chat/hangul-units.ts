/**
 * Hangul text as a stream of units for tolerant word matching: each composed syllable or lone
 * jamo is a unit; everything else between them is a separator, remembered as 'space' or 'other'
 * (digits, symbols, Latin: the filler people insert to dodge filters, "시1발", "시.발").
 * The input is the matching form (NFKC), in which compatibility jamo typed in a row ("ㅅㅣㅂㅏㄹ")
 * have already composed into syllables and lone consonants ("ㅅㅂ") are conjoining jamo.
 */

export type Separator = 'none' | 'space' | 'other';
export interface HangulUnit {
  unit: string;
  /** What stood between this unit and the previous one. */
  before: Separator;
}

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const IEUNG_INITIAL = 11;

const isSyllable = (cp: number) => cp >= SYLLABLE_FIRST && cp <= SYLLABLE_LAST;
const isJamo = (cp: number) => (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3131 && cp <= 0x318e) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff);
const isSpace = (ch: string) => /\s/u.test(ch);

function parts(cp: number): { initial: number; vowel: number; final: number } {
  const i = cp - SYLLABLE_FIRST;
  return { initial: Math.floor(i / 588), vowel: Math.floor((i % 588) / 28), final: i % 28 };
}

/**
 * A vowel stretched with ㅇ ("시이이발", "씨이발") repeats the previous syllable's vowel with a
 * silent initial and no final; it is dropped like a repeated character.
 */
function isStretch(prev: string, cur: string): boolean {
  const a = prev.codePointAt(0)!;
  const b = cur.codePointAt(0)!;
  if (!isSyllable(a) || !isSyllable(b)) return false;
  const p = parts(a);
  const c = parts(b);
  return c.initial === IEUNG_INITIAL && c.final === 0 && p.final === 0 && c.vowel === p.vowel;
}

export function hangulUnits(matching: string): HangulUnit[] {
  const out: HangulUnit[] = [];
  let before: Separator = 'none';
  for (const ch of matching) {
    const cp = ch.codePointAt(0)!;
    if (isSyllable(cp) || isJamo(cp)) {
      const prev = out[out.length - 1];
      // Repeats collapse ("시시발", "시이발"); the separator seen is kept on the next unit.
      if (prev && (prev.unit === ch || isStretch(prev.unit, ch))) continue;
      out.push({ unit: ch, before });
      before = 'none';
    } else if (isSpace(ch)) {
      before = 'space'; // a run with any whitespace may be a real word break
    } else if (before === 'none') {
      before = 'other';
    }
  }
  return out;
}
