import type { Show } from '../../../common/show.js';
import { useI18n } from '../i18n/i18n.js';
import type { RoomPhase } from './room-state.js';

/**
 * The show's title and time. With a `phase` (a room that can go live) the status badge is left to
 * the pill, which reads the same derived phase: two badges could only ever disagree.
 */
export function RoomTitle({ show, phase }: { show: Show; phase?: RoomPhase }) {
  const { t, formatDate } = useI18n();
  const when = show.status === 'live' && show.startedAt ? t.shows.startedAt(formatDate(show.startedAt)) : show.scheduledAt && show.status === 'scheduled' ? t.shows.startsAt(formatDate(show.scheduledAt)) : null;
  return (
    <div className="room-title">
      <h1 title={show.title}>{show.title}</h1>
      {phase === undefined && <span className={`status-chip status-${show.status}`}>{t.shows.status[show.status]}</span>}
      {when && <span className="show-when">{when}</span>}
    </div>
  );
}
