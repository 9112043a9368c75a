/**
 * How much later than usual the ingest's video arrives now. Each frame's arrival at the relay minus
 * its media time (the encoder's clock, carried in the RTP timestamp) is a constant (the clocks'
 * offset plus the path's least delay) plus what varies: the encoder or the uplink falling behind.
 * A stampless cue must wait that varying part on top of what each viewer measures on its side;
 * the viewer cannot see it (docs/obs-mode.md). The least value is kept over a sliding window, so
 * a lasting change of path (a new route) becomes the new baseline after WINDOW_S.
 */
const RTP_CLOCK_PER_MS = 90;
const WINDOW_S = 10;
/** Beyond this the encoder is stalling, not lagging: cues are not held for it (the stall path takes over). */
export const MAX_LAG_MS = 1500;

export class ArrivalLag {
  private lastTs: number | null = null;
  private mediaMs = 0;
  private latest: number | null = null;
  /** Least (arrival − media time) of each whole second of arrival, newest last. */
  private buckets: { second: number; least: number }[] = [];

  /** A video packet: its RTP timestamp and the relay's clock (ms) when it arrived. */
  observe(rtpTs: number, arrivalMs: number): void {
    if (this.lastTs !== null && rtpTs === this.lastTs) return; // the same frame's later packets
    if (this.lastTs !== null) {
      const step = (rtpTs - this.lastTs) >>> 0;
      // A step back (never with B-frames refused) or a jump past 2^31 is a restarted clock: start over.
      if (step > 2 ** 31) return this.restart(rtpTs, arrivalMs);
      this.mediaMs += step / RTP_CLOCK_PER_MS;
    }
    this.lastTs = rtpTs;
    const d = arrivalMs - this.mediaMs;
    this.latest = d;
    const second = Math.floor(arrivalMs / 1000);
    const last = this.buckets.at(-1);
    if (last?.second === second) last.least = Math.min(last.least, d);
    else this.buckets.push({ second, least: d });
    while (this.buckets.length && this.buckets[0]!.second <= second - WINDOW_S) this.buckets.shift();
  }

  /** How much later than the window's best the latest frame arrived (ms, 0 when unknown). */
  get lagMs(): number {
    if (this.latest === null || !this.buckets.length) return 0;
    const least = Math.min(...this.buckets.map((b) => b.least));
    const lag = this.latest - least;
    return lag > 0 && lag <= MAX_LAG_MS ? lag : 0;
  }

  private restart(rtpTs: number, arrivalMs: number): void {
    this.lastTs = null;
    this.mediaMs = 0;
    this.latest = null;
    this.buckets = [];
    this.observe(rtpTs, arrivalMs);
  }
}
