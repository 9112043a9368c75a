import { MAX_SHIP_ROWS } from '../../common/commerce/shipment.js';
import { shipRowsFromCsv } from './ship-csv.js';
import { ordersSheetFile } from './orders-sheet-file.js';
import { localTimeWithOffset, REPORT_CSV_EN, REPORT_CSV_KO, reportCsv } from '../../common/report-csv.js';
import type { Handlers } from '../handlers.js';
import type { RelayClient } from '../relay-client.js';
import type { Commerce } from './commerce.js';

type CommerceChannel = 'payment.get' | 'payment.save' | 'segments.enter' | 'orders.list' | 'orders.markPaid' | 'orders.markShipped' | 'orders.shipCsv' | 'orders.cancel' | 'orders.refund' | 'orders.eraseBuyer' | 'orders.exportCsv' | 'orders.clusters' | 'orders.cancelMany' | 'dashboard.get' | 'report.get' | 'report.exportCsv' | 'store.profile.get' | 'store.profile.save';

const BOM = '\uFEFF';

/** Excel opens a CSV as UTF-8 only with a byte-order mark; make sure there is exactly one. */
export const withBom = (csv: string): string => (csv.startsWith(BOM) ? csv : BOM + csv);

/** "orders-봄 니트 라이브-2025-05-01.csv": the show's title made safe for a file name, and the local date. */
export function csvFilename(kind: 'orders' | 'cj' | 'report' | 'chat', title: string | null, now = new Date()): string {
  const safe = (title ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `${[kind, safe, date].filter(Boolean).join('-')}.csv`;
}

/** The commerce channels: payment settings in the studio, everything else passed through to the relay's studio API. */
export function commerceHandlers(commerce: Commerce, client: () => RelayClient): Pick<Handlers, CommerceChannel> {
  const title = async (showId: string) => (await commerce.shows.resolve(showId, () => client().listShows()))?.title ?? null;
  return {
    'payment.get': async () => commerce.payment.get(),
    'payment.save': async (req) => {
      const saved = commerce.payment.save(req);
      commerce.refreshSoon();
      return saved;
    },
    'segments.enter': async (req) => client().enterSegment(req.showId, { segmentId: req.segmentId, title: req.title }),
    'orders.list': (req) => client().listOrders(req.showId),
    'orders.markPaid': (req) => client().markPaid(req.orderId),
    'orders.shipCsv': async (req) => {
      const sheet = shipRowsFromCsv(req.csv);
      if (!sheet.ok) return { ok: false as const, problem: sheet.problem };
      if (sheet.rows.length > MAX_SHIP_ROWS) return { ok: false as const, problem: { kind: 'too_many' as const, max: MAX_SHIP_ROWS } };
      return { ok: true as const, ...(await client().shipOrders(req.showId, { rows: sheet.rows })) };
    },
    'orders.markShipped': (req) => client().markShipped(req.orderId, { courier: req.courier, trackingNumber: req.trackingNumber }),
    'orders.cancel': (req) => client().cancelOrder(req.orderId, req.reason),
    'orders.refund': (req) => client().refundOrder(req.orderId, req.reason),
    'orders.eraseBuyer': (req) => client().eraseBuyer(req.orderId),
    'orders.clusters': (req) => client().orderClusters(req.showId),
    'orders.cancelMany': (req) => client().cancelOrders(req.showId, req.orderIds, req.reason),
    // Written here from the orders, so headers follow the UI language, times the seller's zone, and the courier's layout.
    'orders.exportCsv': async (req) => ordersSheetFile(await client().listOrders(req.showId), req, csvFilename(req.format === 'cj' ? 'cj' : 'orders', await title(req.showId))),
    'store.profile.get': () => client().storeProfile(),
    'store.profile.save': (req) => client().saveStoreProfile(req),
    'dashboard.get': async (req) => commerce.rememberDashboard(req.showId, await client().dashboard(req.showId)),
    'report.get': (req) => client().report(req.showId),
    // Written here from the report's numbers, so headers follow the UI language and times the seller's zone.
    'report.exportCsv': async (req) => ({
      filename: csvFilename('report', await title(req.showId)),
      csv: reportCsv(await client().report(req.showId), req.lang === 'ko' ? REPORT_CSV_KO : REPORT_CSV_EN, (ms) => localTimeWithOffset(ms, req.timeZone)),
    }),
  };
}
