import { remove as removeConfusables } from 'confusables';

/**
 * How alike two domain names look: a confusables skeleton (in the spirit of UTS #39: map each
 * character to the Latin one it is mistaken for) and an edit distance for typos.
 */

/** Multi-character look-alikes that a per-character map misses ("rn" reads as "m"). */
const SEQUENCE_LOOKALIKES: [RegExp, string][] = [[/rn/g, 'm'], [/vv/g, 'w'], [/0/g, 'o'], [/[1|]/g, 'l']];

export function skeleton(host: string): string {
  let s = removeConfusables(host.normalize('NFKC').toLowerCase());
  for (const [re, to] of SEQUENCE_LOOKALIKES) s = s.replace(re, to);
  return s;
}

/** Damerau–Levenshtein (optimal string alignment): a swap of two neighbours counts as one typo. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/** A label mixing Latin with letters of another script (pаypal with Cyrillic а) is a disguise. */
export function isMixedScript(label: string): boolean {
  let latin = false;
  let other = false;
  for (const ch of label) {
    if (!LETTER.test(ch)) continue;
    if (LATIN.test(ch)) latin = true;
    else other = true;
  }
  return latin && other;
}
