import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCp949 } from './cp949.js';
import { decodeCsvBytes } from './csv-decode.js';

/** Written by Python's cp949 codec (a known table), as Korean Excel saves "CSV (쉼표로 분리)"; "똠" is one of CP949's extended Hangul. */
const cp949File = readFileSync(new URL('../../tests/fixtures/products-korean-cp949.csv', import.meta.url));

describe('CSV encoding detection', () => {
  it('reads a CP949 file from Korean Excel, including extended Hangul', () => {
    const decoded = decodeCsvBytes(cp949File);
    expect(decoded).toMatchObject({ ok: true, encoding: 'cp949' });
    if (!decoded.ok) return;
    expect(decoded.text.split('\r\n')[0]).toBe('상품명,설명,가격,할인가,재고,옵션');
    expect(decoded.text).toContain('똠방 양말');
  });

  it('known CP949 bytes decode to the known syllables', () => {
    // 한 = C7D1, 글 = B1DB in KS X 1001; 똠 = 8C63 in the CP949 extension.
    expect(decodeCsvBytes(Uint8Array.from([0xc7, 0xd1, 0xb1, 0xdb, 0x2c, 0x8c, 0x63]))).toEqual({ ok: true, text: '한글,똠', encoding: 'cp949' });
  });

  it('tells UTF-8 with and without a BOM apart and drops the BOM', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFF상품명,가격\n', 'utf8'))).toEqual({ ok: true, text: '상품명,가격\n', encoding: 'utf-8-bom' });
    expect(decodeCsvBytes(Buffer.from('상품명,가격\n', 'utf8'))).toEqual({ ok: true, text: '상품명,가격\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(Buffer.from('name,price\n', 'ascii'))).toEqual({ ok: true, text: 'name,price\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('refuses bytes that are neither, instead of importing mojibake', () => {
    expect(decodeCsvBytes(Uint8Array.from([0x41, 0xff, 0xff, 0x42]))).toEqual({ ok: false });
    // A BOM followed by CP949 is a broken file, not UTF-8.
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc7, 0xd1]))).toEqual({ ok: false });
  });
});

describe('CP949 decoder', () => {
  it('decodes all 11,172 Hangul syllables exactly as Python’s cp949 codec encoded them', () => {
    const cp949 = readFileSync(new URL('../../tests/fixtures/hangul-all-cp949.txt', import.meta.url));
    const utf8 = readFileSync(new URL('../../tests/fixtures/hangul-all-utf8.txt', import.meta.url), 'utf8');
    expect(decodeCp949(cp949)).toBe(utf8);
  });

  it('refuses a lone lead byte and unassigned pairs', () => {
    expect(decodeCp949(Uint8Array.of(0x41, 0xc7))).toBeNull();
    expect(decodeCp949(Uint8Array.of(0xc9, 0x41))).toBeNull();
    expect(decodeCp949(Uint8Array.of(0x80, 0x41))).toBeNull();
  });
});
