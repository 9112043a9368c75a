import { useEffect, useRef, useState } from 'react';
import { useDashboard } from '../commerce/useDashboard.js';
import { useI18n } from '../i18n/i18n.js';
import { DashboardPanel } from './dashboard/DashboardPanel.js';
import { Kpis } from './dashboard/Kpis.js';
import { RoomTabs, type RoomTab } from './RoomTabs.js';
import type { RelayStatus } from '../../../common/ipc-contract.js';
import type { Show, WatchLink } from '../../../common/show.js';
import { captureClockMs } from '../live/capture-clock.js';
import { usePublisher } from '../live/usePublisher.js';
import { useStreamHealth } from '../live/useStreamHealth.js';
import { useShowOrientation } from '../media/orientation-store.js';
import { useFramedVideo } from '../media/useFramedVideo.js';
import { useMediaSource } from '../media/useMediaSource.js';
import { useViewerCount } from '../relay-hooks.js';
import { FramePicker } from './FramePicker.js';
import { GoLiveCard } from './GoLiveCard.js';
import { HealthCard } from './HealthCard.js';
import { LiveHostView } from './live/LiveHostView.js';
import { HostChat } from './live/chat/HostChat.js';
import { LiveShelf } from './live/LiveShelf.js';
import { LiveStockPanel } from './live/LiveStockPanel.js';
import { StagePreview } from './live/StagePreview.js';
import { useHostKeys } from './live/useHostKeys.js';
import { useLiveRun } from './live/useLiveRun.js';
import { useShowRundown } from './live/useShowRundown.js';
import { useStage } from './live/useStage.js';
import { LivePill } from './LivePill.js';
import { deriveRoom } from './room-state.js';
import { MediaErrorBanner } from './MediaErrorBanner.js';
import { PreviewPanel } from './PreviewPanel.js';
import { RehearseCard, RundownPrompt } from './RoomCards.js';
import { RoomTitle } from './RoomTitle.js';
import { SourceBar } from './SourceBar.js';
import { SourceError } from './SourceError.js';
import { ViewerCount } from './ViewerCount.js';
import { ViewerDisplayCard } from './ViewerDisplayCard.js';
import { WatchLinkCard } from './WatchLinkCard.js';
import { RecordToggle } from '../screens/replays/RecordToggle.js';
import { Icon } from '../ui/Icon.js';
import { ObsGoLiveCard } from './obs/ObsGoLiveCard.js';
import { ObsHealthCard } from './obs/ObsHealthCard.js';
import { ObsPanel } from './obs/ObsPanel.js';
import { SourceModeToggle, useSourceMode } from './obs/SourceModeToggle.js';
import { useObs } from './obs/useObs.js';

export interface LiveRoomProps {
  show: Show;
  initialLink: WatchLink | null;
  relayStatus: RelayStatus | null;
  /** False while another page (catalog, run-down editor) covers the room: keys stay off. */
  active: boolean;
  rundownVersion: number;
  onOnAirChange: (onAir: boolean) => void;
  onBack: () => void;
  onEditRundown: () => void;
  onRehearse: ((show: Show, link: WatchLink) => void) | null;
  onOpenOrders: () => void;
  onOpenReport: () => void;
  onOpenReplays: () => void;
}

/** A show being prepared or on air: picture and sources, Go live / End, and, with a run-down, the host view. */
export function LiveRoom({ show, initialLink, relayStatus, active, rundownVersion, onOnAirChange, onBack, onEditRundown, onRehearse, onOpenOrders, onOpenReport, onOpenReplays }: LiveRoomProps) {
  const { t } = useI18n();
  const media = useMediaSource();
  // The camera as the show frames it (16:9 as is, or a 9:16 centre crop): the preview and the publisher use the same track.
  const [orientation, setOrientation] = useShowOrientation(show.id);
  const framedVideo = useFramedVideo(media.video, orientation);
  const { publisher, snap, onAir } = usePublisher(show.id, framedVideo, media.audio, media.quality);
  const viewers = useViewerCount(show.id);
  const { health, history } = useStreamHealth(publisher, onAir);
  const ended = snap.state.kind === 'ended';
  const { stopAll } = media;
  const rehearsal = show.rehearsalOf !== null;
  // A rehearsal runs the real show's run-down.
  const { rundown } = useShowRundown(show.rehearsalOf ?? show.id, rundownVersion);
  const stageApi = useStage(show.id);
  // OBS mode: OBS's program goes to the relay's ingest; the camera and the studio's publisher stay off.
  const [sourceMode, setSourceMode] = useSourceMode(show.id);
  const obsMode = sourceMode === 'obs';
  const obs = useObs(obsMode);
  const running = obsMode ? show.status === 'live' : snap.state.kind === 'live' || snap.state.kind === 'reconnecting';
  const live = useLiveRun({ showId: show.id, rundown, running, stage: stageApi.stage, acceptStage: stageApi.accept, refreshStage: stageApi.refresh, obsMode });
  const [endSignal, setEndSignal] = useState(0);
  const [goLiveSignal, setGoLiveSignal] = useState(0);
  // Badge, pill and buttons all read this (the relay's show status + this window's publisher).
  const room = deriveRoom(show.status, snap.state);
  const [tab, setTab] = useState<RoomTab>('host');
  const dash = useDashboard(show.id, show.status === 'live' || running);
  const [nowMs, setNowMs] = useState(Date.now);
  const canGoLive = !!(media.video || media.audio);

  useEffect(() => {
    const id = setInterval(() => setNowMs(Date.now()), 500);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    onOnAirChange(onAir);
    return () => onOnAirChange(false);
  }, [onAir, onOnAirChange]);
  useEffect(() => {
    if (ended || obsMode) stopAll();
  }, [ended, obsMode, stopAll]);
  const { backToCamera } = media;
  const wasObs = useRef(obsMode);
  useEffect(() => {
    // Back from OBS to the camera: open it again (it was stopped when OBS mode began).
    if (wasObs.current && !obsMode && !ended) void backToCamera();
    wasObs.current = obsMode;
  }, [obsMode, ended, backToCamera]);

  // One set of actions for the keys and for the legend's buttons; an action that does not apply now is absent.
  const st = stageApi.stage;
  const segs = rundown?.segments.length ?? 0;
  const actions = {
    fireNext: live.clock?.nextCue ? live.fireNext : undefined,
    clearCards: !st || st.pinned.length ? () => live.close('cards') : undefined,
    closeCoupon: !st || st.coupon ? () => live.close('coupon') : undefined,
    closeQuiz: !st || st.quiz ? () => live.close('quiz') : undefined,
    closePoll: !st || st.poll ? () => live.close('poll') : undefined,
    nextSegment: live.segIndex < segs - 1 ? live.next : undefined,
    prevSegment: live.segIndex > 0 ? live.prev : undefined,
    // In OBS mode Go live and End are the OBS card's buttons (behind its pre-flight), not G and E.
    goLive: !obsMode && room.primary && canGoLive ? () => setGoLiveSignal((n) => n + 1) : undefined,
    endShow: !obsMode && room.canEnd ? () => setEndSignal((n) => n + 1) : undefined,
  };
  useHostKeys({ ...actions, fireNext: actions.fireNext ?? (rundown ? () => undefined : undefined), fireNumber: rundown ? (n) => live.fireCue(n - 1, captureClockMs()) : undefined }, active && !ended);

  const sourceError = !ended && media.problem ? <SourceError problem={media.problem} media={media} /> : null;
  const preview = (
    <PreviewPanel
      video={framedVideo}
      audio={media.audio}
      portrait={orientation === 'portrait'}
      videoSource={media.videoSource}
      starting={media.starting}
      ended={ended}
      onBack={onBack}
      topLeft={<LivePill phase={room.phase} state={snap.state} rehearsal={rehearsal} startedAt={show.status === 'live' ? show.startedAt : null} />}
      topRight={<ViewerCount count={viewers} />}
      problem={sourceError}
    />
  );
  const framePicker = <FramePicker value={orientation} onChange={setOrientation} onAir={onAir || show.status === 'live'} />;
  const onAirNow = onAir || show.status === 'live';
  const sourceToggle = !ended && <SourceModeToggle mode={sourceMode} onChange={setSourceMode} locked={onAirNow} />;
  const obsPanel = <ObsPanel obs={obs} live={show.status === 'live'} />;
  const controls = obsMode ? (
    <ObsGoLiveCard show={show} rundownId={rundown?.id ?? null} obsConnected={obs.status?.state === 'connected'} streaming={obs.health?.active ?? false} />
  ) : (
    <>
      <GoLiveCard
        room={room}
        snap={snap}
        rehearsal={rehearsal}
        canGoLive={canGoLive}
        onGoLive={() => void publisher?.goLive()}
        onEnd={() => publisher?.end() ?? Promise.resolve()}
        endSignal={endSignal}
        goLiveSignal={goLiveSignal}
      />
      {onRehearse && !onAir && show.status === 'scheduled' && <RehearseCard show={show} onRehearse={onRehearse} />}
    </>
  );
  const stage = <StagePreview stage={stageApi.stage} error={stageApi.error} nowMs={nowMs} onClose={live.close} />;
  // Improvising: the whole catalog one search away, with or without a run-down (docs/live-selling.md).
  const shelf = (
    <>
      <LiveShelf showId={show.id} live={live} running={running} />
      {running && <LiveStockPanel showId={show.id} />}
    </>
  );
  const dashboard = <DashboardPanel show={show} dashboard={dash.dashboard} error={dash.error} viewersNow={viewers} onOpenOrders={onOpenOrders} />;
  const recordToggle = !ended && <RecordToggle show={show} onAir={onAirNow} />;
  const afterShow = ended && (
    <section className="card report-prompt">
      <button type="button" className="btn primary" onClick={onOpenReport} data-testid="room-report-button">
        <Icon name="chart" /> {t.commerce.nav.report}
      </button>
      <button type="button" className="btn" onClick={onOpenReplays} data-testid="room-replays-button">
        ▶ {t.replays.open}
      </button>
    </section>
  );

  if (rundown && !ended)
    return (
      <div className="room with-host">
        <MediaErrorBanner error={snap.error} state={snap.state} relayStatus={relayStatus} />
        <div className="room-grid host-grid">
          <div className="room-main">
            <RoomTitle show={show} phase={room.phase} />
            <RoomTabs show={show} tab={tab} onTab={setTab} onOpenOrders={onOpenOrders} />
            {tab === 'host' ? (
              <>
                <Kpis d={dash.dashboard} viewersNow={viewers} compact />
                <LiveHostView live={live} rundown={rundown} rehearsal={rehearsal} actions={actions} onEditRundown={onEditRundown} />
                {shelf}
              </>
            ) : (
              dashboard
            )}
          </div>
          <aside className="room-side">
            {sourceToggle}
            {obsMode ? obsPanel : preview}
            {!obsMode && media.video ? sourceError : null}
            {controls}
            {recordToggle}
            {stage}
            <ViewerDisplayCard showId={show.id} />
            <HostChat showId={show.id} live={onAirNow} />
            {!obsMode && <SourceBar media={media} />}
            {!obsMode && framePicker}
            {obsMode ? <ObsHealthCard health={obs.health} /> : <HealthCard health={health} history={history} onAir={onAir} />}
            <WatchLinkCard showId={show.id} initial={initialLink} />
          </aside>
        </div>
      </div>
    );

  return (
    <div className="room">
      <MediaErrorBanner error={snap.error} state={snap.state} relayStatus={relayStatus} />
      <div className="room-grid">
        <div className="room-main">
          <RoomTitle show={show} phase={room.phase} />
          <RoomTabs show={show} tab={null} onTab={null} onOpenOrders={onOpenOrders} />
          {sourceToggle}
          {obsMode && !ended ? obsPanel : preview}
          {obsMode || (!media.video && !ended) ? null : sourceError}
          {!ended && !obsMode && <SourceBar media={media} />}
          {!ended && !obsMode && framePicker}
          {!ended && shelf}
          {dashboard}
        </div>
        <aside className="room-side">
          {controls}
          {recordToggle}
          {afterShow}
          {!ended && <RundownPrompt onOpen={onEditRundown} />}
          {!ended && (running || (stageApi.stage?.version ?? 0) > 0) && stage}
          {!ended && <ViewerDisplayCard showId={show.id} />}
          {!ended && <HostChat showId={show.id} live={onAirNow} />}
          {obsMode ? <ObsHealthCard health={obs.health} /> : <HealthCard health={health} history={history} onAir={onAir} />}
          <WatchLinkCard showId={show.id} initial={initialLink} />
        </aside>
      </div>
    </div>
  );
}
