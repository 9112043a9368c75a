/**
 * The columns of the product CSV, declared once: the core reads them, the studio's templates
 * write them. Each column has one English and one Korean name (the Korean template's header);
 * a few other Korean names sellers commonly use in their own sheets are accepted too.
 */
export const CSV_COLUMNS = ['name', 'description', 'price', 'sale_price', 'currency', 'stock', 'options', 'external_url', 'images'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const REQUIRED_CSV_COLUMNS: readonly CsvColumn[] = ['name', 'price', 'stock'];

export const CSV_COLUMN_KO: Record<CsvColumn, string> = {
  name: '상품명',
  description: '설명',
  price: '가격',
  sale_price: '할인가',
  currency: '통화',
  stock: '재고',
  options: '옵션',
  external_url: '상품링크',
  images: '이미지',
};

/** Other names for the same columns (lowercase, spaces removed), as Korean shops write them. */
const ALIASES: Record<string, CsvColumn> = {
  상품이름: 'name',
  상품설명: 'description',
  판매가: 'price',
  정가: 'price',
  세일가: 'sale_price',
  특가: 'sale_price',
  재고수량: 'stock',
  수량: 'stock',
  옵션명: 'options',
  링크: 'external_url',
  외부링크: 'external_url',
  url: 'external_url',
};

/** The column a header cell names, or null; English and Korean names, spaces and case ignored. */
export function csvColumnOf(header: string): CsvColumn | null {
  const key = header.trim().toLowerCase().replace(/\s+/g, '');
  if ((CSV_COLUMNS as readonly string[]).includes(key)) return key as CsvColumn;
  const korean = CSV_COLUMNS.find((c) => CSV_COLUMN_KO[c] === key);
  return korean ?? ALIASES[key] ?? null;
}

/** The template's two lines (header and one example product) in one language. */
export function csvTemplate(lang: 'ko' | 'en'): string {
  const header = lang === 'ko' ? CSV_COLUMNS.map((c) => CSV_COLUMN_KO[c]) : [...CSV_COLUMNS];
  const example = ['봄 울 가디건', '"부드러운 울 혼방, 손세탁 가능"', '39000', '29000', 'KRW', '30', 'S:10|M:12|L:8', 'https://shop.example.com/p/1001', ''];
  return `${header.join(',')}\r\n${example.join(',')}\r\n`;
}
