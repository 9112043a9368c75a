export type Cell = string | number | null;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or
 * a carriage return, also after leading spaces) gets a leading apostrophe; numbers are written as
 * numbers. Cells with commas, quotes or line breaks are quoted. Shared by the relay's exports and
 * the studio's localised ones.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[\s]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 BOM first, so Excel opens Korean text correctly; CRLF line ends as RFC 4180 says. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
