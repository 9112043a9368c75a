import type { Report } from './analytics.js';
import { toCsv, type Cell } from './csv-write.js';

/** The words of the report spreadsheet, one set per language. */
export interface ReportCsvLabels {
  sections: Record<'report' | 'products' | 'segments' | 'coupons' | 'quizzes' | 'polls' | 'cues' | 'viewers', string>;
  field: string;
  value: string;
  summary: Record<'title' | 'showId' | 'started' | 'ended' | 'currency' | 'uniqueViewers' | 'peakViewers' | 'orders' | 'revenue' | 'buyers' | 'conversion' | 'repeatBuyers', string>;
  products: [string, string, string, string, string, string, string, string, string];
  segments: [string, string, string, string, string];
  coupons: [string, string, string, string, string, string];
  quizzes: [string, string, string, string, string];
  polls: [string, string, string, string];
  cues: [string, string];
  viewers: [string, string];
}

export const REPORT_CSV_EN: ReportCsvLabels = {
  sections: { report: 'Report', products: 'Products', segments: 'Segments', coupons: 'Coupons', quizzes: 'Quizzes', polls: 'Polls', cues: 'Cues', viewers: 'Viewers over time' },
  field: 'Field',
  value: 'Value',
  summary: { title: 'Title', showId: 'Show ID', started: 'Started', ended: 'Ended', currency: 'Currency', uniqueViewers: 'Unique viewers', peakViewers: 'Peak viewers', orders: 'Orders', revenue: 'Revenue', buyers: 'Buyers', conversion: 'Conversion', repeatBuyers: 'Repeat buyers' },
  products: ['Product ID', 'Product', 'Saw', 'Opened', 'Started checkout', 'Ordered', 'Units', 'Revenue', 'Stock left'],
  segments: ['Segment ID', 'Segment', 'Started', 'Orders', 'Revenue'],
  coupons: ['Coupon ID', 'Code', 'Quota', 'Claimed', 'Redeemed', 'Discount given'],
  quizzes: ['Quiz ID', 'Question', 'Answers', 'Correct', 'Winners'],
  polls: ['Poll ID', 'Question', 'Choice', 'Votes'],
  cues: ['Time', 'Cue'],
  viewers: ['Time', 'Viewers'],
};

export const REPORT_CSV_KO: ReportCsvLabels = {
  sections: { report: '방송 리포트', products: '상품', segments: '코너', coupons: '쿠폰', quizzes: '퀴즈', polls: '투표', cues: '큐', viewers: '시간대별 시청자' },
  field: '항목',
  value: '값',
  summary: { title: '방송 제목', showId: '방송 ID', started: '시작', ended: '종료', currency: '통화', uniqueViewers: '순 시청자', peakViewers: '최대 동시 시청자', orders: '주문', revenue: '매출', buyers: '구매자', conversion: '구매 전환율', repeatBuyers: '재구매자' },
  products: ['상품 ID', '상품', '본 사람', '연 사람', '주문서 작성', '주문', '수량', '매출', '남은 재고'],
  segments: ['코너 ID', '코너', '시작', '주문', '매출'],
  coupons: ['쿠폰 ID', '코드', '수량', '받음', '사용', '할인 금액'],
  quizzes: ['퀴즈 ID', '질문', '답변', '정답', '당첨'],
  polls: ['투표 ID', '질문', '보기', '표'],
  cues: ['시각', '큐'],
  viewers: ['시각', '시청자'],
};

/**
 * The report as one spreadsheet: a section title row, a header row and the section's rows, with a
 * blank row between sections. `time` writes an instant (epoch ms): the relay writes ISO UTC for
 * machines, the studio writes the seller's local time with its offset.
 */
export function reportCsv(r: Report, labels: ReportCsvLabels = REPORT_CSV_EN, time: (ms: number) => string = (ms) => new Date(ms).toISOString()): string {
  const rows: Cell[][] = [];
  const section = (title: string, header: readonly Cell[], body: Cell[][]) => {
    if (rows.length) rows.push([]);
    rows.push([title], [...header], ...body);
  };
  const at = (iso: string | null) => (iso === null ? null : time(Date.parse(iso)));
  const s = labels.summary;
  section(labels.sections.report, [labels.field, labels.value], [
    [s.title, r.title],
    [s.showId, r.showId],
    [s.started, at(r.startedAt)],
    [s.ended, at(r.endedAt)],
    [s.currency, r.currency],
    [s.uniqueViewers, r.uniqueViewers],
    [s.peakViewers, r.viewersPeak],
    [s.orders, r.orders],
    [s.revenue, r.revenue],
    [s.buyers, r.buyers],
    [s.conversion, Math.round(r.conversion * 10000) / 10000],
    [s.repeatBuyers, r.repeatBuyers],
  ]);
  section(labels.sections.products, labels.products, r.products.map((p) => [p.productId, p.name, p.saw, p.opened, p.startedCheckout, p.ordered, p.units, p.revenue, p.stockLeft]));
  section(labels.sections.segments, labels.segments, r.segments.map((g) => [g.segmentId, g.title, at(g.startedAt), g.orders, g.revenue]));
  section(labels.sections.coupons, labels.coupons, r.coupons.map((c) => [c.couponId, c.code, c.quota, c.claimed, c.redeemed, c.discountGiven]));
  section(labels.sections.quizzes, labels.quizzes, r.quizzes.map((q) => [q.quizId, q.question, q.answers, q.correct, q.winners]));
  section(labels.sections.polls, labels.polls, r.polls.flatMap((p) => p.choices.map((c, i): Cell[] => [p.pollId, p.question, c, p.counts[i] ?? 0])));
  section(labels.sections.cues, labels.cues, r.cues.map((c) => [time(c.at), c.label]));
  section(labels.sections.viewers, labels.viewers, r.viewersOverTime.map((v) => [time(v.at), v.viewers]));
  return toCsv(rows);
}

/**
 * "2026-12-04 21:03:05 +09:00": an instant in a time zone with its offset, so a sheet read in
 * another zone is still unambiguous. Uses Intl (no Node, no DOM).
 */
export function localTimeWithOffset(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : String(parts.timeZoneName).replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}
