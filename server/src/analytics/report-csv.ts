import type { Report } from '../../../common/analytics.js';
import { reportCsv as writeReportCsv } from '../../../common/report-csv.js';

/**
 * The relay's report CSV (GET /api/shows/:id/report.csv): English headers and ISO UTC times, for
 * machines and API users. The studio writes the same layout in the seller's language and time
 * zone (common/report-csv.ts). Every text cell goes through the formula-safe writer.
 */
export const reportCsv = (r: Report): string => writeReportCsv(r);
