import type { Report } from '../../../common/analytics.js';
import { toCsv, type Cell } from './csv.js';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The report as one spreadsheet: a section title row, a header row and the section's rows, with a
 * blank row between sections. Names, questions and labels come from sellers and viewers' devices,
 * so every text cell goes through the formula-safe writer.
 */
export function reportCsv(r: Report): string {
  const rows: Cell[][] = [];
  const section = (title: string, header: Cell[], body: Cell[][]) => {
    if (rows.length) rows.push([]);
    rows.push([title], header, ...body);
  };
  section('Report', ['Field', 'Value'], [
    ['Title', r.title],
    ['Show ID', r.showId],
    ['Started', r.startedAt],
    ['Ended', r.endedAt],
    ['Currency', r.currency],
    ['Unique viewers', r.uniqueViewers],
    ['Peak viewers', r.viewersPeak],
    ['Orders', r.orders],
    ['Revenue', r.revenue],
    ['Buyers', r.buyers],
    ['Conversion', Math.round(r.conversion * 10000) / 10000],
    ['Repeat buyers', r.repeatBuyers],
  ]);
  section(
    'Products',
    ['Product ID', 'Product', 'Saw', 'Opened', 'Started checkout', 'Ordered', 'Units', 'Revenue', 'Stock left'],
    r.products.map((p) => [p.productId, p.name, p.saw, p.opened, p.startedCheckout, p.ordered, p.units, p.revenue, p.stockLeft]),
  );
  section('Segments', ['Segment ID', 'Segment', 'Started', 'Orders', 'Revenue'], r.segments.map((s) => [s.segmentId, s.title, s.startedAt, s.orders, s.revenue]));
  section('Coupons', ['Coupon ID', 'Code', 'Quota', 'Claimed', 'Redeemed', 'Discount given'], r.coupons.map((c) => [c.couponId, c.code, c.quota, c.claimed, c.redeemed, c.discountGiven]));
  section('Quizzes', ['Quiz ID', 'Question', 'Answers', 'Correct', 'Winners'], r.quizzes.map((q) => [q.quizId, q.question, q.answers, q.correct, q.winners]));
  section(
    'Polls',
    ['Poll ID', 'Question', 'Choice', 'Votes'],
    r.polls.flatMap((p) => p.choices.map((c, i): Cell[] => [p.pollId, p.question, c, p.counts[i] ?? 0])),
  );
  section('Cues', ['Time', 'Cue'], r.cues.map((c) => [iso(c.at), c.label]));
  section('Viewers over time', ['Time', 'Viewers'], r.viewersOverTime.map((s) => [iso(s.at), s.viewers]));
  return toCsv(rows);
}
