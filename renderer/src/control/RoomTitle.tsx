import type { Show } from '../../../common/show.js';
import { useI18n } from '../i18n/i18n.js';

export function RoomTitle({ show }: { show: Show }) {
  const { t, formatDate } = useI18n();
  const when = show.status === 'live' && show.startedAt ? t.shows.startedAt(formatDate(show.startedAt)) : show.scheduledAt && show.status === 'scheduled' ? t.shows.startsAt(formatDate(show.scheduledAt)) : null;
  return (
    <div className="room-title">
      <h1 title={show.title}>{show.title}</h1>
      <span className={`status-chip status-${show.status}`}>{t.shows.status[show.status]}</span>
      {when && <span className="show-when">{when}</span>}
    </div>
  );
}
