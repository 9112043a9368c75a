import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers, parseRawPattern } from 'obscenity';
import { hangulUnits, type HangulUnit } from './hangul-units.js';
import { matchingForm } from './normalize.js';
import { ENGLISH_STARTER_WORDS } from './words-en.js';
import { KOREAN_ALLOWED_WORDS, KOREAN_STARTER_WORDS } from './words-ko.js';

/**
 * The banned-word matcher: Korean by Hangul units (spacing, filler, jamo and repeat tolerant,
 * with an allow-list masking innocent words first), English and romanised Korean through
 * obscenity's maintained English dataset and transformers. A hit names the list entry for the
 * moderator log; the chat never shows it to other viewers.
 */

export type WordList = 'ko' | 'en' | 'custom';
export type WordMatch = { matched: false } | { matched: true; list: WordList; entry: string };

export interface WordFilterInput {
  /** The seller's own banned words (Korean or Latin). */
  customWords?: readonly string[];
  /** Words never flagged (e.g. a product name); masks matches inside them. */
  allowWords?: readonly string[];
  /** Starter lists on (default) or off (a seller who wants only their own words). */
  starterLists?: boolean;
}

export interface WordFilter {
  check(display: string, matching: string): WordMatch;
  /** Entries refused at compile time, with why (too short, no letters, characters obscenity cannot take). */
  rejected: { word: string; why: 'too_short' | 'unsupported_characters' }[];
}

interface KoreanEntry { units: string[]; list: WordList; entry: string }

const LATIN_LETTER = /[a-z]/;
const HANGUL_RUN = /[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]+/gu;
/**
 * Three digits or more in a row are a number (an order number, a price, a size, a time), not
 * letters in disguise: obscenity reads digits as leetspeak (1 → i, 7 → t), so "t171354" was "titi…".
 * Short runs stay, so "sh1t" is still caught.
 */
const DIGIT_RUN = /\p{Nd}{3,}/gu;
const HANGUL = /[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]/u;
/** Latin custom words: letters, digits, spaces, hyphen, apostrophe; obscenity's pattern syntax stays out. */
const LATIN_WORD = /^[\p{L}\p{N}' -]+$/u;

function unitsOf(word: string): string[] {
  return hangulUnits(matchingForm(word)).map((u) => u.unit);
}

/** Index entries by first unit, so a message is scanned once per unit, not once per entry. */
function indexEntries(entries: KoreanEntry[]): Map<string, KoreanEntry[]> {
  const byFirst = new Map<string, KoreanEntry[]>();
  for (const e of entries) {
    const key = e.units[0]!;
    byFirst.set(key, [...(byFirst.get(key) ?? []), e]);
  }
  // Longest first, so the log names the most specific entry ("씹새끼", not "씹").
  for (const list of byFirst.values()) list.sort((a, b) => b.units.length - a.units.length);
  return byFirst;
}

function unitsMatchAt(stream: HangulUnit[], at: number, units: string[]): boolean {
  if (at + units.length > stream.length) return false;
  for (let k = 0; k < units.length; k++) if (stream[at + k]!.unit !== units[k]) return false;
  return true;
}

/**
 * A match that spans whitespace ("시 발") counts only as a whole word: "다시 발송" (resend) has
 * 시 ending one word and 발 starting the next, so it is not an insult. Filler that is not
 * whitespace ("시1발", "시.발") is a dodge and always counts.
 */
function wholeWordIfSpaced(stream: HangulUnit[], at: number, length: number): boolean {
  let spaced = false;
  for (let k = 1; k < length; k++) if (stream[at + k]!.before === 'space') spaced = true;
  if (!spaced) return true;
  const startsWord = stream[at]!.before !== 'none' || at === 0;
  const next = stream[at + length];
  const endsWord = next === undefined || next.before !== 'none';
  return startsWord && endsWord;
}

function compileKorean(banned: KoreanEntry[], allowed: string[][]) {
  const bannedByFirst = indexEntries(banned);
  const allowByFirst = indexEntries(allowed.map((units) => ({ units, list: 'custom' as const, entry: '' })));
  return (matching: string): WordMatch => {
    if (!HANGUL.test(matching)) return { matched: false };
    const stream = hangulUnits(matching);
    // Ranges of innocent words, end exclusive.
    const allowedRanges: [number, number][] = [];
    for (let i = 0; i < stream.length; i++) {
      for (const a of allowByFirst.get(stream[i]!.unit) ?? []) {
        if (unitsMatchAt(stream, i, a.units)) allowedRanges.push([i, i + a.units.length]);
      }
    }
    for (let i = 0; i < stream.length; i++) {
      for (const e of bannedByFirst.get(stream[i]!.unit) ?? []) {
        const end = i + e.units.length;
        if (!unitsMatchAt(stream, i, e.units) || !wholeWordIfSpaced(stream, i, e.units.length)) continue;
        if (allowedRanges.some(([s, t]) => s <= i && end <= t)) continue;
        return { matched: true, list: e.list, entry: e.entry };
      }
    }
    return { matched: false };
  };
}

function compileLatin(words: { word: string; list: WordList }[], allowWords: string[], starterLists: boolean) {
  const data = new DataSet<{ originalWord: string; list: WordList }>();
  if (starterLists) data.addAll(englishDataset as unknown as DataSet<{ originalWord: string; list: WordList }>);
  for (const { word, list } of words) {
    data.addPhrase((p) => p.setMetadata({ originalWord: word, list }).addPattern(parseRawPattern(`|${word}|`)));
  }
  const built = data.build();
  const matcher = new RegExpMatcher({
    blacklistedTerms: built.blacklistedTerms,
    whitelistedTerms: [...(built.whitelistedTerms ?? []), ...allowWords],
    ...englishRecommendedTransformers,
  });
  return (display: string, matching: string): WordMatch => {
    // obscenity costs per character: skip it when nothing Latin is left after folding look-alikes,
    // and give it only the non-Hangul parts (Hangul never matches an English pattern).
    if (!LATIN_LETTER.test(matching)) return { matched: false };
    const hits = matcher.getAllMatches(display.replace(HANGUL_RUN, ' ').replace(DIGIT_RUN, ' '));
    if (hits.length === 0) return { matched: false };
    const meta = data.getPayloadWithPhraseMetadata(hits[0]!).phraseMetadata;
    return { matched: true, list: meta?.list ?? 'en', entry: meta?.originalWord ?? '' };
  };
}

export function compileWordFilter(input: WordFilterInput = {}): WordFilter {
  const starterLists = input.starterLists ?? true;
  const rejected: WordFilter['rejected'] = [];
  const korean: KoreanEntry[] = [];
  const latin: { word: string; list: WordList }[] = [];
  const add = (raw: string, list: WordList) => {
    const word = matchingForm(raw.normalize('NFC')).replace(/\s+/gu, ' ').trim();
    if (HANGUL.test(word)) {
      const units = unitsOf(word);
      if (units.length === 0) rejected.push({ word: raw, why: 'too_short' });
      else korean.push({ units, list, entry: raw.trim() });
    } else if (word.length < 2) rejected.push({ word: raw, why: 'too_short' });
    else if (!LATIN_WORD.test(word)) rejected.push({ word: raw, why: 'unsupported_characters' });
    else latin.push({ word, list });
  };
  if (starterLists) {
    KOREAN_STARTER_WORDS.forEach((w) => add(w, 'ko'));
    ENGLISH_STARTER_WORDS.forEach((w) => add(w, 'en'));
  }
  (input.customWords ?? []).forEach((w) => add(w, 'custom'));

  const allowRaw = [...(starterLists ? KOREAN_ALLOWED_WORDS : []), ...(input.allowWords ?? [])];
  const allowKorean = allowRaw.filter((w) => HANGUL.test(w)).map(unitsOf).filter((u) => u.length > 0);
  const allowLatin = allowRaw.filter((w) => !HANGUL.test(w)).map((w) => matchingForm(w).trim()).filter((w) => w.length >= 2);

  const checkKorean = compileKorean(korean, allowKorean);
  const checkLatin = compileLatin(latin, allowLatin, starterLists);
  return {
    rejected,
    check(display, matching) {
      const ko = checkKorean(matching);
      return ko.matched ? ko : checkLatin(display, matching);
    },
  };
}
