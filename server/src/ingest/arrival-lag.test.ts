import { describe, expect, it } from 'vitest';
import { ArrivalLag, MAX_LAG_MS } from './arrival-lag.js';

/** 30 fps frames: RTP timestamps 3000 apart (90 kHz), starting near the wrap to cover it. */
const TS0 = 2 ** 32 - 6000;
const ts = (frame: number) => (TS0 + frame * 3000) >>> 0;

describe('ArrivalLag', () => {
  it('is 0 while frames arrive as steadily as they were encoded, across the 32-bit wrap', () => {
    const lag = new ArrivalLag();
    for (let f = 0; f < 90; f++) lag.observe(ts(f), 10_000 + (f * 100) / 3);
    expect(lag.lagMs).toBe(0);
  });

  it('measures how far the latest frame is behind the best of the window, and ignores later packets of a frame', () => {
    const lag = new ArrivalLag();
    for (let f = 0; f < 60; f++) lag.observe(ts(f), 10_000 + (f * 100) / 3);
    // The encoder falls 120 ms behind.
    lag.observe(ts(60), 10_000 + 2000 + 120);
    lag.observe(ts(60), 10_000 + 2000 + 400); // a later packet of the same frame
    expect(lag.lagMs).toBeCloseTo(120, 5);
    // It catches up.
    lag.observe(ts(61), 10_000 + (61 * 100) / 3);
    expect(lag.lagMs).toBeCloseTo(0, 5);
  });

  it('forgets a better past after the window, and treats a stall or a restarted clock as no lag', () => {
    const lag = new ArrivalLag();
    lag.observe(ts(0), 0);
    // A lasting new path, 200 ms slower, from 1 s on: after 10 s it is the baseline.
    for (let f = 30; f < 30 * 13; f++) lag.observe(ts(f), (f * 100) / 3 + 200);
    expect(lag.lagMs).toBe(0);
    lag.observe(ts(30 * 13), (30 * 13 * 100) / 3 + 200 + MAX_LAG_MS + 500);
    expect(lag.lagMs).toBe(0);
    lag.observe(5, 99_000); // the clock went back: a new encoder
    expect(lag.lagMs).toBe(0);
  });
});
