import { useCallback, useState } from 'react';
import type { RelayStatus } from '../../../common/ipc-contract.js';
import type { Show, WatchLink } from '../../../common/show.js';
import { useI18n } from '../i18n/i18n.js';
import { useShowUpdates } from '../relay-hooks.js';
import { LivePill } from './LivePill.js';
import { LiveRoom } from './LiveRoom.js';
import { PreviewPanel } from './PreviewPanel.js';
import { RehearsalBar } from './RoomCards.js';
import { RoomTitle } from './RoomTitle.js';
import { WatchLinkCard } from './WatchLinkCard.js';
import { Icon } from '../ui/Icon.js';

interface Props {
  initialShow: Show;
  initialLink: WatchLink | null;
  relayStatus: RelayStatus | null;
  active: boolean;
  rundownVersion: number;
  onOnAirChange: (onAir: boolean) => void;
  onBack: () => void;
  onEditRundown: (show: Show) => void;
  onRehearse: (show: Show, link: WatchLink) => void;
  onOpenOrders: (show: Show) => void;
  onOpenReport: (show: Show) => void;
  onOpenReplays: (show: Show) => void;
  /** Set while this room is a rehearsal: back to the real show. */
  onLeaveRehearsal: (() => void) | null;
}

/** One show's control room. A show that already ended opens without touching the camera. */
export function ControlRoom(props: Props) {
  const [show, setShow] = useState(props.initialShow);
  const [onAir, setOnAir] = useState(false);
  const { onOnAirChange } = props;
  useShowUpdates(useCallback((s: Show) => s.id === show.id && setShow(s), [show.id]));
  const airChange = useCallback(
    (v: boolean) => {
      setOnAir(v);
      onOnAirChange(v);
    },
    [onOnAirChange],
  );
  const rehearsal = props.onLeaveRehearsal ? <RehearsalBar onBack={props.onLeaveRehearsal} blocked={onAir} /> : null;
  return (
    <div className={props.onLeaveRehearsal ? 'rehearsal-room' : undefined}>
      {rehearsal}
      {props.initialShow.status === 'ended' ? (
        <EndedRoom show={show} link={props.initialLink} onBack={props.onBack} onOpenOrders={() => props.onOpenOrders(show)} onOpenReport={() => props.onOpenReport(show)} onOpenReplays={() => props.onOpenReplays(show)} />
      ) : (
        <LiveRoom
          show={show}
          initialLink={props.initialLink}
          relayStatus={props.relayStatus}
          active={props.active}
          rundownVersion={props.rundownVersion}
          onOnAirChange={airChange}
          onBack={props.onBack}
          onEditRundown={() => props.onEditRundown(show)}
          onRehearse={props.onLeaveRehearsal ? null : props.onRehearse}
          onOpenOrders={() => props.onOpenOrders(show)}
          onOpenReport={() => props.onOpenReport(show)}
          onOpenReplays={() => props.onOpenReplays(show)}
        />
      )}
    </div>
  );
}

function EndedRoom({ show, link, onBack, onOpenOrders, onOpenReport, onOpenReplays }: { show: Show; link: WatchLink | null; onBack: () => void; onOpenOrders: () => void; onOpenReport: () => void; onOpenReplays: () => void }) {
  const { t } = useI18n();
  return (
    <div className="room">
      <div className="room-grid">
        <div className="room-main">
          <RoomTitle show={show} />
          <PreviewPanel video={null} audio={null} videoSource="none" starting={false} ended onBack={onBack} topLeft={<LivePill phase="ended" state={{ kind: 'ended', showId: show.id }} startedAt={null} rehearsal={show.rehearsalOf !== null} />} topRight={null} />
        </div>
        <aside className="room-side">
          <section className="card ended-note">
            <span className="ended-check" aria-hidden="true">
              ✓
            </span>
            <h2>{show.rehearsalOf !== null ? t.golive.rehearsal.endedTitle : t.room.endedTitle}</h2>
            {show.rehearsalOf !== null && <p className="muted small">{t.golive.rehearsal.endedBody}</p>}
          </section>
          <section className="card report-prompt">
            <button type="button" className="btn primary" onClick={onOpenReport} data-testid="room-report-button">
              <Icon name="chart" /> {t.commerce.nav.report}
            </button>
            <button type="button" className="btn" onClick={onOpenReplays} data-testid="room-replays-button">
              ▶ {t.replays.open}
            </button>
            <button type="button" className="btn" onClick={onOpenOrders} data-testid="room-orders-button">
              <Icon name="receipt" /> {t.commerce.nav.orders}
            </button>
          </section>
          <WatchLinkCard showId={show.id} initial={link} />
        </aside>
      </div>
    </div>
  );
}
