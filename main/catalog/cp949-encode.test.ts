import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCp949, encodeCp949 } from './cp949.js';

describe('CP949 encoder (orders sheets for older Excel and courier tools)', () => {
  it('writes all 11,172 Hangul syllables exactly as Python’s cp949 codec does', () => {
    const cp949 = readFileSync(new URL('../../tests/fixtures/hangul-all-cp949.txt', import.meta.url));
    const utf8 = readFileSync(new URL('../../tests/fixtures/hangul-all-utf8.txt', import.meta.url), 'utf8');
    const { bytes, replaced } = encodeCp949(utf8);
    expect(replaced).toBe(0);
    expect(Buffer.from(bytes).equals(cp949)).toBe(true);
  });

  it('drops the byte-order mark, keeps ASCII and symbols KS X 1001 has (₩ as ￦), and counts what it had to replace', () => {
    const { bytes, replaced } = encodeCp949('\uFEFF주문번호,"₩3,000 · 김똠"\r\n🎁선물');
    expect(replaced).toBe(1);
    expect(decodeCp949(bytes)).toBe('주문번호,"￦3,000 · 김똠"\r\n?선물'); // ₩ as the full-width won Korean Windows uses
  });
});
