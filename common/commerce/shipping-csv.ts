/** The seller's shipping sheet (order number, courier, tracking number): its columns, by Korean or English name. */

/** Header names a seller may use for each column, Korean or English (spaces and case ignored). */
export const SHIP_HEADERS = {
  number: ['주문번호', 'ordernumber', 'order', 'orderno', 'number'],
  courier: ['택배사', '택배회사', '배송업체', 'courier', 'carrier'],
  trackingNumber: ['송장번호', '운송장번호', '운송장', 'trackingnumber', 'tracking', 'trackingno'],
} as const;
export type ShipColumn = keyof typeof SHIP_HEADERS;

const squash = (s: string) => s.normalize('NFKC').replace(/[\s_\-.]/g, '').toLowerCase();

/** Which field index holds each column; the names of the columns that are missing. */
export function shipColumns(header: readonly string[]): { index: Record<ShipColumn, number>; missing: ShipColumn[] } {
  const names = header.map(squash);
  const index = {} as Record<ShipColumn, number>;
  const missing: ShipColumn[] = [];
  for (const col of Object.keys(SHIP_HEADERS) as ShipColumn[]) {
    const at = names.findIndex((n) => (SHIP_HEADERS[col] as readonly string[]).includes(n));
    if (at < 0) missing.push(col);
    index[col] = at;
  }
  return { index, missing };
}
