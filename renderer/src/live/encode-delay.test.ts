import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EncodeDelay, FOLLOW_MS, followEncodeDelay, MAX_ENCODE_DELAY_MS } from './encode-delay.js';

describe('EncodeDelay', () => {
  it('is 0 until two samples of the counters give a mean', () => {
    const d = new EncodeDelay();
    expect(d.ms).toBe(0);
    expect(d.observe(1.2, 240)).toBe(0);
  });

  it('takes the smallest of the last three interval means, so a busy second does not raise it', () => {
    const d = new EncodeDelay();
    d.observe(0, 0);
    // 30 frames a second: 5 ms each, then a busy second at 12 ms each, then 6 ms.
    expect(d.observe(0.15, 30)).toBeCloseTo(5, 6);
    expect(d.observe(0.15 + 0.36, 60)).toBeCloseTo(5, 6);
    expect(d.observe(0.51 + 0.18, 90)).toBeCloseTo(5, 6);
    // The 5 ms interval leaves the window: the smallest left is 6.
    expect(d.observe(0.69 + 0.24, 120)).toBeCloseTo(6, 6);
  });

  it('ignores intervals with too few frames, and counters that are not numbers', () => {
    const d = new EncodeDelay();
    d.observe(0, 0);
    expect(d.observe(0.004, 2)).toBe(0);
    expect(d.observe(Number.NaN, 40)).toBe(0);
    expect(d.observe(0.004 + 0.16, 42)).toBeCloseTo(4, 6);
  });

  it('starts over when the counters go back (a new encoder after a reconnect)', () => {
    const d = new EncodeDelay();
    d.observe(10, 3000);
    expect(d.observe(10.1, 3020)).toBeCloseTo(5, 6);
    expect(d.observe(0.05, 10)).toBe(0);
    expect(d.observe(0.05 + 0.24, 40)).toBeCloseTo(8, 6);
  });

  it('never takes off more than a stalled encoder could justify', () => {
    const d = new EncodeDelay();
    d.observe(0, 0);
    expect(d.observe(30, 10)).toBe(MAX_ENCODE_DELAY_MS);
  });
});

describe('followEncodeDelay', () => {
  /** A sender whose statistics say `frames` frames encoded in `seconds`, as the test moves them. */
  function fakeSender() {
    const state = { frames: 0, seconds: 0, transport: 'connected' as string, stats: true };
    const sender = {
      get transport() {
        return { state: state.transport };
      },
      getStats: async () => new Map(state.stats ? [['o', { type: 'outbound-rtp', kind: 'video', framesEncoded: state.frames, totalEncodeTime: state.seconds }]] : []),
    } as unknown as RTCRtpSender;
    return { sender, state };
  }
  const tick = async () => {
    vi.advanceTimersByTime(FOLLOW_MS);
    await Promise.resolve();
    await Promise.resolve();
  };

  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reports each new estimate from the sender’s statistics, and stops when the connection closes', async () => {
    const { sender, state } = fakeSender();
    const reports: number[] = [];
    followEncodeDelay(sender, (ms) => reports.push(ms));
    await tick(); // first sample: nothing to compare yet
    expect(reports).toEqual([0]);
    state.frames = 30;
    state.seconds = 0.15;
    await tick();
    expect(reports).toEqual([0, 5]);
    state.frames = 60;
    state.seconds = 0.3;
    await tick(); // the same 5 ms: not reported again
    expect(reports).toEqual([0, 5]);
    state.transport = 'closed';
    state.frames = 90;
    state.seconds = 0.33;
    await tick();
    await tick();
    expect(reports).toEqual([0, 5]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops when the statistics it had are gone', async () => {
    const { sender, state } = fakeSender();
    followEncodeDelay(sender, () => undefined);
    await tick();
    state.stats = false;
    await tick();
    expect(vi.getTimerCount()).toBe(0);
  });
});
