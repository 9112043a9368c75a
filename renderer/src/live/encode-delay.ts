/**
 * How long the encoder holds a frame, to take it off the frames' capture stamps.
 *
 * A stamp is the RTP capture time calibrated by the smallest delay from capture to the stamping
 * transform (./rtp-capture-calibration.ts), so every stamp is late by that delay: mostly one
 * frame's encode time (about 5 ms for 720p VP8 on 2 cores). Viewers put a cue on the frame whose
 * stamp is nearest the keypress, so a stamp 5 ms late moves the boundary between two frames by
 * 5 ms: measured with bench:cue-sync, 13 % of cues (5 ms of every 33) showed one frame early.
 * The sender's statistics give the encoder's time per frame (`totalEncodeTime / framesEncoded`);
 * the smallest mean over the last few intervals estimates the smallest delay, which is what the
 * calibration's minimum holds (a busy second raises a mean, never the minimum frame).
 */

/** Intervals remembered: with FOLLOW_MS, the calibration's window (3 s). */
const INTERVALS = 3;
/** An interval with fewer frames says too little (a paused or starting stream). */
const MIN_FRAMES = 5;
/** Never taken off a stamp: more than this is not an encode time but a stalled encoder. */
export const MAX_ENCODE_DELAY_MS = 30;
export const FOLLOW_MS = 1000;

export class EncodeDelay {
  private last: { seconds: number; frames: number } | null = null;
  private readonly means: number[] = [];

  /** The encode delay to take off the stamps now, ms (0 until known). */
  get ms(): number {
    return this.means.length ? Math.min(...this.means) : 0;
  }

  /** Reads one sample of the sender's counters (`totalEncodeTime` in seconds, `framesEncoded`); returns `ms`. */
  observe(totalEncodeTime: number, framesEncoded: number): number {
    if (!Number.isFinite(totalEncodeTime) || !Number.isFinite(framesEncoded)) return this.ms;
    const prev = this.last;
    this.last = { seconds: totalEncodeTime, frames: framesEncoded };
    if (!prev) return this.ms;
    const frames = framesEncoded - prev.frames;
    const seconds = totalEncodeTime - prev.seconds;
    // Counters that went back belong to a new encoder (a reconnect): start over from this sample.
    if (frames < 0 || seconds < 0) {
      this.means.length = 0;
      return this.ms;
    }
    if (frames < MIN_FRAMES) return this.ms;
    this.means.push(Math.min(MAX_ENCODE_DELAY_MS, Math.round(((seconds * 1000) / frames) * 10) / 10));
    if (this.means.length > INTERVALS) this.means.shift();
    return this.ms;
  }
}

/** Polls without a video sender's statistics before the follower stops (a connection that never came up). */
const GIVE_UP_POLLS = 60;

/**
 * Follows a video sender's encode time every FOLLOW_MS and reports each new estimate. Stops by
 * itself when the sender's connection is closed or its statistics are gone.
 */
export function followEncodeDelay(sender: RTCRtpSender, report: (ms: number) => void): () => void {
  const delay = new EncodeDelay();
  let reported = -1;
  let seen = false;
  let empty = 0;
  const stop = () => clearInterval(timer);
  const timer = setInterval(() => {
    if (sender.transport?.state === 'closed') return stop();
    sender.getStats().then((stats) => {
      for (const s of stats.values()) {
        if (s.type !== 'outbound-rtp' || s.kind !== 'video') continue;
        seen = true;
        empty = 0;
        const ms = delay.observe(Number(s.totalEncodeTime), Number(s.framesEncoded));
        if (ms !== reported) report((reported = ms));
        return;
      }
      // Had statistics and lost them (the connection closed), or never had any for a minute.
      if (seen || ++empty >= GIVE_UP_POLLS) stop();
    }, stop);
  }, FOLLOW_MS);
  return stop;
}
