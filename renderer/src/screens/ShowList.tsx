import type { Show } from '../../../common/show.js';
import { useI18n } from '../i18n/i18n.js';
import { Icon } from '../ui/Icon.js';
import { ShowActions, type ShowChange } from './ShowActions.js';

interface Props {
  shows: Show[];
  highlight: string | null;
  onOpen: (s: Show) => void;
  onOpenRundown: (s: Show) => void;
  onOpenOrders: (s: Show) => void;
  onOpenReport: (s: Show) => void;
  onOpenReplays: (s: Show) => void;
  onChange: (c: ShowChange) => void;
}

export function ShowList({ shows, highlight, onOpen, onOpenRundown, onOpenOrders, onOpenReport, onOpenReplays, onChange }: Props) {
  const { t, formatDate } = useI18n();
  return (
    <ul className="show-list">
      {shows.map((s) => {
        const when =
          s.status === 'ended' && s.endedAt
            ? t.shows.endedAt(formatDate(s.endedAt))
            : s.status === 'live' && s.startedAt
              ? t.shows.startedAt(formatDate(s.startedAt))
              : s.scheduledAt
                ? t.shows.startsAt(formatDate(s.scheduledAt))
                : t.shows.createdAt(formatDate(s.createdAt));
        return (
          <li key={s.id} data-testid="show-item" data-show-id={s.id} className={s.id === highlight ? 'show-item highlight' : 'show-item'}>
            <button type="button" className="show-open" onClick={() => onOpen(s)}>
              <span className={`status-chip status-${s.status}`}>{t.shows.status[s.status]}</span>
              <span className="show-main">
                <span className="show-title">{s.title}</span>
                <span className="show-when">{when}</span>
              </span>
              <span className="show-go">{t.shows.open} →</span>
            </button>
            {s.status !== 'ended' && (
              <button type="button" className="btn show-rundown" data-testid="show-rundown-button" onClick={() => onOpenRundown(s)}>
                ☰ {t.rundown.open}
              </button>
            )}
            {s.status !== 'scheduled' && (
              <button type="button" className="btn show-side-btn" data-testid="show-orders-button" onClick={() => onOpenOrders(s)}>
                <Icon name="receipt" /> {t.commerce.nav.orders}
              </button>
            )}
            {s.status === 'ended' && (
              <button type="button" className="btn show-side-btn" data-testid="show-report-button" onClick={() => onOpenReport(s)}>
                <Icon name="chart" /> {t.commerce.nav.report}
              </button>
            )}
            {s.status === 'ended' && (
              <button type="button" className="btn show-side-btn" data-testid="show-replays-button" onClick={() => onOpenReplays(s)}>
                ▶ {t.replays.nav}
              </button>
            )}
            <ShowActions show={s} onChange={onChange} />
          </li>
        );
      })}
    </ul>
  );
}
