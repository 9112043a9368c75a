import type { ReactNode } from 'react';
import type { ReplayNumbers } from '../../../../common/replay/replay-studio.js';
import { count, money } from '../../commerce/numbers.js';
import { useI18n } from '../../i18n/i18n.js';

/** Views, orders, buyers and revenue from the replay: on the Replays screen and in the post-show report. */
export function ReplayNumbersCard({ numbers, fallbackCurrency, children }: { numbers: ReplayNumbers; fallbackCurrency: ReplayNumbers['currency']; children?: ReactNode }) {
  const { t, lang } = useI18n();
  const r = t.replays;
  const currency = numbers.currency ?? fallbackCurrency ?? 'KRW';
  const kpis = [
    { id: 'views', label: r.views, value: count(numbers.views, lang) },
    { id: 'orders', label: r.orders, value: count(numbers.orders, lang) },
    { id: 'buyers', label: r.buyers, value: count(numbers.buyers, lang) },
    { id: 'revenue', label: r.revenue, value: money(numbers.revenue, currency, lang) },
  ];
  return (
    <section className="card report-section" data-testid="replay-numbers">
      <h2>{r.numbersTitle}</h2>
      <p className="muted small">{r.numbersHint}</p>
      <div className="report-kpis">
        {kpis.map((k) => (
          <div key={k.id} className={`kpi kpi-${k.id}`}>
            <span className="kpi-label">{k.label}</span>
            <strong className="kpi-value" data-testid={`replay-${k.id}`}>
              {k.value}
            </strong>
          </div>
        ))}
      </div>
      {children}
    </section>
  );
}
