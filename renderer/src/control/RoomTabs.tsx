import type { Show } from '../../../common/show.js';
import { useUnseenOrders } from '../commerce/orders-feed.js';
import { useI18n } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';

export type RoomTab = 'host' | 'dashboard';

/** Host view ⇄ live dashboard, plus Orders with the count of orders that came in since they were last looked at. */
export function RoomTabs({ show, tab, onTab, onOpenOrders }: { show: Show; tab: RoomTab | null; onTab: ((t: RoomTab) => void) | null; onOpenOrders: () => void }) {
  const { t } = useI18n();
  const n = t.commerce.nav;
  return (
    <div className="room-tabs">
      {onTab && tab && (
        <div className="tabs compact" role="tablist" aria-label={n.dashboard}>
          {(['host', 'dashboard'] as const).map((k) => (
            <button key={k} type="button" role="tab" className="tab" aria-selected={tab === k} onClick={() => onTab(k)} data-testid={`room-tab-${k}`}>
              {k === 'host' ? n.host : n.dashboard}
            </button>
          ))}
        </div>
      )}
      <div className="spacer" />
      <OrdersButton showId={show.id} onOpen={onOpenOrders} />
    </div>
  );
}

export function OrdersButton({ showId, onOpen }: { showId: string; onOpen: () => void }) {
  const { t } = useI18n();
  const unseen = useUnseenOrders(showId);
  return (
    <button type="button" className={`btn orders-btn ${unseen ? 'has-new' : ''}`} onClick={onOpen} data-testid="room-orders-button">
      <Icon name="receipt" /> {t.commerce.nav.orders}
      {unseen > 0 && (
        <span className="badge" data-testid="orders-badge" aria-label={`${unseen} new`}>
          {unseen}
        </span>
      )}
    </button>
  );
}
