import type { SellerOrder } from '../../common/commerce/order.js';
import { ordersSheet, toShip, type OrdersSheetFormat, type SheetEncoding } from '../../common/commerce/courier-csv.js';
import { encodeCp949 } from '../catalog/cp949.js';

/**
 * The orders sheet as a file: the text (for the studio to show and tests to read) and its bytes in
 * the encoding the seller picked. UTF-8 keeps its byte-order mark (Excel needs it to read Korean);
 * CP949 has none, and characters it cannot hold are counted so the studio can say so.
 */
export function ordersSheetFile(orders: readonly SellerOrder[], req: { format: OrdersSheetFormat; lang: 'ko' | 'en'; timeZone: string; encoding: SheetEncoding }, filename: string) {
  const csv = ordersSheet(orders, req);
  const rows = req.format === 'cj' ? orders.filter(toShip).length : orders.length;
  if (req.encoding === 'cp949') {
    const { bytes, replaced } = encodeCp949(csv);
    return { filename, csv, base64: Buffer.from(bytes).toString('base64'), encoding: req.encoding, rows, replaced };
  }
  return { filename, csv, base64: Buffer.from(csv, 'utf8').toString('base64'), encoding: req.encoding, rows, replaced: 0 };
}
