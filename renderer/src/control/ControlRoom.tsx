import { useCallback, useEffect, useState } from 'react';
import type { RelayStatus } from '../../../common/ipc-contract.js';
import type { Show, WatchLink } from '../../../common/show.js';
import { useI18n } from '../i18n/i18n.js';
import { usePublisher } from '../live/usePublisher.js';
import { useStreamHealth } from '../live/useStreamHealth.js';
import { useMediaSource } from '../media/useMediaSource.js';
import { useShowUpdates, useViewerCount } from '../relay-hooks.js';
import { GoLiveCard } from './GoLiveCard.js';
import { HealthCard } from './HealthCard.js';
import { LivePill } from './LivePill.js';
import { MediaErrorBanner } from './MediaErrorBanner.js';
import { PreviewPanel } from './PreviewPanel.js';
import { SourceBar } from './SourceBar.js';
import { SourceError } from './SourceError.js';
import { ViewerCount } from './ViewerCount.js';
import { WatchLinkCard } from './WatchLinkCard.js';

interface Props {
  initialShow: Show;
  initialLink: WatchLink | null;
  relayStatus: RelayStatus | null;
  onOnAirChange: (onAir: boolean) => void;
  onBack: () => void;
}

/** One show's control room. A show that already ended opens without touching the camera. */
export function ControlRoom(props: Props) {
  const [show, setShow] = useState(props.initialShow);
  useShowUpdates(useCallback((s: Show) => s.id === show.id && setShow(s), [show.id]));
  if (props.initialShow.status === 'ended') return <EndedRoom show={show} link={props.initialLink} onBack={props.onBack} />;
  return <LiveRoom {...props} show={show} />;
}

function LiveRoom({ show, initialLink, relayStatus, onOnAirChange, onBack }: Props & { show: Show }) {
  const media = useMediaSource();
  const { publisher, snap, onAir } = usePublisher(show.id, media.video, media.audio, media.quality);
  const viewers = useViewerCount(show.id);
  const { health, history } = useStreamHealth(publisher, onAir);
  const ended = snap.state.kind === 'ended';
  const { stopAll } = media;
  // Without a picture the problem is shown where the picture would be; otherwise above the controls.
  const sourceError = !ended && media.problem ? <SourceError problem={media.problem} media={media} /> : null;

  useEffect(() => {
    onOnAirChange(onAir);
    return () => onOnAirChange(false);
  }, [onAir, onOnAirChange]);
  useEffect(() => {
    if (ended) stopAll();
  }, [ended, stopAll]);

  return (
    <div className="room">
      <MediaErrorBanner error={snap.error} state={snap.state} relayStatus={relayStatus} />
      <div className="room-grid">
        <div className="room-main">
          <RoomTitle show={show} />
          <PreviewPanel
            video={media.video}
            audio={media.audio}
            videoSource={media.videoSource}
            starting={media.starting}
            ended={ended}
            onBack={onBack}
            topLeft={<LivePill state={snap.state} startedAt={show.status === 'live' ? show.startedAt : null} />}
            topRight={<ViewerCount count={viewers} />}
            problem={sourceError}
          />
          {!media.video && !ended ? null : sourceError}
          {!ended && <SourceBar media={media} />}
        </div>
        <aside className="room-side">
          <GoLiveCard snap={snap} showStatus={show.status} canGoLive={!!(media.video || media.audio)} onGoLive={() => void publisher?.goLive()} onEnd={() => publisher?.end() ?? Promise.resolve()} />
          <HealthCard health={health} history={history} onAir={onAir} />
          <WatchLinkCard showId={show.id} initial={initialLink} />
        </aside>
      </div>
    </div>
  );
}

function EndedRoom({ show, link, onBack }: { show: Show; link: WatchLink | null; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <div className="room">
      <div className="room-grid">
        <div className="room-main">
          <RoomTitle show={show} />
          <PreviewPanel video={null} audio={null} videoSource="none" starting={false} ended onBack={onBack} topLeft={<LivePill state={{ kind: 'ended', showId: show.id }} startedAt={null} />} topRight={null} />
        </div>
        <aside className="room-side">
          <section className="card ended-note">
            <span className="ended-check" aria-hidden="true">
              ✓
            </span>
            <h2>{t.room.endedTitle}</h2>
          </section>
          <WatchLinkCard showId={show.id} initial={link} />
        </aside>
      </div>
    </div>
  );
}

function RoomTitle({ show }: { show: Show }) {
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
