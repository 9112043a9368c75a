import { useEffect, useState } from 'react';
import type { Report } from '../../../../common/analytics.js';
import type { Show } from '../../../../common/show.js';
import { bridge } from '../../bridge.js';
import { BarList, FunnelBar } from '../../commerce/charts/Bars.js';
import { ViewersChart } from '../../commerce/charts/ViewersChart.js';
import { downloadText } from '../../commerce/download.js';
import { conversionPct, count, formatPct, money } from '../../commerce/numbers.js';
import { formatElapsed } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { ReportTables } from './ReportTables.js';
import { ChatReport } from './ChatReport.js';
import { ReplayReportSection } from '../replays/ReplayReportSection.js';
import { Icon } from '../../ui/Icon.js';
import { useErrorText } from '../../errors/error-text.js';

/** After the show: what happened, section by section; exports as CSV and prints cleanly (white, one topic per page). */
export function ReportScreen({ show, onBack, onOpenReplays }: { show: Show; onBack: () => void; onOpenReplays: () => void }) {
  const { t, lang, formatDate } = useI18n();
  const say = useErrorText();
  const r = t.commerce.report;
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    bridge.invoke('report.get', { showId: show.id }).then(
      (x) => alive && setReport(x),
      (e: unknown) => alive && setError(say(e)),
    );
    return () => {
      alive = false;
    };
  }, [show.id]);

  const exportCsv = async () => {
    setNote(null);
    try {
      const file = await bridge.invoke('report.exportCsv', { showId: show.id, lang, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      downloadText(file.filename, file.csv);
      setNote(t.commerce.orders.exported(file.filename));
    } catch (e) {
      setNote(say(e));
    }
  };

  const fmt = (n: number) => count(n, lang);
  const head = (
    <div className="page-head report-head">
      <div>
        <p className="muted small report-kicker">{r.title}</p>
        <h1 data-testid="report-title">{report?.title ?? show.title}</h1>
        {report?.startedAt && (
          <p className="muted">
            {r.when(formatDate(report.startedAt), report.endedAt ? formatDate(report.endedAt) : '…')}
            {report.endedAt && ` · ${r.duration} ${formatElapsed(Date.parse(report.endedAt) - Date.parse(report.startedAt))}`}
          </p>
        )}
      </div>
      <div className="page-actions no-print">
        <button type="button" className="btn" onClick={onBack} data-testid="report-back-button">
          ← {r.back}
        </button>
        <button type="button" className="btn" onClick={() => void exportCsv()} disabled={!report} data-testid="report-export-button">
          <Icon name="download" /> {r.exportCsv}
        </button>
        <button type="button" className="btn primary" onClick={() => window.print()} disabled={!report} data-testid="report-print-button">
          <Icon name="print" /> {r.print}
        </button>
      </div>
    </div>
  );

  if (error || !report)
    return (
      <div className="page report-page" data-testid="report-screen">
        {head}
        {error ? (
          <p className="form-error" role="alert" data-testid="report-error">
            {r.loadFailed} {error}
          </p>
        ) : (
          <p className="muted">{t.common.loading}</p>
        )}
      </div>
    );

  const c = report.currency;
  const summary = [
    { id: 'peak', label: r.peak, value: fmt(report.viewersPeak) },
    { id: 'unique', label: t.commerce.dashboard.unique, value: fmt(report.uniqueViewers) },
    { id: 'orders', label: t.commerce.dashboard.orders, value: fmt(report.orders) },
    { id: 'buyers', label: r.buyers, value: fmt(report.buyers) },
    { id: 'revenue', label: t.commerce.dashboard.revenue, value: money(report.revenue, c, lang) },
    { id: 'conversion', label: t.commerce.dashboard.conversion, value: formatPct(conversionPct(report.buyers, report.uniqueViewers), lang) },
    { id: 'repeat', label: r.repeatBuyers, value: fmt(report.repeatBuyers), hint: r.repeatHint },
  ];
  return (
    <div className="page report-page" data-testid="report-screen" data-show-id={show.id}>
      {head}
      {note && (
        <p className="notice no-print" role="status">
          {note}
        </p>
      )}
      {!report.endedAt && show.status === 'live' && <p className="banner-inline warn">{r.notEnded}</p>}

      <section className="card report-section" data-testid="report-summary">
        <h2>{r.summary}</h2>
        <div className="report-kpis">
          {summary.map((k) => (
            <div key={k.id} className={`kpi kpi-${k.id}`}>
              <span className="kpi-label">{k.label}</span>
              <strong className="kpi-value" data-testid={`report-${k.id}`}>
                {k.value}
              </strong>
              {k.hint && <span className="kpi-sub">{k.hint}</span>}
            </div>
          ))}
        </div>
      </section>

      <section className="card report-section" data-testid="report-viewers">
        <h2>{r.viewers}</h2>
        <p className="muted small">{r.cueMarkers}</p>
        {report.viewersOverTime.length ? <ViewersChart samples={report.viewersOverTime} markers={report.cues} lang={lang} label={r.viewers} testId="report-viewers-chart" /> : <p className="muted">{r.noViewers}</p>}
      </section>

      <section className="card report-section page-start" data-testid="report-funnel">
        <h2>{r.funnel}</h2>
        <p className="muted small">{t.commerce.dashboard.funnelHint}</p>
        {report.products.length ? (
          <ul className="report-funnels">
            {report.products.map((p) => (
              <li key={p.productId}>
                <strong className="funnel-name">{p.name}</strong>
                <FunnelBar product={p} labels={t.commerce.dashboard.funnelSteps} fmt={fmt} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{r.nothing}</p>
        )}
      </section>

      <section className="card report-section" data-testid="report-products">
        <h2>{r.byProduct}</h2>
        {report.products.length ? <BarList items={[...report.products].sort((a, b) => b.revenue - a.revenue).map((p) => ({ key: p.productId, label: p.name, value: p.revenue, text: `${money(p.revenue, c, lang)} · ${fmt(p.units)}` }))} /> : <p className="muted">{r.nothing}</p>}
      </section>

      <ReportTables report={report} />
      <ChatReport chat={report.chat} />
      {show.status === 'ended' && <ReplayReportSection showId={show.id} currency={c} onOpenReplays={onOpenReplays} />}
    </div>
  );
}
