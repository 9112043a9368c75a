import { useEffect, useState } from 'react';
import type { OrderStatus } from '../../../../common/commerce/order.js';
import type { Show } from '../../../../common/show.js';
import { bridge } from '../../bridge.js';
import { downloadBytes } from '../../commerce/download.js';
import { SheetOptions, type SheetChoice } from './SheetOptions.js';
import { isRehearsalOrder, money } from '../../commerce/numbers.js';
import { useNow, useOrderFeed } from '../../commerce/orders-feed.js';
import { useI18n } from '../../i18n/i18n.js';
import { OrderRow } from './OrderRow.js';
import { ShipUpload } from './ShipUpload.js';
import { SuspiciousClusters } from './SuspiciousClusters.js';
import { Icon } from '../../ui/Icon.js';
import { useErrorText } from '../../errors/error-text.js';

type Filter = 'all' | 'awaiting_payment' | 'paid' | 'closed';
const FILTERS: readonly Filter[] = ['all', 'awaiting_payment', 'paid', 'closed'];
const matches = (f: Filter, s: OrderStatus) => f === 'all' || (f === 'closed' ? s === 'cancelled' || s === 'refunded' || s === 'expired' : s === f);

/** A show's orders, newest on top, arriving live; each with what it takes to ship, and its actions. */
export function OrdersScreen({ show, onBack }: { show: Show; onBack: () => void }) {
  const { t, lang } = useI18n();
  const say = useErrorText();
  const o = t.commerce.orders;
  const feed = useOrderFeed(show.id);
  const now = useNow();
  const [filter, setFilter] = useState<Filter>('all');
  const [exporting, setExporting] = useState(false);
  const [exportNote, setExportNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [sheet, setSheet] = useState<SheetChoice>({ format: 'generic', encoding: 'utf-8-bom' });
  const rehearsal = show.rehearsalOf !== null;

  // Looking at this screen is seeing the new orders: the room's badge goes back to zero.
  const { unseen, markSeen } = feed;
  useEffect(() => {
    if (unseen.size) markSeen();
  }, [unseen, markSeen]);

  const live = feed.orders.filter((x) => x.status !== 'cancelled' && x.status !== 'refunded' && x.status !== 'expired');
  const currency = feed.orders[0]?.quote.currency ?? 'KRW';
  const revenue = live.reduce((n, x) => n + x.quote.total, 0);
  const shown = feed.orders.filter((x) => matches(filter, x.status));

  const exportCsv = async () => {
    setExporting(true);
    setExportNote(null);
    try {
      const file = await bridge.invoke('orders.exportCsv', { showId: show.id, ...sheet, lang, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
      downloadBytes(file.filename, file.base64, file.csv, file.encoding === 'cp949' ? 'text/csv;charset=cp949' : 'text/csv;charset=utf-8');
      setExportNote({ ok: true, text: [t.store.exportedRows(file.filename, file.rows), file.replaced ? t.store.replaced(file.replaced) : ''].filter(Boolean).join(' ') });
    } catch (e) {
      setExportNote({ ok: false, text: say(e) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="page orders-page" data-testid="orders-screen" data-show-id={show.id}>
      <div className="page-head">
        <div>
          <h1>
            {o.title}
            {rehearsal && <span className="rehearsal-tag big">{o.rehearsal}</span>}
          </h1>
          <p className="muted">{o.lead(show.title)}</p>
          {rehearsal && <p className="rehearsal-note-line">{o.rehearsalLead}</p>}
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={onBack} data-testid="orders-back-button">
            ← {o.back}
          </button>
          <SheetOptions value={sheet} onChange={setSheet} />
          <button type="button" className="btn primary" onClick={() => void exportCsv()} disabled={exporting} data-testid="orders-export-button" title={o.exportHint}>
            <Icon name="download" /> {exporting ? o.exporting : o.exportCsv}
          </button>
        </div>
      </div>
      {!rehearsal && <ShipUpload showId={show.id} onDone={() => void feed.reload()} />}
      {exportNote && (
        <p className={exportNote.ok ? 'notice' : 'form-error'} role="status" data-testid="orders-export-note">
          {exportNote.text}
        </p>
      )}

      <section className="card orders-card">
        <div className="orders-bar">
          <strong className="orders-totals" data-testid="orders-totals" data-count={feed.orders.length}>
            {o.totals(live.length, money(revenue, currency, lang))}
          </strong>
          <div className="filter-chips" role="group" aria-label={o.title}>
            {FILTERS.map((f) => (
              <button key={f} type="button" className="chip-btn" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`orders-filter-${f}`}>
                {o.filter[f]}
                <span className="count-chip">{feed.orders.filter((x) => matches(f, x.status)).length}</span>
              </button>
            ))}
          </div>
        </div>
        {feed.error !== null && (
          <div className="form-error" role="alert">
            {o.loadFailed} {say(feed.error)}{' '}
            <button type="button" className="btn small" onClick={() => void feed.reload()}>
              {t.common.retry}
            </button>
          </div>
        )}
        {!feed.loaded && <p className="muted">{t.common.loading}</p>}
        {feed.loaded && feed.error === null && feed.orders.length === 0 && (
          <p className="muted empty" data-testid="orders-empty">
            {o.empty}
          </p>
        )}
        <ol className="order-list" data-testid="order-list" aria-live="polite">
          {shown.map((x) => (
            <OrderRow key={x.id} order={x} fresh={feed.fresh.has(x.id)} rehearsal={isRehearsalOrder(x, show)} now={now} onChanged={feed.replace} />
          ))}
        </ol>
      </section>
      {!rehearsal && <SuspiciousClusters showId={show.id} onChanged={() => void feed.reload()} />}
    </div>
  );
}
