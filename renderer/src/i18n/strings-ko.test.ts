import { describe, expect, it } from 'vitest';
import { dictionaries } from './strings.js';

/**
 * The Korean studio must not show English: every English key has a Korean value, and a Korean
 * value never is an English sentence. Values are compared leaf by leaf; functions are called with
 * sample arguments. Latin that Korean UIs write as is (codes, formats, brands) is allowed.
 */
const ALLOWED_LATIN = /\b(CSV|UTF-8|BOM|CP949|EUC-KR|PNG|JPEG|WebP|GIF|MB|KB|OBS|WHIP|QR|URL|ID|HD|Full|fps|p\d+|KRW|USD|EUR|JPY|http|https|Windows|Excel|Ctrl|Shift|Esc|Enter|Space|Tab|LIVE|PIN|SMS|Wi-Fi|VAT|Mac|API|SDP|ICE|TURN|TLS|GB|LTE|5G|iOS|Android|Chrome|Safari|S|M|L|XL|e\.g\.)\b/g;
/** Latin on purpose: the toggle names the other language; video and badge terms Korean shops write in Latin. */
const INTENDED = new Set(['langToggle', 'room.qualityNames.1080p30', 'commerce.orders.newBadge']);
const SAMPLE_ARGS = [2, 'x', 3, 4];

type Leaf = { path: string; en: unknown; ko: unknown };
function leaves(en: unknown, ko: unknown, path = ''): Leaf[] {
  if (en && typeof en === 'object' && !Array.isArray(en)) return Object.keys(en).flatMap((k) => leaves((en as Record<string, unknown>)[k], (ko as Record<string, unknown> | undefined)?.[k], path ? `${path}.${k}` : k));
  return [{ path, en, ko }];
}
const text = (v: unknown): string | null => {
  if (typeof v === 'string') return v;
  if (typeof v === 'function') {
    try {
      const out = (v as (...a: unknown[]) => unknown)(...SAMPLE_ARGS);
      return typeof out === 'string' ? out : null;
    } catch {
      return null;
    }
  }
  return null;
};

describe('Korean strings', () => {
  const all = leaves(dictionaries.en, dictionaries.ko);

  it('has a Korean value for every English key', () => {
    expect(all.filter((l) => l.ko === undefined).map((l) => l.path)).toEqual([]);
  });

  it('has no English sentences left in the Korean table', () => {
    const leaks = all.filter((l) => {
      const ko = text(l.ko);
      if (ko === null || INTENDED.has(l.path) || /[\uac00-\ud7a3]/.test(ko)) return false;
      // No Hangul at all: a leak when an English word of 3+ letters remains after the allowed ones.
      return /[A-Za-z]{3,}/.test(ko.replace(ALLOWED_LATIN, '').replace(/\bx\b/g, ''));
    });
    expect(leaks.map((l) => `${l.path}: ${text(l.ko)}`)).toEqual([]);
  });
});
