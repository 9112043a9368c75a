import type { z } from 'zod';
import { ImageRef, ProductInput } from '../../common/commerce/catalog.js';
import { Currency, DEFAULT_CURRENCY, MINOR_DIGITS, parseMajorAmount } from '../../common/commerce/money.js';
import type { CsvImportReport } from '../../common/ipc-contract.js';
import { parseCsv } from './csv-parse.js';
import type { ProductStore } from './product-store.js';

/**
 * Product import from a CSV file. Every bad row is reported with the physical line it starts on
 * and a reason a seller can act on; structural problems (bad quoting, ragged rows, headers, too
 * many rows) import nothing in any mode. Modes: `check` writes nothing; `all-or-nothing` writes
 * every row in one transaction only when no row is bad; `good-rows` writes the good rows in one
 * transaction.
 */
export const CSV_COLUMNS = ['name', 'description', 'price', 'sale_price', 'currency', 'stock', 'options', 'external_url', 'images'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['name', 'price', 'stock'];
export const MAX_CSV_ROWS = 10_000;
export type CsvImportMode = 'check' | 'all-or-nothing' | 'good-rows';

export interface CsvImportDeps {
  products: ProductStore;
  hasImage(ref: string): boolean;
}

type RowResult = { ok: true; input: z.input<typeof ProductInput> } | { ok: false; reason: string };

const fail = (errors: CsvImportReport['errors']): CsvImportReport => ({ imported: 0, goodRows: 0, errors });

export function importProductsCsv(csv: string, mode: CsvImportMode, deps: CsvImportDeps): CsvImportReport {
  const parsed = parseCsv(csv);
  if (!parsed.ok) return fail([{ line: parsed.line, reason: `The file is not valid CSV: ${parsed.reason}` }]);
  // Spreadsheets often save blank rows as a line of bare commas; those are not products.
  const [header, ...rows] = parsed.records.filter((r, i) => i === 0 || r.fields.some((f) => f.trim() !== ''));
  if (!header) return fail([{ line: 1, reason: `The file is empty. Its first line must name the columns: ${CSV_COLUMNS.join(',')}.` }]);

  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const problems: string[] = [];
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !columns.includes(c));
  const doubled = [...new Set(columns.filter((c, i) => columns.indexOf(c) !== i))];
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `“${c}”`).join(', ')}`);
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (doubled.length) problems.push(`column${doubled.length > 1 ? 's' : ''} ${doubled.join(', ')} appear${doubled.length > 1 ? '' : 's'} twice`);
  if (problems.length)
    return fail([{ line: header.line, reason: `The first line names the columns: ${problems.join('; ')}. Allowed columns are ${CSV_COLUMNS.join(', ')}; ${REQUIRED_CSV_COLUMNS.join(', ')} are required.` }]);
  if (!rows.length) return fail([{ line: header.line, reason: 'The file has column names but no products.' }]);
  if (rows.length > MAX_CSV_ROWS)
    return fail([{ line: rows[MAX_CSV_ROWS]!.line, reason: `The file has more than ${MAX_CSV_ROWS.toLocaleString('en-US')} products. Split it into smaller files.` }]);

  const ragged = rows.filter((r) => r.fields.length !== columns.length);
  if (ragged.length)
    return fail(
      ragged.map((r) => ({
        line: r.line,
        reason: `The file is not valid CSV: this line has ${r.fields.length} values but the first line has ${columns.length} columns. Put quotes around values that contain commas.`,
      })),
    );

  const good: { line: number; input: z.input<typeof ProductInput> }[] = [];
  const errors: CsvImportReport['errors'] = [];
  for (const r of rows) {
    const get = (c: CsvColumn) => {
      const at = columns.indexOf(c);
      return at < 0 ? '' : r.fields[at]!.trim();
    };
    const result = rowToProduct(get, deps.hasImage);
    if (result.ok) good.push({ line: r.line, input: result.input });
    else errors.push({ line: r.line, reason: result.reason });
  }

  const write = mode === 'good-rows' || (mode === 'all-or-nothing' && errors.length === 0);
  if (write && good.length) deps.products.saveMany(good.map((g) => ({ input: g.input })));
  return { imported: write ? good.length : 0, goodRows: good.length, errors };
}

const FIELD_COLUMN: Record<string, CsvColumn> = { salePrice: 'sale_price', externalUrl: 'external_url' };

function amount(raw: string, column: CsvColumn, currency: Currency, problems: string[]): number | null {
  const value = parseMajorAmount(raw, currency);
  if (value !== null) return value;
  if (/^\s*-/.test(raw)) problems.push(`${column}: ${column.replace('_', ' ')} cannot be negative`);
  else {
    const example = MINOR_DIGITS[currency] ? '12.99' : '12900 or 12,900';
    problems.push(`${column}: “${raw}” is not a ${currency} amount (write it like ${example})`);
  }
  return null;
}

function wholeNumber(raw: string): number | null {
  const cleaned = raw.replace(/,/g, '');
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : null;
}

function rowToProduct(get: (c: CsvColumn) => string, hasImage: (ref: string) => boolean): RowResult {
  const problems: string[] = [];

  const currencyText = get('currency').toUpperCase();
  const currencyParsed = Currency.safeParse(currencyText || DEFAULT_CURRENCY);
  if (!currencyParsed.success) problems.push(`currency: “${get('currency')}” is not supported; use ${Currency.options.join(', ')}`);
  const currency = currencyParsed.success ? currencyParsed.data : DEFAULT_CURRENCY;

  const priceText = get('price');
  if (!priceText) problems.push('price: price is required');
  const price = priceText ? amount(priceText, 'price', currency, problems) : null;
  const saleText = get('sale_price');
  const salePrice = saleText ? amount(saleText, 'sale_price', currency, problems) : null;

  const options: { id: string; name: string; stock: number }[] = [];
  const optionsText = get('options');
  if (optionsText) {
    optionsText
      .split('|')
      .map((o) => o.trim())
      .filter(Boolean)
      .forEach((o, i) => {
        const colon = o.lastIndexOf(':');
        const name = colon < 0 ? o : o.slice(0, colon).trim();
        const stock = colon < 0 ? null : wholeNumber(o.slice(colon + 1).trim());
        if (colon < 0) problems.push(`options: “${o}” needs its stock, like ${o}:10`);
        else if (stock === null) problems.push(`options: the stock of “${name}” must be a whole number`);
        else options.push({ id: `opt${i + 1}`, name, stock });
      });
  }

  const stockText = get('stock');
  let stock: number | null = null;
  if (stockText) {
    stock = wholeNumber(stockText);
    if (stock === null) problems.push(`stock: “${stockText}” is not a whole number`);
  } else if (options.length) stock = options.reduce((n, o) => n + o.stock, 0);
  else if (!problems.some((p) => p.startsWith('options:'))) problems.push('stock: stock is required (or give options with their stock, like S:10|M:5)');

  const images: string[] = [];
  for (const ref of get('images').split('|').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!ImageRef.safeParse(ref).success) problems.push(`images: “${ref}” is not an image reference from the studio's image library`);
    else if (!hasImage(ref)) problems.push(`images: the image ${ref.slice(0, 12)}… has not been added to the studio; add it first`);
    else images.push(ref);
  }

  if (problems.length || price === null || stock === null) return { ok: false, reason: problems.join('; ') || 'the row is incomplete' };

  const input = {
    name: get('name'),
    description: get('description'),
    currency,
    price,
    salePrice,
    stock,
    options,
    images,
    externalUrl: get('external_url') || null,
  };
  const checked = ProductInput.safeParse(input);
  if (!checked.success) {
    const reasons = checked.error.issues.slice(0, 3).map((issue) => {
      const key = issue.path[0];
      const column = typeof key === 'string' ? (FIELD_COLUMN[key] ?? key) : 'row';
      return `${column}: ${issue.message}`;
    });
    return { ok: false, reason: reasons.join('; ') };
  }
  return { ok: true, input };
}
