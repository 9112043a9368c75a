/**
 * The studio's capture clock, in ms since the epoch at millisecond-and-better resolution:
 * `performance.timeOrigin + performance.now()`. It is monotonic within the page and is the one
 * clock both sides of a frame-accurate cue use: the frame stamper writes each video frame's
 * capture time in it (./frame-stamper.ts), and the live view stamps `cues.fire` with it at the
 * keypress. Never mix it with Date.now() (which can step when the OS adjusts the wall clock).
 */
export function captureClockMs(): number {
  return performance.timeOrigin + performance.now();
}
