/** Stream health from two getStats() snapshots of the publisher. Pure, so it is tested without a browser. */

export interface PublisherSample {
  /** ms, from the stats report's timestamp */
  timestamp: number;
  bytesSent: number;
  framesEncoded: number;
  packetsSent: number;
  /** seconds, from remote-inbound-rtp; null until the receiver has reported */
  roundTripTime: number | null;
  packetsLost: number | null;
  frameWidth: number | null;
  frameHeight: number | null;
}

export interface StreamHealth {
  bitrateKbps: number;
  fps: number;
  rttMs: number | null;
  lossPct: number | null;
  resolution: string | null;
  grade: 'good' | 'fair' | 'poor';
}

export function computeHealth(prev: PublisherSample, cur: PublisherSample): StreamHealth {
  const seconds = Math.max(0.001, (cur.timestamp - prev.timestamp) / 1000);
  const bitrateKbps = Math.max(0, Math.round(((cur.bytesSent - prev.bytesSent) * 8) / seconds / 1000));
  const fps = Math.max(0, Math.round(((cur.framesEncoded - prev.framesEncoded) / seconds) * 10) / 10);
  const rttMs = cur.roundTripTime === null ? null : Math.round(cur.roundTripTime * 1000);
  let lossPct: number | null = null;
  if (cur.packetsLost !== null && prev.packetsLost !== null) {
    const sent = cur.packetsSent - prev.packetsSent;
    const lost = Math.max(0, cur.packetsLost - prev.packetsLost);
    lossPct = sent + lost > 0 ? Math.round((lost / (sent + lost)) * 1000) / 10 : 0;
  }
  const resolution = cur.frameWidth && cur.frameHeight ? `${cur.frameWidth}×${cur.frameHeight}` : null;
  return { bitrateKbps, fps, rttMs, lossPct, resolution, grade: grade(fps, rttMs, lossPct) };
}

function grade(fps: number, rttMs: number | null, lossPct: number | null): StreamHealth['grade'] {
  if (fps < 10 || (lossPct ?? 0) > 5 || (rttMs ?? 0) > 400) return 'poor';
  if (fps < 20 || (lossPct ?? 0) > 1 || (rttMs ?? 0) > 200) return 'fair';
  return 'good';
}
