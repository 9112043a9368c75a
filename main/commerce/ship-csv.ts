import type { BulkShipRequest } from '../../common/commerce/shipment.js';
import { shipColumns, type ShipColumn } from '../../common/commerce/shipping-csv.js';
import { parseCsv } from '../catalog/csv-parse.js';

/** What is wrong with the sheet as a whole (nothing is sent to the relay then). */
export type ShipSheetProblem = { kind: 'bad_csv'; line: number } | { kind: 'missing_columns'; columns: ShipColumn[] } | { kind: 'empty' };

/**
 * The seller's shipping sheet (already decoded text) → rows for the relay's bulk ship, each with
 * its line in the file so refusals point at it. Rows with no order number are skipped (totals, notes).
 */
export function shipRowsFromCsv(text: string): { ok: true; rows: BulkShipRequest['rows'] } | { ok: false; problem: ShipSheetProblem } {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problem: { kind: 'bad_csv', line: parsed.line } };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, problem: { kind: 'empty' } };
  const { index, missing } = shipColumns(header.fields);
  if (missing.length) return { ok: false, problem: { kind: 'missing_columns', columns: missing } };
  const cell = (fields: string[], col: ShipColumn) => (fields[index[col]] ?? '').trim().slice(0, 60);
  const rows = records
    .map((r) => ({ line: r.line, number: cell(r.fields, 'number').slice(0, 40), courier: cell(r.fields, 'courier').slice(0, 40), trackingNumber: cell(r.fields, 'trackingNumber') }))
    .filter((r) => r.number !== '');
  if (rows.length === 0) return { ok: false, problem: { kind: 'empty' } };
  return { ok: true, rows };
}
