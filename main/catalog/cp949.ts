/**
 * A strict CP949 (Windows code page 949, "Unified Hangul Code") decoder, for CSV files saved by
 * Korean Excel. Node's 'euc-kr' TextDecoder (ICU 78 here) only knows KS X 1001 and turns CP949's
 * extended syllables (똠, 쌰, 햏 … 8,822 of them) into a C1 control plus a Latin letter, silently.
 *
 * The table is built once from two facts: KS X 1001 pairs (both bytes 0xA1–0xFE) decode correctly
 * with Node's own 'euc-kr' decoder; and CP949's extension region holds the 8,822 syllables that
 * KS X 1001 lacks, in Unicode order, in byte order over lead 0x81–0xC6 and trail 0x41–0x5A,
 * 0x61–0x7A, 0x81–0xFE (trail ≥ 0xA1 only under leads below 0xA1). A test checks all 11,172
 * syllables against a file written by Python's cp949 codec.
 */
let table: Uint16Array | null = null;

const EXT_TRAILS = [...range(0x41, 0x5a), ...range(0x61, 0x7a), ...range(0x81, 0xfe)];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function buildTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  const ksx = new TextDecoder('euc-kr', { fatal: true });
  const inKsx = new Set<number>();
  for (const lead of range(0xa1, 0xfe))
    for (const trail of range(0xa1, 0xfe)) {
      let s: string;
      try {
        s = ksx.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (s.length !== 1) continue;
      t[(lead << 8) | trail] = s.charCodeAt(0);
      inKsx.add(s.charCodeAt(0));
    }
  let syllable = 0xac00;
  const nextMissing = () => {
    while (syllable <= 0xd7a3 && inKsx.has(syllable)) syllable++;
    return syllable <= 0xd7a3 ? syllable++ : 0;
  };
  for (const lead of range(0x81, 0xc6))
    for (const trail of EXT_TRAILS) {
      if (lead >= 0xa1 && trail >= 0xa1) continue;
      const c = nextMissing();
      if (!c) return t;
      t[(lead << 8) | trail] = c;
    }
  return t;
}

/** The text, or null when a byte sequence is not CP949 (never a silent replacement). */
export function decodeCp949(bytes: Uint8Array): string | null {
  table ??= buildTable();
  const out: number[] = [];
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out.push(b);
    else {
      const code = i + 1 < bytes.length ? table[(b << 8) | bytes[i + 1]!]! : 0;
      if (!code) return null;
      out.push(code);
      i++;
    }
    // Flush in chunks: String.fromCharCode takes a bounded number of arguments.
    if (out.length >= 8192) text += String.fromCharCode(...out.splice(0));
  }
  return text + String.fromCharCode(...out);
}

let reverse: Map<number, number> | null = null;

/**
 * The text in CP949 for Excel and courier upload tools that expect 한글 완성형. A character CP949
 * cannot hold (emoji, most non-Korean scripts) becomes "?", counted in `replaced` so the studio can
 * say so; a leading byte-order mark is dropped (it has no CP949 form).
 */
export function encodeCp949(text: string): { bytes: Uint8Array; replaced: number } {
  table ??= buildTable();
  if (!reverse) {
    reverse = new Map();
    for (let code = 0x8100; code < 0x10000; code++) {
      const ch = table[code]!;
      if (ch && !reverse.has(ch)) reverse.set(ch, code);
    }
  }
  const out: number[] = [];
  let replaced = 0;
  for (const ch of text.startsWith('\uFEFF') ? text.slice(1) : text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      // ₩ (U+20A9) has no CP949 code; Korean Windows writes the full-width won sign (U+FFE6) for it.
      const code = cp <= 0xffff ? reverse.get(cp === 0x20a9 ? 0xffe6 : cp) : undefined;
      if (code === undefined) {
        out.push(0x3f);
        replaced++;
      } else out.push(code >> 8, code & 0xff);
    }
  }
  return { bytes: Uint8Array.from(out), replaced };
}
