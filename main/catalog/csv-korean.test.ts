import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvColumnOf, csvTemplate } from '../../common/commerce/csv-columns.js';
import { useTempCatalog } from '../testing/temp-catalog.js';
import { csvMessagesEn, csvMessagesKo } from './csv-messages.js';

const t = useTempCatalog();

const cp949File = readFileSync(new URL('../../tests/fixtures/products-korean-cp949.csv', import.meta.url));
const hangul = /[\uac00-\ud7a3]/;

describe('CSV import in Korean', () => {
  it('imports a CP949 file with Korean column names and says it was CP949', () => {
    const report = t.catalog.importCsvFile(cp949File, 'all-or-nothing', 'ko');
    expect(report).toEqual({ imported: 2, goodRows: 2, errors: [], encoding: 'cp949' });
    const byName = Object.fromEntries(t.catalog.products.list().map((p) => [p.name, p]));
    expect(byName['봄 울 가디건']).toMatchObject({ description: '부드러운 울 혼방, 손세탁', price: 39000, salePrice: 29000, stock: 30 });
    expect(byName['봄 울 가디건']!.options.map((o) => o.name)).toEqual(['S', 'M', 'L']);
    expect(byName['똠방 양말']).toMatchObject({ price: 3000, stock: 10 });
  });

  it('accepts Korean, English and common Korean shop names for columns, mixed', () => {
    expect(['상품명', ' 가 격 ', 'STOCK', '판매가', '재고수량', '옵션', '상품링크', 'sale_price'].map(csvColumnOf)).toEqual(['name', 'price', 'stock', 'price', 'stock', 'options', 'external_url', 'sale_price']);
    expect(csvColumnOf('색상')).toBeNull();
    expect(t.catalog.importCsv('상품명,price,재고\n양말,3000,5\n', 'all-or-nothing', 'ko')).toEqual({ imported: 1, goodRows: 1, errors: [] });
  });

  it('a column named twice in two languages is one column named twice', () => {
    const report = t.catalog.importCsv('name,상품명,가격,재고\na,b,1,1\n', 'check', 'ko');
    expect(report.errors).toEqual([{ line: 1, reason: expect.stringContaining('두 번 나온 열 상품명') }]);
  });

  it('both templates import as they download', () => {
    for (const lang of ['ko', 'en'] as const) expect(t.catalog.importCsv(csvTemplate(lang), 'check', lang)).toEqual({ imported: 0, goodRows: 1, errors: [] });
    expect(csvTemplate('ko').split('\r\n')[0]).toBe('상품명,설명,가격,할인가,통화,재고,옵션,상품링크,이미지');
  });

  it('writes every reason in Korean for the Korean UI, with Korean column names', () => {
    const file = '상품명,가격,재고,옵션,이미지,색상\n';
    expect(t.catalog.importCsv(file, 'check', 'ko').errors[0]!.reason).toMatch(/^첫 줄\(열 이름\)에 문제가 있습니다: 알 수 없는 열 “색상”/);
    const rows = '상품명,가격,할인가,재고,옵션,통화\n' + ['a,-1,,1,,', 'b,abc,,1,,', 'c,100,200,1,,', 'd,100,,x,,', 'e,100,,,S,', 'f,100,,1,,XYZ', ',100,,1,,'].join('\n') + '\n';
    const reasons = t.catalog.importCsv(rows, 'check', 'ko').errors.map((e) => e.reason);
    expect(reasons).toHaveLength(7);
    for (const r of reasons) {
      expect(r).toMatch(hangul);
      // Nothing English left: only the seller's own values, currency codes and examples are Latin.
      expect(r.replace(/“[^”]*”|KRW|USD|EUR|JPY|S:10\|M:5|\d+|[A-Z]{3}/g, '')).not.toMatch(/[a-z]{3,}/i);
    }
    expect(reasons[2]).toBe('할인가: 할인가는 정가보다 낮아야 합니다');
    expect(t.catalog.importCsv('', 'check', 'ko').errors[0]!.reason).toMatch(/^파일이 비어 있습니다/);
    expect(t.catalog.importCsv('상품명,가격,재고\n"열린 따옴표,1,1\n', 'check', 'ko').errors[0]!.reason).toMatch(/^CSV 형식이 올바르지 않습니다: 2행/);
  });

  it('refuses a file in neither encoding with a reason in the UI language, writing nothing', () => {
    const bytes = Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0xff, 0xfe, 0x0a]);
    expect(t.catalog.importCsvFile(bytes, 'good-rows', 'ko')).toEqual({ imported: 0, goodRows: 0, errors: [{ line: 1, reason: csvMessagesKo.notDecodable }] });
    expect(t.catalog.importCsvFile(bytes, 'good-rows', 'en').errors[0]!.reason).toBe(csvMessagesEn.notDecodable);
    expect(t.catalog.products.list()).toEqual([]);
  });

  it('has a Korean sentence for every English one', () => {
    for (const [key, en] of Object.entries(csvMessagesEn)) {
      const ko = csvMessagesKo[key as keyof typeof csvMessagesKo];
      expect(typeof ko, key).toBe(typeof en);
      // A function's own text holds its Korean wording (its arguments vary by message).
      if (key !== 'schema' && key !== 'column') expect(String(ko), key).toMatch(hangul);
    }
  });
});
