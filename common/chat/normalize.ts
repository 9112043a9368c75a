import { remove as removeConfusables } from 'confusables';
import { assemble } from 'es-hangul';
import { CHAT_MAX_GRAPHEMES, CHAT_MAX_LINES, CHAT_MAX_MARKS_PER_BASE, CHAT_MAX_RAW_UNITS } from './limits.js';

/**
 * Chat text normalisation: what a viewer typed becomes one displayable string (no invisible,
 * direction-changing or control characters, bounded marks, lines and length) plus a separate
 * matching form for the word and link filters. Pure: runs on the relay, studio and watch page.
 */

/** too_long.graphemes is absent when the raw input was refused unread (over CHAT_MAX_RAW_UNITS). */
export type ChatTextProblem = { kind: 'empty' } | { kind: 'too_long'; graphemes?: number; max: number };

export type NormalizedChatText =
  | { ok: true; text: string; matching: string; graphemes: number }
  | { ok: false; problem: ChatTextProblem };

const ZWJ = 0x200d;
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
/** Whitespace on one line (tabs, NBSP, ideographic space, braille blank used as an invisible "space"). */
const SPACE_RUN = /[\s\u2800]+/gu;
/** Format (bidi, zero-width, tags, soft hyphen...), controls, surrogates, private use. */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Cs}\p{Co}]/u;
/** Hangul fillers render as nothing; they are the classic "invisible nickname" trick in Korea. */
const HANGUL_FILLERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0]);
const MARK = /\p{M}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const isVariationSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const isSkinTone = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const isNonCharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
/** The whole tag block, assigned or not: tags spell invisible text (and unassigned ones render as nothing). */
const isTag = (cp: number) => cp >= 0xe0000 && cp <= 0xe007f;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters that can join a grapheme cluster with a neighbour (marks, ZWJ, skin tones, flags,
 * conjoining jamo, CR, prepend/format). Without any, each code point is one grapheme and the
 * (slow) segmenter is skipped: most chat lines take this path.
 */
const JOINS_CLUSTERS = /[\p{M}\p{Cf}\r\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}]/u;

export function countGraphemes(text: string): number {
  if (!JOINS_CLUSTERS.test(text)) {
    let points = 0;
    for (const _ of text) points++;
    return points;
  }
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Marks and selectors need a visible base; on a space or line start they would survive trimming as debris. */
const hasBase = (prev: string) => prev !== '' && !/[\s\u2800]/u.test(prev);

/**
 * Drops invisible and control characters (keeping line breaks for now), Zalgo mark floods and
 * repeated variation selectors. ZWJ survives only between two pictographs (👨‍👩‍👧), where it is
 * part of one emoji; anywhere else it is an invisible separator used to dodge filters.
 */
/** Anything stripInvisible would change; a line without any (the usual case) skips the per-character walk. */
const NEEDS_STRIP = /[\p{Cf}\p{Cc}\p{Cs}\p{Co}\p{M}\u115f\u1160\u3164\uffa0\ufdd0-\ufdef\ufffe\uffff\u2028\u2029]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{E0000}-\u{E007F}\u{EFFFE}\u{EFFFF}]/u;

function stripInvisible(text: string): string {
  if (!NEEDS_STRIP.test(text)) return text;
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  let out = '';
  let marks = 0;
  let selector = false;
  let prevKept = ''; // last kept character, for the ZWJ rule
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const ch = String.fromCodePoint(cp);
    if (ch === '\n' || ch === '\r' || ch === '\v' || ch === '\f' || cp === 0x85 || cp === 0x2028 || cp === 0x2029 || ch === '\t') {
      out += ch === '\t' ? ' ' : ch;
      marks = 0; selector = false; prevKept = ch;
      continue;
    }
    if (cp === ZWJ) {
      const next = cps[i + 1];
      const prevCp = prevKept.codePointAt(0) ?? 0;
      const prevIsEmoji = PICTOGRAPHIC.test(prevKept) || prevCp === 0xfe0f || isSkinTone(prevCp);
      if (prevIsEmoji && next !== undefined && PICTOGRAPHIC.test(String.fromCodePoint(next))) { out += ch; prevKept = ch; }
      continue;
    }
    if (INVISIBLE.test(ch) || HANGUL_FILLERS.has(cp) || isNonCharacter(cp) || isTag(cp)) continue;
    if (isVariationSelector(cp)) {
      // One selector per base (❤️ needs FE0F); a run of them is padding.
      if (!selector && hasBase(prevKept) && !MARK.test(prevKept)) { out += ch; selector = true; prevKept = ch; }
      continue;
    }
    if (MARK.test(ch)) {
      if (!hasBase(prevKept) || marks >= CHAT_MAX_MARKS_PER_BASE) continue;
      marks++; out += ch; prevKept = ch;
      continue;
    }
    marks = 0; selector = false; out += ch; prevKept = ch;
  }
  return out;
}

/** One line per break, whitespace runs collapsed, empty lines dropped, at most CHAT_MAX_LINES lines. */
function tidyLines(text: string): string {
  const lines = text.split(LINE_BREAK).map((l) => l.replace(SPACE_RUN, ' ').trim()).filter((l) => l !== '');
  if (lines.length <= CHAT_MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, CHAT_MAX_LINES - 1), lines.slice(CHAT_MAX_LINES - 1).join(' ')].join('\n');
}

/** The text as shown: NFC, nothing invisible, tidy whitespace. Idempotent. */
export function displayForm(raw: string): string {
  // Twice: removing marks can leave a string that NFC composes further; the second pass is then a no-op.
  let text = raw;
  for (let pass = 0; pass < 2; pass++) text = tidyLines(stripInvisible(text.normalize('NFC'))).normalize('NFC');
  return text;
}

/**
 * The form the filters look at, never shown: NFKC (fullwidth → ASCII, ① → 1, compatibility
 * jamo kept as jamo), lower case, Latin look-alikes folded to Latin (Cyrillic а → a, é → e).
 */
export function matchingForm(display: string): string {
  return removeConfusables(assembleJamoRuns(display).normalize('NFKC').toLowerCase()).normalize('NFC');
}

/** A run of compatibility jamo with a vowel ("ㅅㅣㅂㅏㄹ") is a word typed letter by letter: compose it as a keyboard would. */
const JAMO_RUN = /[\u3131-\u3163]{2,}/g;
const JAMO_VOWEL = /[\u314f-\u3163]/;
function assembleJamoRuns(text: string): string {
  return text.replace(JAMO_RUN, (run) => {
    if (!JAMO_VOWEL.test(run)) return run;
    try {
      return assemble([...run]);
    } catch {
      return run; // a sequence es-hangul cannot compose stays as letters
    }
  });
}

export function normalizeChatText(raw: string): NormalizedChatText {
  // Not counted: counting a 10 KB paste would cost more than refusing it.
  if (raw.length > CHAT_MAX_RAW_UNITS) return { ok: false, problem: { kind: 'too_long', max: CHAT_MAX_GRAPHEMES } };
  const text = displayForm(raw);
  if (text === '') return { ok: false, problem: { kind: 'empty' } };
  const graphemes = countGraphemes(text);
  if (graphemes > CHAT_MAX_GRAPHEMES) return { ok: false, problem: { kind: 'too_long', graphemes, max: CHAT_MAX_GRAPHEMES } };
  return { ok: true, text, matching: matchingForm(text), graphemes };
}
