import { describe, expect, it } from 'vitest';
import { streamHealthSample, type StreamStatusSample } from './stream-health-sample.js';

const status = (over: Partial<StreamStatusSample> = {}): StreamStatusSample => ({
  outputActive: true,
  outputReconnecting: false,
  outputBytes: 0,
  outputCongestion: 0,
  outputSkippedFrames: 0,
  outputTotalFrames: 0,
  outputDuration: 0,
  ...over,
});
const stats = { renderSkippedFrames: 2, renderTotalFrames: 600 };

describe('OBS stream health from GetStreamStatus', () => {
  it('bitrate is the change in outputBytes over the time between readings (kbit/s)', () => {
    // 312,500 bytes in 1 s = 2,500 kbit/s.
    expect(streamHealthSample({ bytes: 1_000_000, at: 10_000 }, status({ outputBytes: 1_312_500 }), stats, 11_000).bitrateKbps).toBe(2500);
  });

  it('no bitrate from a first reading, a stopped output, or bytes that went down (output restarted)', () => {
    expect(streamHealthSample(null, status({ outputBytes: 5000 }), stats, 1000).bitrateKbps).toBeNull();
    expect(streamHealthSample({ bytes: 0, at: 0 }, status({ outputActive: false, outputBytes: 5000 }), stats, 1000).bitrateKbps).toBeNull();
    expect(streamHealthSample({ bytes: 9000, at: 0 }, status({ outputBytes: 100 }), stats, 1000).bitrateKbps).toBeNull();
  });

  it('carries reconnecting, skipped and render-skipped frames, and clamps congestion to 0..1', () => {
    const h = streamHealthSample(null, status({ outputReconnecting: true, outputSkippedFrames: 7, outputTotalFrames: 900, outputCongestion: 1.7 }), stats, 5);
    expect(h).toMatchObject({ reconnecting: true, skippedFrames: 7, totalFrames: 900, renderSkippedFrames: 2, renderTotalFrames: 600, congestion: 1 });
  });
});
