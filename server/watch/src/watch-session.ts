import type { RelayToViewer, ViewerToRelay } from '../../../common/protocol/viewer.js';
import type { PublicShow } from '../../../common/show.js';
import { EMPTY_STAGE, type Stage } from '../../../common/stage.js';
import { CueLead } from './cue-lead.js';
import { FrameClock } from './frame-clock.js';
import { linkMessage } from './i18n.js';
import { Player, type MediaStatus } from './player.js';
import { PlayoutDelay } from './playout-delay.js';
import { RelayClock } from './relay-clock.js';
import { StageSync, type PictureMode } from './stage-sync.js';
import { VideoDelayEstimate } from './video-delay.js';
import { WatchConnection, type ConnectionEvent } from './watch-connection.js';

/** The page's states; also exposed as `data-state` for end-to-end tests. */
export type WatchState = 'connecting' | 'scheduled' | 'live' | 'reconnecting' | 'ended' | 'link-problem';

export interface WatchView {
  readonly state: WatchState;
  readonly show: PublicShow | null;
  readonly viewers: number | null;
  /** The latest remote stream; kept after the connection drops so the last frame stays on screen. */
  readonly stream: MediaStream | null;
  /** False while the WebSocket is down and being re-established. */
  readonly online: boolean;
  readonly linkMessage: string | null;
  /** The stage as displayed (held cues are not in it until their frame is on screen). */
  readonly stage: Stage;
}

interface Facts {
  show: PublicShow | null;
  mediaEpoch: number | null;
  viewers: number | null;
  stream: MediaStream | null;
  online: boolean;
  media: MediaStatus;
  /** Has a picture ever been connected on this page? Decides "connecting" vs "reconnecting". */
  played: boolean;
  link: { message: string } | null;
  stage: Stage;
}

/** Frames count as stamped while a stamped one was rendered this recently. */
const STAMPED_RECENTLY_MS = 1_000;
const DELAY_SAMPLE_MS = 2_000;

function deriveState(f: Facts): WatchState {
  if (f.link) return 'link-problem';
  if (!f.show) return 'connecting';
  if (f.show.status === 'scheduled') return 'scheduled';
  if (f.show.status === 'ended') return 'ended';
  // Live: "live" means the picture is actually flowing, so tests (and viewers) can rely on it.
  if (f.mediaEpoch === null || !f.online) return 'reconnecting';
  if (f.media === 'connected') return 'live';
  return f.played ? 'reconnecting' : 'connecting';
}

/** Reads the link token from /w/<token>. */
export function tokenFromPath(pathname: string): string | null {
  const m = /^\/w\/([^/]+)\/?$/.exec(pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

/** Glues the relay connection and the player into one immutable view for React. */
export class WatchSession {
  private facts: Facts = { show: null, mediaEpoch: null, viewers: null, stream: null, online: false, media: 'idle', played: false, link: null, stage: EMPTY_STAGE };
  private view: WatchView = this.toView();
  private readonly listeners = new Set<() => void>();
  private readonly connection: WatchConnection | null;
  readonly player: Player;
  readonly clock = new RelayClock();
  readonly frames: FrameClock;
  readonly sync: StageSync;
  private readonly delay = new VideoDelayEstimate();
  /** Cues that arrive after their frame buy the picture a little more delay (cue-lead.ts). */
  readonly cueLead = new CueLead();
  readonly playout = new PlayoutDelay();
  /** How far the picture lags the data channel now (estimated from this page's receive statistics). */
  get videoDelayMs(): number {
    return this.delay.ms;
  }
  private delayTimer: ReturnType<typeof setInterval> | null = null;
  private readonly messageListeners = new Set<(m: RelayToViewer) => void>();
  /** The device id from the relay's welcome (null before it). */
  viewerId: string | null = null;
  /** The watch link's token (null when the URL has none). */
  readonly token: string | null;

  constructor(location: Location) {
    const token = tokenFromPath(location.pathname);
    this.token = token;
    const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/watch`;
    this.connection = token ? new WatchConnection(wsUrl, token, (e) => this.onConnection(e)) : null;
    this.frames = new FrameClock((captureMs) => this.sync.frame(captureMs));
    this.player = new Player((m) => this.connection?.send(m), {
      status: (media) => this.update({ media, played: this.facts.played || media === 'connected' }),
      stream: (stream) => this.update({ stream }),
    }, { rtcConfig: this.frames.rtcConfig, receive: (r) => (this.frames.receive(r), this.playout.receive(r)) });
    this.sync = new StageSync({
      now: () => performance.now(),
      mode: () => this.pictureMode(),
      estimatedDelayMs: () => this.delay.ms,
      onShow: (stage) => this.update({ stage }),
      onLead: (leadMs) => this.playout.set(this.cueLead.observe(leadMs)),
      nextFrameAfter: (captureMs) => this.frames.nextCaptureAfter(captureMs),
    });
    if (!token) this.facts.link = { message: linkMessage(null, null) };
    this.view = this.toView();
  }

  /** A message of the viewer's own on the socket (chat, hearts); dropped while the socket is down. */
  readonly sendToRelay = (m: ViewerToRelay): void => this.connection?.send(m);

  start(): void {
    this.connection?.start();
    this.delayTimer = setInterval(() => {
      if (this.view.state === 'live') void this.delay.sample(this.player.peerConnection);
    }, DELAY_SAMPLE_MS);
  }

  stop(): void {
    this.connection?.stop();
    this.player.stop();
    this.frames.stop();
    this.sync.stop();
    if (this.delayTimer) clearInterval(this.delayTimer);
  }

  /** The live screen's video element (null when it goes away): rendered frames drive held cues. */
  readonly attachVideo = (video: HTMLVideoElement | null): void => this.frames.attach(video);

  private pictureMode(): PictureMode {
    if (this.view.state !== 'live') return 'none';
    return this.frames.stampedWithin(STAMPED_RECENTLY_MS) ? 'stamped' : 'unstamped';
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): WatchView => this.view;

  private onConnection(e: ConnectionEvent): void {
    if (e.kind === 'message') return this.onMessage(e.message);
    if (e.kind === 'down') {
      // The relay dropped our subscription with the socket; start fresh after the next welcome.
      this.player.reset();
      return this.update({ online: false });
    }
    this.player.stop();
    this.update({ online: false, link: { message: linkMessage(e.code, e.message) } });
  }

  /** Every parsed relay message, after the session has handled it (commerce broadcasts: stock, purchases…). */
  onRelayMessage(listener: (m: RelayToViewer) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  private onMessage(m: RelayToViewer): void {
    this.handle(m);
    for (const l of this.messageListeners) l(m);
  }

  private handle(m: RelayToViewer): void {
    switch (m.type) {
      case 'welcome':
        this.viewerId = m.viewerId;
        this.clock.sample(m.serverNow);
        // A (late) joiner sees exactly what is on screen now.
        this.sync.reset(m.stage);
        this.update({ online: true, show: m.show, mediaEpoch: m.mediaEpoch, viewers: m.viewers });
        return this.follow(m.show, m.mediaEpoch);
      case 'stage':
        this.clock.sample(m.serverNow);
        return this.sync.receive(m.stage, m.captureMs, m.holdForVideo === true);
      case 'show':
        this.update({ show: m.show, mediaEpoch: m.mediaEpoch });
        return this.follow(m.show, m.mediaEpoch);
      case 'offer':
        return this.player.handleOffer(m.epoch, m.sdp);
      case 'viewers':
        return this.update({ viewers: m.count });
      case 'error':
        return this.player.handleError();
    }
  }

  private follow(show: PublicShow, mediaEpoch: number | null): void {
    if (show.status === 'live') return this.player.want(mediaEpoch);
    this.player.stop();
    if (this.facts.stream) this.update({ stream: null });
  }

  private update(patch: Partial<Facts>): void {
    this.facts = { ...this.facts, ...patch };
    const next = this.toView();
    const prev = this.view;
    const same = (Object.keys(next) as (keyof WatchView)[]).every((k) => next[k] === prev[k]);
    if (same) return;
    this.view = next;
    // No picture any more: nothing to hold cues for (this re-enters update with the stage).
    if (next.state !== 'live' && this.sync.pending) this.sync.flush();
    for (const l of this.listeners) l();
  }

  private toView(): WatchView {
    const f = this.facts;
    return { state: deriveState(f), show: f.show, viewers: f.viewers, stream: f.stream, online: f.online, linkMessage: f.link?.message ?? null, stage: f.stage };
  }
}
