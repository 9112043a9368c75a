import { StudioError, type StudioBridge } from '../../../common/ipc-contract.js';
import { liveReducer, reconnectDelayMs, type LiveEvent, type LiveState } from '../../../common/live-state.js';
import type { QualitySpec } from '../../../common/quality.js';
import { trackPublisher, untrackPublisher } from './diagnostics.js';
import { createStampingPeerConnection, pipeSender } from './frame-stamper.js';
import { applyEncoding, gatheringComplete, preferCodec } from './rtc-util.js';

export interface PublishError {
  code: string;
  /** English, for the log and the English studio. */
  message: string;
  /** What was thrown, so the screen can say it in the seller's language (errors/error-text.ts). */
  cause?: unknown;
}

export interface PublisherSnapshot {
  state: LiveState;
  error: PublishError | null;
  ending: boolean;
}

const ICE_GATHER_CAP_MS = 3000;
const DISCONNECT_GRACE_MS = 2000;
/** ICE that neither connects nor fails this long is treated as lost, so a retry can start. */
const CONNECT_TIMEOUT_MS = 15000;
/** Before the first connection, a few quiet retries; then tell the seller. */
const FIRST_CONNECT_TRIES = 3;
/** Errors no retry can fix: a wrong key, an ended show. */
const FATAL_CODES = new Set(['unauthorized', 'conflict', 'forbidden']);

const toError = (e: unknown): PublishError =>
  e instanceof StudioError ? { code: e.code, message: e.message, cause: e } : { code: 'internal', message: e instanceof Error ? e.message : String(e), cause: e };

/**
 * Publishes local tracks for one show to the relay (WHIP-shaped: full offer, one answer) and keeps
 * it published: a lost connection republishes the SAME tracks on a fresh RTCPeerConnection with backoff.
 */
export class Publisher {
  private state: LiveState = { kind: 'idle' };
  private error: PublishError | null = null;
  private ending = false;
  private pc: RTCPeerConnection | null = null;
  private sessionId: string | null = null;
  private tracks: { video: MediaStreamTrack | null; audio: MediaStreamTrack | null } = { video: null, audio: null };
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private connectTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private firstTries = 0;
  private disposed = false;
  private readonly listeners = new Set<(s: PublisherSnapshot) => void>();
  private readonly offLost: () => void;
  snapshot: PublisherSnapshot = { state: this.state, error: null, ending: false };

  constructor(
    private readonly bridge: StudioBridge,
    readonly showId: string,
    private quality: QualitySpec,
  ) {
    this.offLost = bridge.on('relay.publisherLost', (p) => {
      if (p.showId === this.showId) this.lost();
    });
    trackPublisher(this);
  }

  get peerConnection(): RTCPeerConnection | null {
    return this.pc;
  }
  subscribe(listener: (s: PublisherSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot);
    return () => void this.listeners.delete(listener);
  }

  private onAir(): boolean {
    const k = this.state.kind;
    return k === 'connecting' || k === 'live' || k === 'reconnecting';
  }

  private emit(): void {
    this.snapshot = { state: this.state, error: this.error, ending: this.ending };
    for (const l of this.listeners) l(this.snapshot);
  }

  private dispatch(event: LiveEvent): void {
    this.state = liveReducer(this.state, event);
    this.emit();
  }

  private fail(error: PublishError): void {
    this.clearTimers();
    this.closePc();
    this.error = error;
    this.dispatch({ type: 'fail', message: error.message });
  }

  async goLive(): Promise<void> {
    if (this.onAir() || this.disposed || (!this.tracks.video && !this.tracks.audio)) return;
    this.error = null;
    this.firstTries = 0;
    this.dispatch({ type: 'goLive', showId: this.showId });
    try {
      await this.bridge.invoke('shows.start', { showId: this.showId });
    } catch (e) {
      return this.fail(toError(e));
    }
    await this.attempt();
  }

  /** One publish on a fresh RTCPeerConnection with the current tracks. */
  private async attempt(): Promise<void> {
    this.retryTimer = undefined;
    if (!this.onAir() || this.disposed) return;
    this.closePc();
    // Video frames carry their capture time (./frame-stamper.ts); every sender is piped.
    const pc = createStampingPeerConnection();
    this.pc = pc;
    this.inFlight = true;
    try {
      for (const kind of ['video', 'audio'] as const) {
        const track = this.tracks[kind];
        if (!track) continue;
        const t = pc.addTransceiver(track, { direction: 'sendonly' });
        pipeSender(t.sender, kind);
        preferCodec(t, kind, kind === 'video' ? 'video/vp8' : 'audio/opus');
      }
      pc.onconnectionstatechange = () => this.onConnectionState(pc);
      await pc.setLocalDescription(await pc.createOffer());
      await gatheringComplete(pc, ICE_GATHER_CAP_MS);
      const res = await this.bridge.invoke('media.publish', { showId: this.showId, sdp: pc.localDescription?.sdp ?? '' });
      if (this.pc !== pc) return; // ended or replaced while we waited; the relay drops superseded publishers
      this.sessionId = res.sessionId;
      await pc.setRemoteDescription({ type: 'answer', sdp: res.sdp });
      await applyEncoding(pc, this.quality);
      this.connectTimer = setTimeout(() => {
        if (this.pc === pc && pc.connectionState !== 'connected') this.lost();
      }, CONNECT_TIMEOUT_MS);
    } catch (e) {
      if (this.pc !== pc) return;
      this.inFlight = false;
      const err = toError(e);
      // Fatal, or the very first try failing at the relay: the seller must act, so say so now.
      if (FATAL_CODES.has(err.code) || this.state.kind === 'connecting') return this.fail(err);
      this.error = err; // relay_unreachable / media_unavailable while reconnecting: keep trying
      this.lost();
    } finally {
      if (this.pc === pc) this.inFlight = false;
    }
  }

  private onConnectionState(pc: RTCPeerConnection): void {
    if (pc !== this.pc) return;
    const s = pc.connectionState;
    if (s === 'connected') {
      clearTimeout(this.graceTimer);
      clearTimeout(this.connectTimer);
      this.firstTries = 0;
      this.error = null;
      this.dispatch({ type: 'mediaConnected', at: Date.now() });
    } else if (s === 'disconnected') {
      clearTimeout(this.graceTimer);
      this.graceTimer = setTimeout(() => {
        if (this.pc === pc && pc.connectionState === 'disconnected') this.lost();
      }, DISCONNECT_GRACE_MS);
    } else if (s === 'failed') {
      this.lost();
    }
  }

  /** The media path is gone (ICE failed, relay says the publisher is lost): republish after a backoff. */
  private lost(): void {
    if (this.retryTimer !== undefined || this.inFlight || this.disposed) return;
    const s = this.state;
    if (s.kind === 'live') this.dispatch({ type: 'mediaLost', at: Date.now() });
    else if (s.kind === 'reconnecting') this.dispatch({ type: 'retry' });
    else if (s.kind === 'connecting') {
      this.firstTries++;
      if (this.firstTries >= FIRST_CONNECT_TRIES) return this.fail({ code: 'media_failed', message: 'Could not connect the video to the media server.' });
    } else return;
    this.clearTimers();
    this.closePc();
    const n = this.state.kind === 'reconnecting' ? this.state.attempt : this.firstTries;
    this.retryTimer = setTimeout(() => void this.attempt(), reconnectDelayMs(n));
  }

  /** Swaps tracks (camera change, screen share). Same kinds: replaceTrack; new kinds: republish. */
  async setTracks(video: MediaStreamTrack | null, audio: MediaStreamTrack | null): Promise<void> {
    this.tracks = { video, audio };
    const pc = this.pc;
    if (!pc || this.inFlight || !this.onAir()) return;
    const byKind = new Map(pc.getTransceivers().map((t) => [t.receiver.track.kind, t]));
    if ((video && !byKind.has('video')) || (audio && !byKind.has('audio'))) return void this.attempt();
    try {
      await byKind.get('video')?.sender.replaceTrack(video);
      await byKind.get('audio')?.sender.replaceTrack(audio);
    } catch {
      void this.attempt();
    }
  }

  setQuality(quality: QualitySpec): void {
    this.quality = quality;
    if (this.pc && this.sessionId) void applyEncoding(this.pc, quality);
  }

  /** Unpublish, end the show at the relay; the caller stops the tracks. */
  async end(): Promise<void> {
    const sessionId = this.sessionId;
    this.clearTimers();
    this.closePc();
    this.ending = true;
    this.emit();
    if (sessionId) await this.bridge.invoke('media.unpublish', { sessionId }).catch(() => undefined);
    try {
      await this.bridge.invoke('shows.end', { showId: this.showId });
      this.error = null;
    } catch (e) {
      this.error = { ...toError(e), code: 'end_failed' };
    }
    this.ending = false;
    // From idle (a show left live by an earlier session) the reducer has no show to end: set it directly.
    if (this.state.kind === 'idle') this.state = { kind: 'ended', showId: this.showId };
    this.dispatch({ type: 'end' });
  }

  private clearTimers(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.graceTimer);
    clearTimeout(this.connectTimer);
    this.retryTimer = undefined;
  }

  private closePc(): void {
    const pc = this.pc;
    this.pc = null;
    this.sessionId = null;
    this.inFlight = false;
    if (pc) pc.onconnectionstatechange = null;
    pc?.close();
  }

  dispose(): void {
    this.disposed = true;
    this.offLost();
    this.clearTimers();
    this.closePc();
    this.listeners.clear();
    untrackPublisher(this);
  }
}
