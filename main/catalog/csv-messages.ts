import { CSV_COLUMN_KO, type CsvColumn } from '../../common/commerce/csv-columns.js';
import { SCHEMA_MESSAGES_KO } from '../../common/commerce/schema-messages-ko.js';
import type { UiLang } from '../../common/ipc-contract.js';

/**
 * Every sentence a CSV import report can contain, in the seller's UI language. The report is
 * written here (the core knows the rows), so the core takes the UI's language with the request
 * instead of sending English that the Korean UI would show as is.
 */
export interface CsvMessages {
  notCsv(reason: string): string;
  unclosedQuote(line: number): string;
  textAfterQuote(line: number): string;
  quoteInside(line: number): string;
  notDecodable: string;
  empty(columns: string): string;
  badHeader(problems: string[], allowed: string, required: string): string;
  unknownColumns(names: string[]): string;
  missingColumns(names: string[]): string;
  doubledColumns(names: string[]): string;
  noProducts: string;
  tooManyRows(max: number): string;
  ragged(values: number, columns: number): string;
  negative(column: string): string;
  notAmount(column: string, raw: string, currency: string, example: string): string;
  unsupportedCurrency(raw: string, allowed: string): string;
  priceRequired: string;
  optionNeedsStock(option: string): string;
  optionStockNotWhole(name: string): string;
  stockNotWhole(raw: string): string;
  stockRequired: string;
  imageMalformed(ref: string): string;
  imageMissing(ref: string): string;
  incomplete: string;
  /** A product schema message (English as the schema writes it), for the report. */
  schema(message: string): string;
  /** How a column is named in messages: the seller's own header wins when there is one. */
  column(canonical: string): string;
}

const quoted = (names: string[]) => names.map((c) => `“${c}”`).join(', ');

export const csvMessagesEn: CsvMessages = {
  notCsv: (reason) => `The file is not valid CSV: ${reason}`,
  unclosedQuote: (line) => `A quoted value that starts on line ${line} is never closed; add the missing " (quote).`,
  textAfterQuote: (line) => `Line ${line} has text right after a closing quote; put the whole value inside the quotes.`,
  quoteInside: (line) => `Line ${line} has a quote inside a value that does not start with one; write the value as "…""…" (quotes doubled, whole value quoted).`,
  notDecodable: 'The file is neither UTF-8 nor Korean Windows text (CP949/EUC-KR). Save it from your spreadsheet as “CSV UTF-8” and try again.',
  empty: (columns) => `The file is empty. Its first line must name the columns: ${columns}.`,
  badHeader: (problems, allowed, required) => `The first line names the columns: ${problems.join('; ')}. Allowed columns are ${allowed}; ${required} are required.`,
  unknownColumns: (names) => `unknown column${names.length > 1 ? 's' : ''} ${quoted(names)}`,
  missingColumns: (names) => `missing column${names.length > 1 ? 's' : ''} ${names.join(', ')}`,
  doubledColumns: (names) => `column${names.length > 1 ? 's' : ''} ${names.join(', ')} appear${names.length > 1 ? '' : 's'} twice`,
  noProducts: 'The file has column names but no products.',
  tooManyRows: (max) => `The file has more than ${max.toLocaleString('en-US')} products. Split it into smaller files.`,
  ragged: (values, columns) => `The file is not valid CSV: this line has ${values} values but the first line has ${columns} columns. Put quotes around values that contain commas.`,
  negative: (column) => `${column}: ${column.replace('_', ' ')} cannot be negative`,
  notAmount: (column, raw, currency, example) => `${column}: “${raw}” is not a ${currency} amount (write it like ${example})`,
  unsupportedCurrency: (raw, allowed) => `currency: “${raw}” is not supported; use ${allowed}`,
  priceRequired: 'price: price is required',
  optionNeedsStock: (o) => `options: “${o}” needs its stock, like ${o}:10`,
  optionStockNotWhole: (name) => `options: the stock of “${name}” must be a whole number`,
  stockNotWhole: (raw) => `stock: “${raw}” is not a whole number`,
  stockRequired: 'stock: stock is required (or give options with their stock, like S:10|M:5)',
  imageMalformed: (ref) => `images: “${ref}” is not an image reference from the studio's image library`,
  imageMissing: (ref) => `images: the image ${ref.slice(0, 12)}… has not been added to the studio; add it first`,
  incomplete: 'the row is incomplete',
  schema: (message) => message,
  column: (c) => c,
};


const ko = (c: string) => (c === 'row' ? '행' : (CSV_COLUMN_KO[c as CsvColumn] ?? c));

export const csvMessagesKo: CsvMessages = {
  notCsv: (reason) => `CSV 형식이 올바르지 않습니다: ${reason}`,
  unclosedQuote: (line) => `${line}행에서 시작한 따옴표(")가 닫히지 않았습니다. 빠진 따옴표를 넣어 주세요.`,
  textAfterQuote: (line) => `${line}행에 닫는 따옴표 바로 뒤에 글자가 있습니다. 값 전체를 따옴표 안에 넣어 주세요.`,
  quoteInside: (line) => `${line}행의 값 가운데에 따옴표가 있습니다. 값 전체를 따옴표로 감싸고 안의 따옴표는 두 번("") 쓰세요.`,
  notDecodable: '파일이 UTF-8도, 한글 Windows 인코딩(CP949/EUC-KR)도 아닙니다. 엑셀에서 “CSV UTF-8”로 저장한 뒤 다시 시도하세요.',
  empty: (columns) => `파일이 비어 있습니다. 첫 줄에 열 이름을 적어 주세요: ${columns}.`,
  badHeader: (problems, allowed, required) => `첫 줄(열 이름)에 문제가 있습니다: ${problems.join('; ')}. 쓸 수 있는 열: ${allowed}. 필수 열: ${required}.`,
  unknownColumns: (names) => `알 수 없는 열 ${quoted(names)}`,
  missingColumns: (names) => `빠진 열 ${names.map(ko).join(', ')}`,
  doubledColumns: (names) => `두 번 나온 열 ${names.map(ko).join(', ')}`,
  noProducts: '열 이름만 있고 상품이 없습니다.',
  tooManyRows: (max) => `상품이 ${max.toLocaleString('ko-KR')}개를 넘습니다. 파일을 나누어 가져오세요.`,
  ragged: (values, columns) => `CSV 형식이 올바르지 않습니다: 이 줄에는 값이 ${values}개인데 첫 줄의 열은 ${columns}개입니다. 쉼표가 들어간 값은 따옴표로 감싸 주세요.`,
  negative: (column) => `${ko(column)}: 0 이상이어야 합니다`,
  notAmount: (column, raw, currency, example) => `${ko(column)}: “${raw}”은(는) ${currency} 금액이 아닙니다 (예: ${example})`,
  unsupportedCurrency: (raw, allowed) => `통화: “${raw}”은(는) 지원하지 않습니다. ${allowed} 중 하나를 쓰세요`,
  priceRequired: '가격: 가격을 입력하세요',
  optionNeedsStock: (o) => `옵션: “${o}”에 재고를 적어 주세요 (예: ${o}:10)`,
  optionStockNotWhole: (name) => `옵션: “${name}”의 재고는 정수여야 합니다`,
  stockNotWhole: (raw) => `재고: “${raw}”은(는) 정수가 아닙니다`,
  stockRequired: '재고: 재고를 입력하세요 (또는 옵션별 재고를 S:10|M:5처럼 적으세요)',
  imageMalformed: (ref) => `이미지: “${ref}”은(는) 스튜디오 이미지 보관함의 이미지가 아닙니다`,
  imageMissing: (ref) => `이미지: ${ref.slice(0, 12)}… 이미지가 스튜디오에 없습니다. 먼저 추가하세요`,
  incomplete: '행에 빠진 값이 있습니다',
  schema: (message) => SCHEMA_MESSAGES_KO[message] ?? '올바른 값이 아닙니다',
  column: ko,
};

export const csvMessages = (lang: UiLang): CsvMessages => (lang === 'ko' ? csvMessagesKo : csvMessagesEn);
