/**
 * How far the picture lags the data channel, estimated from the receiver's own statistics when
 * frames carry no capture stamps: jitter-buffer wait + decode time + about one frame until it
 * is painted. Uses the change since the previous sample, so it follows the connection as it is now.
 */
interface Totals {
  jitterBufferDelay: number;
  jitterBufferEmittedCount: number;
  totalDecodeTime: number;
  framesDecoded: number;
}

/** Before any statistics: a typical WebRTC receive delay (jitter buffer + decode + one frame). */
const DEFAULT_DELAY_MS = 120;
const ONE_FRAME_MS = 33;

export class VideoDelayEstimate {
  private prev: Totals | null = null;
  private estimate = DEFAULT_DELAY_MS;

  get ms(): number {
    return this.estimate;
  }

  reset(): void {
    this.prev = null;
  }

  async sample(pc: RTCPeerConnection | null): Promise<void> {
    if (!pc) return this.reset();
    let report: RTCStatsReport;
    try {
      report = await pc.getStats();
    } catch {
      return;
    }
    let inbound: (Partial<Totals> & { kind?: string; framesPerSecond?: number }) | undefined;
    report.forEach((s: { type: string; kind?: string }) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') inbound = s as typeof inbound;
    });
    if (!inbound || inbound.jitterBufferDelay === undefined || inbound.jitterBufferEmittedCount === undefined) return;
    const now: Totals = {
      jitterBufferDelay: inbound.jitterBufferDelay,
      jitterBufferEmittedCount: inbound.jitterBufferEmittedCount,
      totalDecodeTime: inbound.totalDecodeTime ?? 0,
      framesDecoded: inbound.framesDecoded ?? 0,
    };
    const prev = this.prev ?? { jitterBufferDelay: 0, jitterBufferEmittedCount: 0, totalDecodeTime: 0, framesDecoded: 0 };
    this.prev = now;
    const emitted = now.jitterBufferEmittedCount - prev.jitterBufferEmittedCount;
    if (emitted <= 0) return; // nothing new (stalled): keep the last estimate
    const decoded = now.framesDecoded - prev.framesDecoded;
    const buffer = ((now.jitterBufferDelay - prev.jitterBufferDelay) / emitted) * 1000;
    const decode = decoded > 0 ? ((now.totalDecodeTime - prev.totalDecodeTime) / decoded) * 1000 : 0;
    const frame = inbound.framesPerSecond ? 1000 / inbound.framesPerSecond : ONE_FRAME_MS;
    const next = buffer + decode + Math.min(frame, 100);
    if (Number.isFinite(next) && next >= 0) this.estimate = next;
  }
}
