import type { Dashboard } from '../../../../common/analytics.js';
import type { Show } from '../../../../common/show.js';
import { BarList, FunnelBar } from '../../commerce/charts/Bars.js';
import { ViewersChart } from '../../commerce/charts/ViewersChart.js';
import { count, money } from '../../commerce/numbers.js';
import { useViewerSamples } from '../../commerce/viewer-samples.js';
import { useI18n } from '../../i18n/i18n.js';
import { Kpis } from './Kpis.js';

/** At or below this many left, the stock figure turns amber: time to say "last few!" on air. */
const LOW_STOCK = 3;

/**
 * The live dashboard: viewers, orders, revenue and conversion at a glance, the viewers line, and
 * per product (sold, revenue, stock left, funnel), per segment, coupons, quizzes and polls.
 */
export function DashboardPanel({ show, dashboard, error, viewersNow, onOpenOrders }: { show: Show; dashboard: Dashboard | null; error: string | null; viewersNow: number; onOpenOrders: () => void }) {
  const { t, lang } = useI18n();
  const s = t.commerce.dashboard;
  const samples = useViewerSamples(show.id);
  const d = dashboard;
  const fmt = (n: number) => count(n, lang);
  const time = d ? new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { timeStyle: 'medium' }).format(d.at) : null;
  return (
    <section className="card dashboard" data-testid="dashboard" aria-labelledby="dash-title">
      <div className="card-head">
        <h2 id="dash-title">{s.title}</h2>
        <div className="dash-head-side">
          {time && <span className="muted small" data-testid="dash-updated">{s.updated(time)}</span>}
          <button type="button" className="btn small" onClick={onOpenOrders} data-testid="dash-open-orders">
            {s.openOrders} →
          </button>
        </div>
      </div>
      {show.rehearsalOf !== null && <p className="banner-inline rehearsal-inline">{s.rehearsal}</p>}
      {!d && (error || show.status !== 'live') && (
        <p className="muted small" data-testid="dash-error">
          {show.status === 'live' && error ? `${s.loadFailed} ${error}` : s.waiting}
        </p>
      )}
      <Kpis d={d} viewersNow={viewersNow} />

      <div className="dash-grid">
        <div className="dash-block wide">
          <h3>
            {s.viewersOverTime} <span className="muted small">· {s.viewersSince}</span>
          </h3>
          {samples.length ? <ViewersChart samples={samples} lang={lang} label={s.viewersOverTime} testId="dash-viewers-chart" /> : <p className="muted small">{s.noSamples}</p>}
        </div>

        <div className="dash-block wide">
          <h3>{s.perProduct}</h3>
          {d && d.products.length ? (
            <table className="dash-table" data-testid="dash-products">
              <thead>
                <tr>
                  <th>{s.product}</th>
                  <th className="num">{s.units}</th>
                  <th className="num">{s.revenue}</th>
                  <th className="num">{s.stockLeft}</th>
                  <th>{s.funnel}</th>
                </tr>
              </thead>
              <tbody>
                {d.products.map((p) => (
                  <tr key={p.productId} data-testid="dash-product" data-product-id={p.productId}>
                    <td className="name-cell">{p.name}</td>
                    <td className="num" data-testid="dash-product-units">
                      {fmt(p.units)}
                    </td>
                    <td className="num" data-testid="dash-product-revenue">
                      {money(p.revenue, d.currency, lang)}
                    </td>
                    <td className={`num ${p.stockLeft === 0 ? 'sold-out-text' : p.stockLeft <= LOW_STOCK ? 'low-stock-text' : ''}`} data-testid="dash-product-stock" data-stock={p.stockLeft}>
                      {p.stockLeft === 0 ? s.soldOut : fmt(p.stockLeft)}
                    </td>
                    <td className="funnel-cell">
                      <FunnelBar product={p} labels={s.funnelSteps} fmt={fmt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted small">{s.none}</p>
          )}
          {d && d.products.length > 0 && <p className="muted small funnel-hint">{s.funnelHint}</p>}
        </div>

        <div className="dash-block">
          <h3>{s.revenueByProduct}</h3>
          {d && d.products.some((p) => p.revenue > 0) ? (
            <BarList testId="dash-revenue-bars" items={[...d.products].sort((a, b) => b.revenue - a.revenue).map((p) => ({ key: p.productId, label: p.name, value: p.revenue, text: money(p.revenue, d.currency, lang) }))} />
          ) : (
            <p className="muted small">{s.none}</p>
          )}
        </div>

        <div className="dash-block">
          <h3>{s.perSegment}</h3>
          {d && d.segments.length ? (
            <BarList testId="dash-segments" tone="green" items={d.segments.map((g) => ({ key: g.segmentId, label: g.title, value: g.revenue, text: `${money(g.revenue, d.currency, lang)} · ${s.orderCount(fmt(g.orders))}` }))} />
          ) : (
            <p className="muted small">{s.noSegments}</p>
          )}
        </div>

        <div className="dash-block">
          <h3>{s.coupons}</h3>
          {d && d.coupons.length ? (
            <ul className="mini-list" data-testid="dash-coupons">
              {d.coupons.map((c) => (
                <li key={c.couponId} data-testid="dash-coupon" data-claimed={c.claimed} data-redeemed={c.redeemed}>
                  <span className="mono coupon-code">{c.code}</span>
                  <span>{s.couponLine(fmt(c.claimed), fmt(c.quota), fmt(c.redeemed))}</span>
                  {c.discountGiven > 0 && <span className="muted small">{s.discount(money(c.discountGiven, d.currency, lang))}</span>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{s.none}</p>
          )}
        </div>

        <div className="dash-block">
          <h3>{s.quizzes}</h3>
          {d && (d.quizzes.length || d.polls.length) ? (
            <ul className="mini-list" data-testid="dash-quizzes">
              {d.quizzes.map((q) => (
                <li key={q.quizId} data-testid="dash-quiz" data-answers={q.answers}>
                  <span className="mini-q">{q.question}</span>
                  <span>{s.quizLine(fmt(q.answers), fmt(q.correct), fmt(q.winners))}</span>
                </li>
              ))}
              {d.polls.map((p) => (
                <li key={p.pollId} data-testid="dash-poll">
                  <span className="mini-q">{p.question}</span>
                  <span className="muted small">{p.choices.map((c, i) => `${c} ${fmt(p.counts[i] ?? 0)}`).join(' · ')}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{s.none}</p>
          )}
        </div>
      </div>
    </section>
  );
}
