import { describe, expect, it } from 'vitest';
import { CHAT_MAX_GRAPHEMES, CHAT_MAX_LINES, CHAT_MAX_MARKS_PER_BASE } from './limits.js';
import { countGraphemes, displayForm, normalizeChatText } from './normalize.js';

const text = (raw: string) => {
  const r = normalizeChatText(raw);
  if (!r.ok) throw new Error(`refused: ${r.problem.kind}`);
  return r;
};

describe('normalizeChatText', () => {
  it('removes bidi overrides, isolates and marks (the "reversed filename" trick)', () => {
    expect(text('abc\u202Egpj.exe\u202C').text).toBe('abcgpj.exe');
    expect(text('\u2066x\u2067y\u2068z\u2069\u200E\u200F\u061C').text).toBe('xyz');
  });

  it('removes zero-width and invisible format characters, tags and Hangul fillers', () => {
    expect(text('시\u200B발\u200C\u2060\uFEFF\u180E').text).toBe('시발');
    expect(text('a\u{E0041}\u{E0042}b').text).toBe('ab');
    expect(text('\u3164\u3164닉네임\uFFA0').text).toBe('닉네임');
    expect(text('soft\u00ADhyphen').text).toBe('softhyphen');
  });

  it('removes C0 and C1 controls; line breaks become spaces (a chat message is one line)', () => {
    expect(text('a\u0000b\u0007c\u001B[31md\u0085e').text).toBe('abc[31md e');
    expect(text('하나\n\n\n둘\r\n셋\u2028넷\n다섯').text.split('\n')).toHaveLength(CHAT_MAX_LINES);
    expect(text('하나\n\n\n둘\r\n셋').text).toBe('하나 둘 셋');
  });

  it('keeps ZWJ inside emoji sequences and drops it elsewhere', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(text(family).text).toBe(family);
    const heartOnFire = '\u2764\uFE0F\u200D\u{1F525}';
    expect(text(heartOnFire).text).toBe(heartOnFire);
    const skinToneZwj = '\u{1F469}\u{1F3FD}\u200D\u{1F4BB}';
    expect(text(skinToneZwj).text).toBe(skinToneZwj);
    expect(text('a\u200Db').text).toBe('ab');
    expect(text('\u{1F600}\u200D').text).toBe('\u{1F600}');
  });

  it('cuts Zalgo mark floods but keeps ordinary accents, Hangul and keycaps', () => {
    const zalgo = 'Z' + '\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308'.repeat(10) + 'a';
    const cut = text(zalgo).text;
    // NFC may fold the first mark into the letter (Ź); at most CHAT_MAX_MARKS_PER_BASE marks remain.
    expect(cut.normalize('NFD').match(/\p{M}/gu)!.length).toBeLessThanOrEqual(CHAT_MAX_MARKS_PER_BASE + 1);
    expect(cut.endsWith('a')).toBe(true);
    expect(text('café naïve').text).toBe('café naïve');
    expect(text('1\uFE0F\u20E3 번 상품').text).toBe('1\uFE0F\u20E3 번 상품');
    expect(text('\u1112\u1161\u11AB\u1100\u116E\u11A8').text).toBe('한국'); // decomposed jamo compose
    expect(text('\u2764' + '\uFE0F'.repeat(50)).text).toBe('\u2764\uFE0F');
  });

  it('collapses whitespace runs and trims', () => {
    expect(text('  사이즈\t\t\u00A0 문의\u3000 드려요  ').text).toBe('사이즈 문의 드려요');
  });

  it('counts length in grapheme clusters and refuses too long with a typed problem', () => {
    expect(countGraphemes('\u{1F468}\u200D\u{1F469}\u200D\u{1F467}한é')).toBe(3);
    expect(text('가'.repeat(CHAT_MAX_GRAPHEMES)).graphemes).toBe(CHAT_MAX_GRAPHEMES);
    expect(normalizeChatText('가'.repeat(CHAT_MAX_GRAPHEMES + 1))).toEqual({ ok: false, problem: { kind: 'too_long', graphemes: CHAT_MAX_GRAPHEMES + 1, max: CHAT_MAX_GRAPHEMES } });
    expect(text('\u{1F44D}\u{1F3FD}'.repeat(CHAT_MAX_GRAPHEMES)).graphemes).toBe(CHAT_MAX_GRAPHEMES);
    const tenKb = normalizeChatText('x'.repeat(10_240));
    expect(tenKb.ok).toBe(false);
    if (!tenKb.ok) expect(tenKb.problem.kind).toBe('too_long');
  });

  it('refuses empty and invisible-only messages', () => {
    for (const raw of ['', '   ', '\u200B\u200B', '\u202E', '\n\n\t', '\u3164', '\u0301\u0301']) {
      expect(normalizeChatText(raw)).toEqual({ ok: false, problem: { kind: 'empty' } });
    }
  });

  it('matching form folds fullwidth, case and Latin look-alikes but not the displayed text', () => {
    const r = text('ＦＵＣＫ раураl 시발');
    expect(r.text).toBe('ＦＵＣＫ раураl 시발');
    expect(r.matching).toBe('fuck paypal 시발');
  });

  it('is idempotent on tricky input', () => {
    for (const raw of [' \u0301a', 'e\u0301\u0301\u0301\u0301\u0327', '\u{1F468}\u200D\u200D\u{1F469}', 'a\n\u0301b']) {
      expect(displayForm(displayForm(raw))).toBe(displayForm(raw));
    }
  });
});
