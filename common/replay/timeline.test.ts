import { describe, expect, it } from 'vitest';
import { ReplayTimeline, replaySecAtCapture, replaySecAtWall } from './timeline.js';

// Two parts: 10 s from wall 1_000_000, then (after a 5 s reconnect gap) 4 s; 30 fps stamped frames.
function frames(startSec: number, captureStart: number, n: number): [number, number][] {
  return Array.from({ length: n }, (_, i) => [startSec + i / 30, captureStart + (i * 1000) / 30]);
}
const timeline = ReplayTimeline.parse({
  version: 1,
  durationSec: 14,
  parts: [
    { startSec: 0, durationSec: 10, wallStartMs: 1_000_000, frames: frames(0, 50_000, 300) },
    { startSec: 10, durationSec: 4, wallStartMs: 1_015_000, frames: frames(10, 65_000, 120) },
  ],
});

describe('replay timeline', () => {
  it('maps wall-clock instants into parts and leaves gaps and the time before recording unmapped', () => {
    expect(replaySecAtWall(timeline, 1_002_500)).toBeCloseTo(2.5);
    expect(replaySecAtWall(timeline, 1_016_000)).toBeCloseTo(11);
    expect(replaySecAtWall(timeline, 1_012_000)).toBeNull();
    expect(replaySecAtWall(timeline, 999_000)).toBeNull();
  });

  it('finds the frame captured nearest a cue, as a live viewer saw it, in either part', () => {
    expect(replaySecAtCapture(timeline, 50_000 + 1000)).toBeCloseTo(1);
    // Between two frames (1000 and 1033.3 ms): the nearer one; halfway goes to the earlier, as live.
    expect(replaySecAtCapture(timeline, 50_000 + 1010)).toBeCloseTo(1);
    expect(replaySecAtCapture(timeline, 50_000 + 1020)).toBeCloseTo(31 / 30);
    expect(replaySecAtCapture(timeline, 50_000 + 1000 + 1000 / 60)).toBeCloseTo(1);
    expect(replaySecAtCapture(timeline, 65_000 + 2000)).toBeCloseTo(12);
    expect(replaySecAtCapture(timeline, 62_000)).toBeNull();
    expect(replaySecAtCapture(timeline, 49_990)).toBe(0);
  });

  it('refuses a malformed timeline', () => {
    expect(ReplayTimeline.safeParse({ version: 1, durationSec: -1, parts: [] }).success).toBe(false);
    expect(ReplayTimeline.safeParse({ version: 2, durationSec: 1, parts: [] }).success).toBe(false);
    expect(ReplayTimeline.safeParse({ version: 1, durationSec: 1, parts: [{ startSec: 0, durationSec: 1, wallStartMs: Number.NaN, frames: [] }] }).success).toBe(false);
  });
});
