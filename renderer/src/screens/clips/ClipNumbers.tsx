import type { Currency } from '../../../../common/commerce/money.js';
import type { ClipSegment } from '../../../../common/replay/clips.js';
import type { ReplayNumbers } from '../../../../common/replay/replay-studio.js';
import { count, money } from '../../commerce/numbers.js';
import { useI18n } from '../../i18n/i18n.js';

const KEYS = ['views', 'orders', 'buyers', 'revenue'] as const;

/** One clip's numbers as text per column (revenue in its currency, else the show's, else won). */
function useCells() {
  const { lang } = useI18n();
  return (n: ReplayNumbers, fallback: Currency | null) => ({
    views: count(n.views, lang),
    orders: count(n.orders, lang),
    buyers: count(n.buyers, lang),
    revenue: money(n.revenue, n.currency ?? fallback ?? 'KRW', lang),
  });
}

/** A clip's views, orders, buyers and revenue on one line of its row in the Clips section. */
export function ClipNumbersLine({ numbers }: { numbers: ReplayNumbers }) {
  const { t } = useI18n();
  const cells = useCells()(numbers, null);
  return (
    <p className="clip-numbers muted small" data-testid="clip-numbers">
      {KEYS.map((k) => (
        <span key={k}>
          {t.clips.numbers[k]} <strong data-testid={`clip-${k}`}>{cells[k]}</strong>
        </span>
      ))}
    </p>
  );
}

/** The post-show report's table: every clip of the show with its numbers (docs/clips.md, "Numbers"). */
export function ClipNumbersTable({ segments, currency }: { segments: readonly ClipSegment[]; currency: Currency }) {
  const { t } = useI18n();
  const c = t.clips;
  const cellsOf = useCells();
  const rows = segments.filter((s) => s.clip);
  return (
    <div data-testid="report-clips">
      <h3>{c.numbersTitle}</h3>
      <p className="muted small">{c.numbersHint}</p>
      {rows.length === 0 ? (
        <p className="muted">{c.numbersNone}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th>{c.clipCol}</th>
              {KEYS.map((k) => (
                <th key={k} className="num">
                  {c.numbers[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => {
              const cells = cellsOf(s.clip!.numbers, currency);
              return (
                <tr key={s.segmentNo} data-testid="report-clip">
                  <td>{c.segment(s.segmentNo, s.title)}</td>
                  {KEYS.map((k) => (
                    <td key={k} className="num" data-testid={`report-clip-${k}`}>
                      {cells[k]}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
