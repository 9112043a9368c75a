import type { z } from 'zod';
import { ImageRef, ProductInput } from '../../common/commerce/catalog.js';
import { Currency, DEFAULT_CURRENCY, MINOR_DIGITS, parseMajorAmount } from '../../common/commerce/money.js';
import { CSV_COLUMNS, REQUIRED_CSV_COLUMNS, csvColumnOf, type CsvColumn } from '../../common/commerce/csv-columns.js';
import type { CsvImportReport, UiLang } from '../../common/ipc-contract.js';
import { csvMessages, type CsvMessages } from './csv-messages.js';
import { parseCsv, type CsvProblem } from './csv-parse.js';
import type { ProductStore } from './product-store.js';

/**
 * Product import from a CSV file. Every bad row is reported with the physical line it starts on
 * and a reason a seller can act on; structural problems (bad quoting, ragged rows, headers, too
 * many rows) import nothing in any mode. Modes: `check` writes nothing; `all-or-nothing` writes
 * every row in one transaction only when no row is bad; `good-rows` writes the good rows in one
 * transaction. Columns may be named in English or Korean; every reason is in the UI's language.
 */
export { CSV_COLUMNS, REQUIRED_CSV_COLUMNS, type CsvColumn };
export const MAX_CSV_ROWS = 10_000;
export type CsvImportMode = 'check' | 'all-or-nothing' | 'good-rows';

export interface CsvImportDeps {
  products: ProductStore;
  hasImage(ref: string): boolean;
}

type RowResult = { ok: true; input: z.input<typeof ProductInput> } | { ok: false; reason: string };

const fail = (errors: CsvImportReport['errors']): CsvImportReport => ({ imported: 0, goodRows: 0, errors });

const problemText = (m: CsvMessages, problem: CsvProblem, line: number) =>
  problem === 'unclosed-quote' ? m.unclosedQuote(line) : problem === 'text-after-quote' ? m.textAfterQuote(line) : m.quoteInside(line);

export function importProductsCsv(csv: string, mode: CsvImportMode, deps: CsvImportDeps, lang: UiLang = 'en'): CsvImportReport {
  const m = csvMessages(lang);
  const names = (cs: readonly CsvColumn[]) => cs.map(m.column).join(', ');
  const parsed = parseCsv(csv);
  if (!parsed.ok) return fail([{ line: parsed.line, reason: m.notCsv(problemText(m, parsed.problem, parsed.line)) }]);
  // Spreadsheets often save blank rows as a line of bare commas; those are not products.
  const [header, ...rows] = parsed.records.filter((r, i) => i === 0 || r.fields.some((f) => f.trim() !== ''));
  if (!header) return fail([{ line: 1, reason: m.empty(names(CSV_COLUMNS)) }]);

  const columns = header.fields.map(csvColumnOf);
  const problems: string[] = [];
  const unknown = header.fields.filter((_, i) => columns[i] === null).map((f) => f.trim());
  const known = columns.filter((c): c is CsvColumn => c !== null);
  const missing = REQUIRED_CSV_COLUMNS.filter((c) => !known.includes(c));
  const doubled = [...new Set(known.filter((c, i) => known.indexOf(c) !== i))];
  if (unknown.length) problems.push(m.unknownColumns(unknown));
  if (missing.length) problems.push(m.missingColumns([...missing]));
  if (doubled.length) problems.push(m.doubledColumns(doubled));
  if (problems.length) return fail([{ line: header.line, reason: m.badHeader(problems, names(CSV_COLUMNS), names(REQUIRED_CSV_COLUMNS)) }]);
  if (!rows.length) return fail([{ line: header.line, reason: m.noProducts }]);
  if (rows.length > MAX_CSV_ROWS) return fail([{ line: rows[MAX_CSV_ROWS]!.line, reason: m.tooManyRows(MAX_CSV_ROWS) }]);

  const ragged = rows.filter((r) => r.fields.length !== columns.length);
  if (ragged.length)
    return fail(
      ragged.map((r) => ({
        line: r.line,
        reason: m.ragged(r.fields.length, columns.length),
      })),
    );

  const good: { line: number; input: z.input<typeof ProductInput> }[] = [];
  const errors: CsvImportReport['errors'] = [];
  for (const r of rows) {
    const get = (c: CsvColumn) => {
      const at = columns.indexOf(c);
      return at < 0 ? '' : r.fields[at]!.trim();
    };
    const result = rowToProduct(get, deps.hasImage, m);
    if (result.ok) good.push({ line: r.line, input: result.input });
    else errors.push({ line: r.line, reason: result.reason });
  }

  const write = mode === 'good-rows' || (mode === 'all-or-nothing' && errors.length === 0);
  if (write && good.length) deps.products.saveMany(good.map((g) => ({ input: g.input })));
  return { imported: write ? good.length : 0, goodRows: good.length, errors };
}

const FIELD_COLUMN: Record<string, CsvColumn> = { salePrice: 'sale_price', externalUrl: 'external_url' };

function amount(raw: string, column: CsvColumn, currency: Currency, problems: string[], m: CsvMessages): number | null {
  const value = parseMajorAmount(raw, currency);
  if (value !== null) return value;
  if (/^\s*-/.test(raw)) problems.push(m.negative(column));
  else problems.push(m.notAmount(column, raw, currency, MINOR_DIGITS[currency] ? '12.99' : '12900, 12,900'));
  return null;
}

function wholeNumber(raw: string): number | null {
  const cleaned = raw.replace(/,/g, '');
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : null;
}

function rowToProduct(get: (c: CsvColumn) => string, hasImage: (ref: string) => boolean, m: CsvMessages): RowResult {
  const problems: string[] = [];

  const currencyText = get('currency').toUpperCase();
  const currencyParsed = Currency.safeParse(currencyText || DEFAULT_CURRENCY);
  if (!currencyParsed.success) problems.push(m.unsupportedCurrency(get('currency'), Currency.options.join(', ')));
  const currency = currencyParsed.success ? currencyParsed.data : DEFAULT_CURRENCY;

  const priceText = get('price');
  if (!priceText) problems.push(m.priceRequired);
  const price = priceText ? amount(priceText, 'price', currency, problems, m) : null;
  const saleText = get('sale_price');
  const salePrice = saleText ? amount(saleText, 'sale_price', currency, problems, m) : null;

  const options: { id: string; name: string; stock: number }[] = [];
  const optionsText = get('options');
  const problemsBeforeOptions = problems.length;
  if (optionsText) {
    optionsText
      .split('|')
      .map((o) => o.trim())
      .filter(Boolean)
      .forEach((o, i) => {
        const colon = o.lastIndexOf(':');
        const name = colon < 0 ? o : o.slice(0, colon).trim();
        const stock = colon < 0 ? null : wholeNumber(o.slice(colon + 1).trim());
        if (colon < 0) problems.push(m.optionNeedsStock(o));
        else if (stock === null) problems.push(m.optionStockNotWhole(name));
        else options.push({ id: `opt${i + 1}`, name, stock });
      });
  }

  const stockText = get('stock');
  let stock: number | null = null;
  if (stockText) {
    stock = wholeNumber(stockText);
    if (stock === null) problems.push(m.stockNotWhole(stockText));
  } else if (options.length) stock = options.reduce((n, o) => n + o.stock, 0);
  else if (problems.length === problemsBeforeOptions) problems.push(m.stockRequired);

  const images: string[] = [];
  for (const ref of get('images').split('|').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!ImageRef.safeParse(ref).success) problems.push(m.imageMalformed(ref));
    else if (!hasImage(ref)) problems.push(m.imageMissing(ref));
    else images.push(ref);
  }

  if (problems.length || price === null || stock === null) return { ok: false, reason: problems.join('; ') || m.incomplete };

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
      return `${m.column(column)}: ${m.schema(issue.message)}`;
    });
    return { ok: false, reason: reasons.join('; ') };
  }
  return { ok: true, input };
}
