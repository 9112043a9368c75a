import type { ObsStreamHealth } from '../../common/obs.js';

export interface StreamStatusSample {
  outputActive: boolean;
  outputReconnecting: boolean;
  outputBytes: number;
  outputCongestion: number;
  outputSkippedFrames: number;
  outputTotalFrames: number;
  outputDuration: number;
}
export interface StatsSample {
  renderSkippedFrames: number;
  renderTotalFrames: number;
}

/**
 * One stream-health reading from GetStreamStatus and GetStats. OBS reports bytes sent so far, not a
 * rate, so the bitrate is the change in outputBytes over the time between two readings; a restart
 * of the output (bytes going down) or a stopped output gives no bitrate rather than a wrong one.
 */
export function streamHealthSample(prev: { bytes: number; at: number } | null, s: StreamStatusSample, stats: StatsSample, at: number): ObsStreamHealth {
  let bitrateKbps: number | null = null;
  if (s.outputActive && prev && at > prev.at && s.outputBytes >= prev.bytes) bitrateKbps = Math.round(((s.outputBytes - prev.bytes) * 8) / (at - prev.at));
  return {
    active: s.outputActive,
    reconnecting: s.outputReconnecting,
    bitrateKbps,
    congestion: Math.min(1, Math.max(0, s.outputCongestion)),
    skippedFrames: s.outputSkippedFrames,
    totalFrames: s.outputTotalFrames,
    renderSkippedFrames: stats.renderSkippedFrames,
    renderTotalFrames: stats.renderTotalFrames,
    durationMs: s.outputDuration,
    at,
  };
}
