import { describe, expect, it } from 'vitest';
import { pngBytes } from '../testing/images.js';
import { useTempCatalog } from '../testing/temp-catalog.js';
import { MAX_CSV_ROWS } from './csv-import.js';

const t = useTempCatalog();

const HEADER = 'name,description,price,sale_price,currency,stock,options,external_url,images';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const stored = () => t.catalog.products.list();

describe('CSV product import', () => {
  it('imports Korean text, quoted commas and line breaks, options, currencies and images', () => {
    const img = t.catalog.images.addBytes(pngBytes()).ref;
    const file =
      '\uFEFF' +
      csv(
        `캐시미어 니트,"부드러운 니트, 겨울용","39,000","29,000",,,S:10|M:5|L:0,https://shop.example/knit,${img}`,
        `"Linen shirt","Line one\nline two",19.99,,USD,7,,,`,
        `무지 티셔츠,,12900,,krw,20,,,`,
      );
    const report = t.catalog.importCsv(file, 'all-or-nothing');
    expect(report).toEqual({ imported: 3, goodRows: 3, errors: [] });
    const [knit, shirt, tee] = stored();
    expect(knit).toMatchObject({ name: '캐시미어 니트', description: '부드러운 니트, 겨울용', price: 39000, salePrice: 29000, currency: 'KRW', stock: 15, images: [img], externalUrl: 'https://shop.example/knit' });
    expect(knit!.options.map((o) => [o.name, o.stock])).toEqual([['S', 10], ['M', 5], ['L', 0]]);
    expect(shirt).toMatchObject({ name: 'Linen shirt', description: 'Line one\nline two', price: 1999, currency: 'USD', stock: 7, options: [] });
    expect(tee).toMatchObject({ price: 12900, currency: 'KRW' });
  });

  it('reports every bad row with its physical line and a reason, and `check` writes nothing', () => {
    const file = csv(
      'Good,"two\nlines",1000,,,1,,,', // lines 2–3
      'Negative,,-500,,,1,,,', // 4
      ',,1000,,,1,,,', // 5
      'Sale too high,,1000,2000,,1,,,', // 6
      'Options off,,1000,,,3,S:1|M:1,,', // 7
      'Bad currency,,1000,,GBP,1,,,', // 8
      'Cents in won,,1000.5,,,1,,,', // 9
      'No stock,,1000,,,,,,', // 10
      'Half stock,,1000,,,1.5,,,', // 11
      'Bad link,,1000,,,1,,ftp://x,', // 12
      `Missing image,,1000,,,1,,,${'b'.repeat(64)}.png`, // 13
      'Bad option,,1000,,,,S|M:2,,', // 14
      'Good too,,"1,000",,,0,,,', // 15
    );
    const report = t.catalog.importCsv(file, 'check');
    expect(report.imported).toBe(0);
    expect(report.goodRows).toBe(2);
    expect(report.errors).toEqual([
      { line: 4, reason: 'price: price cannot be negative' },
      { line: 5, reason: 'name: name is required' },
      { line: 6, reason: 'sale_price: sale price must be lower than the price' },
      { line: 7, reason: 'stock: stock must equal the sum of the options’ stock' },
      { line: 8, reason: expect.stringMatching(/^currency: “GBP” is not supported; use KRW, USD, JPY, EUR/) },
      { line: 9, reason: expect.stringMatching(/^price: “1000.5” is not a KRW amount/) },
      { line: 10, reason: expect.stringMatching(/^stock: stock is required/) },
      { line: 11, reason: 'stock: “1.5” is not a whole number' },
      { line: 12, reason: 'external_url: link must start with http:// or https://' },
      { line: 13, reason: expect.stringMatching(/^images: the image b{12}… has not been added/) },
      { line: 14, reason: 'options: “S” needs its stock, like S:10' },
    ]);
    expect(stored()).toEqual([]);
  });

  it('all-or-nothing imports nothing when one row is bad; good-rows imports the rest in one go', () => {
    const file = csv('A,,1000,,,1,,,', 'B,,-1,,,1,,,', 'C,,3000,,,1,,,');
    expect(t.catalog.importCsv(file, 'all-or-nothing')).toEqual({ imported: 0, goodRows: 2, errors: [{ line: 3, reason: 'price: price cannot be negative' }] });
    expect(stored()).toEqual([]);
    expect(t.catalog.importCsv(file, 'good-rows')).toEqual({ imported: 2, goodRows: 2, errors: [{ line: 3, reason: 'price: price cannot be negative' }] });
    expect(stored().map((p) => p.name)).toEqual(['A', 'C']);
  });

  it('a file where every row is bad imports nothing in any mode', () => {
    const file = csv('A,,abc,,,1,,,', 'B,,1000,,,-1,,,', ',,,,,,,,x');
    for (const mode of ['check', 'all-or-nothing', 'good-rows'] as const) {
      const report = t.catalog.importCsv(file, mode);
      expect(report).toMatchObject({ imported: 0, goodRows: 0 });
      expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    }
    expect(stored()).toEqual([]);
  });

  it('rolls the whole import back when a write fails midway', () => {
    t.db.db.exec("CREATE TEMP TRIGGER fail_third BEFORE INSERT ON products WHEN (SELECT count(*) FROM products) >= 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => t.catalog.importCsv(csv('A,,1,,,1,,,', 'B,,1,,,1,,,', 'C,,1,,,1,,,'), 'good-rows')).toThrow(/disk full/);
    expect(stored()).toEqual([]);
  });

  it('names unknown and missing columns in one error on line 1', () => {
    const report = t.catalog.importCsv('\uFEFFName,Colour,description\nKnit,red,x\n', 'good-rows');
    expect(report).toEqual({ imported: 0, goodRows: 0, errors: [{ line: 1, reason: expect.stringMatching(/unknown column “Colour”; missing columns price, stock/) }] });
    expect(t.catalog.importCsv('name,price,stock,price\n', 'check').errors).toEqual([{ line: 1, reason: expect.stringMatching(/price appears twice/) }]);
    expect(t.catalog.importCsv('', 'check').errors).toEqual([{ line: 1, reason: expect.stringMatching(/file is empty/) }]);
    expect(t.catalog.importCsv('name,price,stock\r\n', 'check').errors).toEqual([{ line: 1, reason: 'The file has column names but no products.' }]);
  });

  it('accepts the columns in any order and leaves out optional ones; skips blank spreadsheet rows', () => {
    expect(t.catalog.importCsv('stock,price,name\n3,"12,900",양말\n,,\n', 'all-or-nothing')).toEqual({ imported: 1, goodRows: 1, errors: [] });
    expect(stored()[0]).toMatchObject({ name: '양말', price: 12900, stock: 3, description: '', currency: 'KRW' });
  });

  it('treats malformed CSV as one clear error and writes nothing, even for good rows', () => {
    const unterminated = t.catalog.importCsv(csv('A,,1000,,,1,,,', 'B,"never closed,1000,,,1,,,', 'C,,1000,,,1,,,'), 'good-rows');
    expect(unterminated).toEqual({ imported: 0, goodRows: 0, errors: [{ line: 3, reason: expect.stringMatching(/not valid CSV.*never closed/) }] });
    const ragged = t.catalog.importCsv(csv('A,,1000,,,1,,,', 'B, with comma,,1000,,,1,,,', 'C,,1000'), 'good-rows');
    expect(ragged.imported).toBe(0);
    expect(ragged.errors).toEqual([
      { line: 3, reason: expect.stringMatching(/has 10 values but the first line has 9 columns/) },
      { line: 4, reason: expect.stringMatching(/has 3 values/) },
    ]);
    expect(stored()).toEqual([]);
  });

  it(`refuses more than ${MAX_CSV_ROWS.toLocaleString('en-US')} rows`, () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `P${i},,1000,,,1,,,`);
    const report = t.catalog.importCsv(csv(...rows), 'good-rows');
    expect(report).toEqual({ imported: 0, goodRows: 0, errors: [{ line: MAX_CSV_ROWS + 2, reason: expect.stringMatching(/more than 10,000 products/) }] });
    expect(stored()).toEqual([]);
  });

  it(`imports ${MAX_CSV_ROWS.toLocaleString('en-US')} rows in one transaction`, () => {
    const rows = Array.from({ length: MAX_CSV_ROWS }, (_, i) => `상품 ${i},,"1,000",,,1,,,`);
    expect(t.catalog.importCsv(csv(...rows), 'all-or-nothing')).toMatchObject({ imported: MAX_CSV_ROWS, errors: [] });
    expect(stored()).toHaveLength(MAX_CSV_ROWS);
  });
});
