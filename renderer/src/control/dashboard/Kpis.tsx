import type { Dashboard } from '../../../../common/analytics.js';
import { conversionPct, count, formatPct, money } from '../../commerce/numbers.js';
import { useI18n } from '../../i18n/i18n.js';

/** The five numbers a seller glances at while talking: big, with what each means underneath. */
export function Kpis({ d, viewersNow, compact = false }: { d: Dashboard | null; viewersNow: number; compact?: boolean }) {
  const { t, lang } = useI18n();
  const s = t.commerce.dashboard;
  const n = (v: number | undefined) => (v === undefined ? '—' : count(v, lang));
  const tiles = [
    { id: 'viewers-now', label: s.viewersNow, value: n(Math.max(viewersNow, 0)), sub: s.peak(n(Math.max(d?.viewersPeak ?? 0, viewersNow))), subId: 'viewers-peak' },
    { id: 'unique', label: s.unique, value: n(d?.uniqueViewers), sub: null, subId: null },
    { id: 'orders', label: s.orders, value: n(d?.orders), sub: d ? s.buyers(n(d.buyers)) : null, subId: 'buyers' },
    { id: 'revenue', label: s.revenue, value: d ? money(d.revenue, d.currency, lang) : '—', sub: s.revenueHint, subId: null },
    { id: 'conversion', label: s.conversion, value: formatPct(d ? conversionPct(d.buyers, d.uniqueViewers) : null, lang), sub: s.conversionHint, subId: null },
  ];
  return (
    <div className={`kpis ${compact ? 'compact' : ''}`} data-testid={compact ? 'dash-strip' : 'dash-kpis'}>
      {tiles.map((k) => (
        <div key={k.id} className={`kpi kpi-${k.id}`}>
          <span className="kpi-label">{k.label}</span>
          <strong className="kpi-value" data-testid={`dash-${k.id}`}>
            {k.value}
          </strong>
          {!compact && k.sub && (
            <span className="kpi-sub" data-testid={k.subId ? `dash-${k.subId}` : undefined}>
              {k.sub}
            </span>
          )}
        </div>
      ))}
    </div>
  );
}
