/**
 * Applies the extra playout delay cue-lead.ts asks for to the video receivers (WebRTC's
 * `jitterBufferTarget`, ms: a floor for the jitter buffer; audio follows through lip sync).
 * Engines without it keep WebRTC's own delay, and cues there may still come late on a busy device.
 */
type TargetReceiver = RTCRtpReceiver & { jitterBufferTarget?: number | null };

/** Receivers of the current connection and the parked one before it, at most. */
const KEEP = 4;

export class PlayoutDelay {
  private readonly receivers: TargetReceiver[] = [];
  private ms = 0;

  get extraMs(): number {
    return this.ms;
  }

  /** Every receiver of every connection passes here once; only video ones are kept. */
  receive(receiver: RTCRtpReceiver): void {
    if (receiver.track.kind !== 'video' || this.receivers.includes(receiver)) return;
    this.receivers.push(receiver);
    if (this.receivers.length > KEEP) this.receivers.shift();
    this.apply(receiver);
  }

  set(ms: number): void {
    if (ms === this.ms) return;
    this.ms = ms;
    for (const r of this.receivers) this.apply(r);
  }

  private apply(r: TargetReceiver): void {
    if (!('jitterBufferTarget' in r)) return;
    try {
      r.jitterBufferTarget = this.ms;
    } catch {
      /* a closed connection's receiver: nothing to delay */
    }
  }
}
