import type { Report } from '../../../../common/analytics.js';
import { BarList } from '../../commerce/charts/Bars.js';
import { count, money, sharePct, formatPct } from '../../commerce/numbers.js';
import { useI18n } from '../../i18n/i18n.js';

/** The report's later sections: per segment, coupons, quizzes and polls. */
export function ReportTables({ report }: { report: Report }) {
  const { t, lang, formatDate } = useI18n();
  const r = t.commerce.report;
  const c = report.currency;
  const fmt = (n: number) => count(n, lang);
  return (
    <>
      <section className="card report-section page-start" data-testid="report-segments">
        <h2>{r.bySegment}</h2>
        {report.segments.length ? (
          <>
            <BarList tone="green" items={report.segments.map((s) => ({ key: s.segmentId, label: s.title, value: s.revenue, text: money(s.revenue, c, lang) }))} />
            <table className="report-table">
              <thead>
                <tr>
                  <th>{r.segmentCols.title}</th>
                  <th>{r.segmentCols.started}</th>
                  <th className="num">{r.segmentCols.orders}</th>
                  <th className="num">{r.segmentCols.revenue}</th>
                </tr>
              </thead>
              <tbody>
                {report.segments.map((s) => (
                  <tr key={s.segmentId}>
                    <td>{s.title}</td>
                    <td>{formatDate(s.startedAt)}</td>
                    <td className="num">{fmt(s.orders)}</td>
                    <td className="num">{money(s.revenue, c, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="muted">{r.nothing}</p>
        )}
      </section>

      <section className="card report-section" data-testid="report-coupons">
        <h2>{r.coupons}</h2>
        {report.coupons.length ? (
          <table className="report-table">
            <thead>
              <tr>
                <th>{r.couponCols.code}</th>
                <th className="num">{r.couponCols.quota}</th>
                <th className="num">{r.couponCols.claimed}</th>
                <th className="num">{r.couponCols.redeemed}</th>
                <th className="num">{r.couponCols.discount}</th>
              </tr>
            </thead>
            <tbody>
              {report.coupons.map((k) => (
                <tr key={k.couponId} data-testid="report-coupon">
                  <td className="mono">{k.code}</td>
                  <td className="num">{fmt(k.quota)}</td>
                  <td className="num">{fmt(k.claimed)}</td>
                  <td className="num">
                    {fmt(k.redeemed)} <span className="muted small">({formatPct(sharePct(k.redeemed, k.claimed), lang)})</span>
                  </td>
                  <td className="num">{money(k.discountGiven, c, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{r.nothing}</p>
        )}
      </section>

      <section className="card report-section" data-testid="report-quizzes">
        <h2>{r.quizzes}</h2>
        {report.quizzes.length ? (
          <table className="report-table">
            <thead>
              <tr>
                <th>{r.quizCols.question}</th>
                <th className="num">{r.quizCols.answers}</th>
                <th className="num">{r.quizCols.correct}</th>
                <th className="num">{r.quizCols.winners}</th>
              </tr>
            </thead>
            <tbody>
              {report.quizzes.map((q) => (
                <tr key={q.quizId} data-testid="report-quiz">
                  <td>{q.question}</td>
                  <td className="num">{fmt(q.answers)}</td>
                  <td className="num">{fmt(q.correct)}</td>
                  <td className="num">{fmt(q.winners)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{r.nothing}</p>
        )}
        {report.polls.length > 0 && (
          <>
            <h3 className="report-sub">{r.polls}</h3>
            {report.polls.map((p) => (
              <div key={p.pollId} className="report-poll" data-testid="report-poll">
                <strong>{p.question}</strong>
                <BarList tone="pink" items={p.choices.map((ch, i) => ({ key: `${i}`, label: ch, value: p.counts[i] ?? 0, text: fmt(p.counts[i] ?? 0) }))} />
              </div>
            ))}
          </>
        )}
      </section>
    </>
  );
}
