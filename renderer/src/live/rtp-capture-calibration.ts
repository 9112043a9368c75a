/**
 * Which capture time a stamped frame carries. Chromium 156's encoded-frame metadata carries no capture timestamp
 * (no `captureTime`; checked here: only rtpTimestamp, frameId, size, ssrc, …). "Now" at the
 * transform is the capture time plus the encode delay, and that delay jitters: measured here at
 * 720p VP8 on 2 cores, `now − rtp/90` spreads p50 2.8 ms, p90 5.7 ms, p99 12 ms, max 24 ms above
 * its minimum (a key frame, a busy CPU). The RTP timestamp, though, is Chromium's capture time
 * (ms × 90 + a random per-stream offset), so we calibrate:
 *   offset = min over recent frames of (nowMs − rtpTimestamp / 90)   (unwrapped 32-bit, per stream)
 *   captureMs(frame) = rtpTimestamp / 90 + offset
 * which keeps the capture instants' exact spacing and removes the jitter; what is left is a
 * constant bias equal to the smallest encode delay (a few ms at most), well below a frame.
 * The minimum is taken over the last CALIBRATION_WINDOW_MS of frames (below); a new RTCPeerConnection (reconnect)
 * gets a new random RTP offset and so a new calibration. A frame without rtpTimestamp falls back to now.
 */

/**
 * How far back the calibration's minimum looks (media time). The pipeline's smallest delay is not
 * constant: measured here (Chromium 156, 720p canvas, 2 cores) the first frames of a stream reach
 * the transform 10–25 ms sooner than any later frame (the encoder and its queues are still empty),
 * so an all-time minimum set by them made every later stamp 14–27 ms too early and cues showed a
 * frame late. A minimum over the last few seconds forgets them, and follows a CPU that gets busier.
 */
export const CALIBRATION_WINDOW_MS = 3000;

/** Maps a stream's RTP timestamps (90 kHz) to the capture clock, as described above. */
export class RtpCaptureCalibration {
  /** (media ms, now − media ms) of recent frames, increasing in both: the front is the window's minimum. */
  private readonly window: { mediaMs: number; delta: number }[] = [];
  private last: number | null = null;
  private wraps = 0;

  captureMsOf(rtpTimestamp: number | undefined, nowMs: number): number {
    if (rtpTimestamp === undefined) return nowMs;
    if (this.last !== null && rtpTimestamp < this.last && this.last - rtpTimestamp > 2 ** 31) this.wraps++;
    else if (this.last !== null && rtpTimestamp > this.last && rtpTimestamp - this.last > 2 ** 31) return nowMs; // a late frame from before a wrap
    this.last = rtpTimestamp;
    const mediaMs = (this.wraps * 2 ** 32 + rtpTimestamp) / 90;
    const delta = nowMs - mediaMs;
    const w = this.window;
    while (w.length > 0 && w[w.length - 1]!.delta >= delta) w.pop();
    w.push({ mediaMs, delta });
    while (w[0]!.mediaMs < mediaMs - CALIBRATION_WINDOW_MS) w.shift();
    return mediaMs + w[0]!.delta;
  }
}
