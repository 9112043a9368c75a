import type { ViewerToRelay } from '../../../common/protocol/viewer.js';

/** Where the picture stands, as the page shows it. */
export type MediaStatus = 'idle' | 'negotiating' | 'connected' | 'interrupted';

export interface PlayerEvents {
  status(status: MediaStatus): void;
  /** A new remote stream (one per peer connection) to put on the video element. */
  stream(stream: MediaStream): void;
}

/** Reads what rides inside the received frames (see frame-clock.ts). */
export interface ReceiveHooks {
  readonly rtcConfig: RTCConfiguration | undefined;
  /** Called once per receiver (audio and video) of each connection, before media flows. */
  receive(receiver: RTCRtpReceiver): void;
}

const ICE_GATHER_CAP_MS = 2_000;
/** How long 'disconnected' may last before we give up on the connection (it often heals by itself). */
const DISCONNECTED_GRACE_MS = 3_000;
/** Safety nets: the relay may drop a subscribe silently (epoch changed mid-way) and ICE may never connect. */
const OFFER_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 15_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 5_000;

function iceGatheringComplete(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    // Janus does not take trickled candidates from us, so we send what we have after the cap.
    const timer = setTimeout(done, ICE_GATHER_CAP_MS);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

/**
 * Receives the show's picture from Janus: subscribe → offer → answer, one RTCPeerConnection per
 * subscription. Re-subscribes when the connection fails or the relay reports a transient error.
 * Only one subscribe is in flight at a time (the relay does not serialise a viewer's subscribes).
 *
 * A connection that stops being useful is "parked", not closed: its video track keeps the last
 * frame on screen (a closed connection ends the track and the video goes black) until the next
 * connection is up, or until the show is over.
 */
export class Player {
  private pc: RTCPeerConnection | null = null;
  private pcEpoch: number | null = null;
  private parked: RTCPeerConnection | null = null;
  /** The epoch we should be playing; null while there is nothing to play. */
  private wanted: number | null = null;
  private awaitingOffer = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_FIRST_MS;
  private status: MediaStatus = 'idle';

  constructor(
    private readonly send: (message: ViewerToRelay) => void,
    private readonly events: PlayerEvents,
    private readonly hooks: ReceiveHooks,
  ) {}

  get peerConnection(): RTCPeerConnection | null {
    return this.pc;
  }

  /** The epoch of the current peer connection, if any. */
  get epoch(): number | null {
    return this.pc ? this.pcEpoch : null;
  }

  /** Called on every welcome/show while the show is live: the relay's current media epoch (null: no picture). */
  want(epoch: number | null): void {
    if (epoch === null) {
      // The publisher is gone for now; keep its last frame up while we wait for the next epoch.
      this.wanted = null;
      this.halt();
      return;
    }
    if (epoch === this.wanted) return;
    this.wanted = epoch;
    this.subscribe();
  }

  /** The socket went away, and the relay dropped our subscription with it; after the next welcome we start afresh. */
  reset(): void {
    this.wanted = null;
    this.retryMs = RETRY_FIRST_MS;
    this.halt();
  }

  /** The show is not live (any more): nothing to keep on screen. */
  stop(): void {
    this.reset();
    this.closeParked();
  }

  handleOffer(epoch: number, sdp: string): void {
    // Unasked-for or older than what the relay already told us: the pending timer re-subscribes if needed.
    if (this.wanted === null || !this.awaitingOffer || epoch < this.wanted) return;
    this.awaitingOffer = false;
    this.wanted = epoch;
    this.clearTimer();
    void this.answer(epoch, sdp);
  }

  /** A non-link error from the relay (not_live, stale, media_unavailable, …): try again shortly. */
  handleError(): void {
    // Errors are not tied to a request; one that arrives while we play fine is not about the picture.
    if (this.wanted === null || this.status === 'connected') return;
    this.awaitingOffer = false;
    this.retryLater();
  }

  private subscribe(): void {
    this.clearTimer();
    this.park();
    this.awaitingOffer = true;
    this.setStatus('negotiating');
    this.send({ type: 'subscribe' });
    this.setTimer(OFFER_TIMEOUT_MS, () => this.subscribe());
  }

  private async answer(epoch: number, sdp: string): Promise<void> {
    this.park();
    const pc = new RTCPeerConnection(this.hooks.rtcConfig);
    this.pc = pc;
    this.pcEpoch = epoch;
    const stream = new MediaStream();
    pc.ontrack = (ev) => {
      this.hooks.receive(ev.receiver);
      stream.addTrack(ev.track);
    };
    pc.onconnectionstatechange = () => this.onConnectionState(pc, stream);
    try {
      await pc.setRemoteDescription({ type: 'offer', sdp });
      // With encoded streams every receiver must be piped, even one that never fired ontrack.
      for (const receiver of pc.getReceivers()) this.hooks.receive(receiver);
      await pc.setLocalDescription(await pc.createAnswer());
      await iceGatheringComplete(pc);
      const local = pc.localDescription?.sdp;
      if (this.pc !== pc) return; // superseded while we negotiated
      if (!local) throw new Error('no local description');
      this.send({ type: 'answer', epoch, sdp: local });
      this.setTimer(CONNECT_TIMEOUT_MS, () => this.subscribe());
    } catch {
      // A parked or closed (superseded) connection throws too; only the current one may retry.
      if (this.pc === pc) this.retryLater();
    }
  }

  private onConnectionState(pc: RTCPeerConnection, stream: MediaStream): void {
    if (this.pc !== pc) return;
    const state = pc.connectionState;
    if (state === 'connected') {
      this.clearTimer();
      this.retryMs = RETRY_FIRST_MS;
      // Only now swap the picture, so the old frame stays up until the new one can follow it.
      this.closeParked();
      this.events.stream(stream);
      this.setStatus('connected');
    } else if (state === 'disconnected') {
      this.setStatus('interrupted');
      this.setTimer(DISCONNECTED_GRACE_MS, () => {
        if (this.pc === pc && pc.connectionState === 'disconnected') this.subscribe();
      });
    } else if (state === 'failed') {
      this.setStatus('interrupted');
      this.subscribe();
    }
  }

  private retryLater(): void {
    if (this.wanted === null) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    this.setTimer(delay, () => {
      if (this.wanted !== null) this.subscribe();
    });
  }

  /** Stop negotiating and keep whatever is on screen. */
  private halt(): void {
    this.awaitingOffer = false;
    this.clearTimer();
    this.park();
    this.setStatus('idle');
  }

  private park(): void {
    const pc = this.pc;
    this.pc = null;
    this.pcEpoch = null;
    if (!pc) return;
    pc.ontrack = null;
    pc.onconnectionstatechange = null;
    this.closeParked();
    this.parked = pc;
  }

  private closeParked(): void {
    this.parked?.close();
    this.parked = null;
  }

  private setTimer(ms: number, fn: () => void): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      fn();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(status: MediaStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.events.status(status);
  }
}
