import type { OrderRecord } from './order-store.js';

const HEADER = ['number', 'date', 'status', 'product', 'option', 'qty', 'total', 'payment', 'name', 'phone', 'postcode', 'address', 'detail', 'note'];

/**
 * One cell: always quoted (commas, quotes and line breaks in addresses stay inside it), and a
 * text that a spreadsheet would run as a formula (= + - @, or a leading tab / CR) gets a leading
 * apostrophe, so an order cannot execute anything in the seller's Excel.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Local time of the relay, minutes only: what a shipping sheet shows. */
const localTime = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
};
/** Amounts as plain major units ("29000", "12.50"), so a sheet can sum them. */
const major = (minor: number, currency: string) => (currency === 'USD' || currency === 'EUR' ? (minor / 100).toFixed(2) : String(minor));

/** The seller's shipping list: UTF-8 with a BOM (so Excel reads Korean), CRLF rows, oldest first. */
export function ordersCsv(orders: OrderRecord[]): string {
  const rows = [...orders]
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.number < b.number ? -1 : 1))
    .map((o) => {
      const b = o.buyer;
      return [o.number, localTime(o.createdAt), o.status, o.quote.productName, o.quote.optionName ?? '', o.quantity, major(o.total, o.quote.currency), o.payment, b?.name ?? '', b?.phone ?? '', b?.address.postcode ?? '', b?.address.line1 ?? '', b?.address.line2 ?? '', b?.note ?? '']
        .map(csvCell)
        .join(',');
    });
  return '\uFEFF' + [HEADER.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n';
}
