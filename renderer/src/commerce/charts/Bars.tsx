import { fraction, funnel } from '../charts.js';
import type { ProductNumbers } from '../../../../common/analytics.js';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** What is written at the end of the bar ("₩120,000 · 4"). */
  text: string;
}

/** Horizontal bars, longest = the largest value; the label is text (never markup). */
export function BarList({ items, testId, tone = 'blue' }: { items: BarItem[]; testId?: string; tone?: 'blue' | 'green' | 'pink' }) {
  const max = Math.max(0, ...items.map((i) => i.value));
  return (
    <ul className={`bar-list tone-${tone}`} data-testid={testId}>
      {items.map((i) => (
        <li key={i.key} className="bar-row" data-value={i.value}>
          <span className="bar-label" title={i.label}>
            {i.label}
          </span>
          <span className="bar-track">
            <span className="bar-fill" style={{ width: `${(fraction(i.value, max) * 100).toFixed(1)}%` }} />
          </span>
          <span className="bar-text">{i.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** One product's funnel: four steps, each bar as long as its share of "saw". */
export function FunnelBar({ product, labels, fmt }: { product: ProductNumbers; labels: Record<'saw' | 'opened' | 'startedCheckout' | 'ordered', string>; fmt: (n: number) => string }) {
  return (
    <div className="funnel" data-testid="funnel" data-product-id={product.productId}>
      {funnel(product).map((s) => (
        <div key={s.step} className={`funnel-step step-${s.step}`} data-step={s.step} data-value={s.value}>
          <span className="funnel-label" title={labels[s.step]}>
            {labels[s.step]}
          </span>
          <span className="funnel-track">
            <span className="funnel-fill" style={{ width: `${(s.ofFirst * 100).toFixed(1)}%` }} />
          </span>
          <span className="funnel-num">{fmt(s.value)}</span>
        </div>
      ))}
    </div>
  );
}
