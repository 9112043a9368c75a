import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random.js';
import { checkChatMessage, compileChatFilter } from './chat-filter.js';
import { CHAT_MAX_GRAPHEMES, CHAT_MAX_LINES } from './limits.js';
import { countGraphemes, displayForm, normalizeChatText } from './normalize.js';

/**
 * Random strings, heavy on the nasty code point ranges, through the whole chat input path:
 * nothing throws, the shown text carries no invisible/bidi/control characters, stays within the
 * limits, and normalising is idempotent. Seeded, so a failure replays.
 */
type Rng = ReturnType<typeof seededRandom>;

const NASTY_RANGES: [number, number][] = [
  [0x0000, 0x001f], [0x007f, 0x009f], [0x0300, 0x036f], [0x0483, 0x0489], [0x061c, 0x061c], [0x115f, 0x1160], [0x1100, 0x11ff], [0x180e, 0x180e],
  [0x200b, 0x200f], [0x2028, 0x202e], [0x2060, 0x206f], [0x20d0, 0x20ff], [0x3000, 0x3000], [0x3131, 0x318e], [0x3164, 0x3164], [0xac00, 0xd7a3],
  [0xd800, 0xdfff], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xff01, 0xff5e], [0xffa0, 0xffa0], [0xfff9, 0xffff], [0x1f300, 0x1faff], [0x1f3fb, 0x1f3ff],
  [0xe0000, 0xe007f], [0xe0100, 0xe01ef], [0xf0000, 0xf00ff], [0x0400, 0x04ff], [0x0020, 0x007e],
];
const WORDS = ['시발', 'ㅅㅂ', 'naver.com', 'bit.ly/x', 'http://[::1]', '[.]', '。', 'xn--', '\u200D', '\u{1F468}', 'https://', '@', ' ', '\n'];

function randomText(rng: Rng): string {
  const parts: string[] = [];
  const n = rng.int(0, rng.next() < 0.05 ? 3000 : 60);
  for (let i = 0; i < n; i++) {
    if (rng.next() < 0.15) { parts.push(rng.pick(WORDS)); continue; }
    const [lo, hi] = rng.pick(NASTY_RANGES);
    const cp = rng.int(lo, hi);
    // Lone surrogates on purpose: JS strings can carry them, and so can a WebSocket's decoded JSON.
    parts.push(cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp));
  }
  return parts.join('');
}

const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Co}\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\u180E\u3164\uFFA0\u115F\u1160\u{E0000}-\u{E007F}]/u;
const config = compileChatFilter({ ownDomains: ['shopgangnam.co.kr'], customWords: ['짝퉁'] });

describe('chat input path, property test', () => {
  it('never throws, never shows invisible characters, stays within limits, normalises idempotently', () => {
    const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env;
    const rng = seededRandom(Number(env?.["CHAT_FUZZ_SEED"] ?? 0xc4a7));
    for (let i = 0; i < 3000; i++) {
      const raw = randomText(rng);
      const n = normalizeChatText(raw);
      const r = checkChatMessage(raw, config);
      if (!n.ok) { expect(r.ok).toBe(false); continue; }
      const shown = n.text.replace(/\n/g, '');
      expect(FORBIDDEN.test(shown), JSON.stringify(raw)).toBe(false);
      // ZWJ only between pictographs.
      for (const m of n.text.matchAll(/\u200D/g)) expect(/\p{Extended_Pictographic}/u.test(String.fromCodePoint(n.text.codePointAt(m.index + 1)!))).toBe(true);
      expect(countGraphemes(n.text)).toBeLessThanOrEqual(CHAT_MAX_GRAPHEMES);
      expect(n.text.split('\n').length).toBeLessThanOrEqual(CHAT_MAX_LINES);
      expect(n.text).toBe(n.text.trim());
      expect(displayForm(n.text), JSON.stringify(raw)).toBe(n.text);
      const again = normalizeChatText(n.text);
      expect(again.ok && again.text).toBe(n.text);
      if (r.ok) {
        expect(r.text).toBe(n.text);
        for (const l of r.links) expect(l.start >= 0 && l.end <= r.text.length && l.start < l.end && l.href.startsWith('https://')).toBe(true);
      }
    }
  });

  it('non-string input is refused, not thrown', () => {
    for (const bad of [null, 42, {}, [], Symbol.for('x')]) expect(checkChatMessage(bad as unknown as string, config).ok).toBe(false);
  });
});
