import type { PublisherSample } from '../../../common/stream-health.js';

/** Reads the publisher's counters from one getStats() report (video outbound + remote reports). */
export async function readSample(pc: RTCPeerConnection): Promise<PublisherSample | null> {
  const report = await pc.getStats();
  let timestamp = 0;
  let bytesSent = 0;
  let packetsSent = 0;
  let framesEncoded = 0;
  let frameWidth: number | null = null;
  let frameHeight: number | null = null;
  let roundTripTime: number | null = null;
  let pairRtt: number | null = null;
  let packetsLost: number | null = null;
  let any = false;
  report.forEach((s: Record<string, unknown> & { type: string }) => {
    if (s.type === 'outbound-rtp') {
      any = true;
      timestamp = Math.max(timestamp, Number(s.timestamp ?? 0));
      bytesSent += Number(s.bytesSent ?? 0);
      packetsSent += Number(s.packetsSent ?? 0);
      if (s.kind === 'video') {
        framesEncoded += Number(s.framesEncoded ?? 0);
        if (typeof s.frameWidth === 'number') frameWidth = s.frameWidth;
        if (typeof s.frameHeight === 'number') frameHeight = s.frameHeight;
      }
    } else if (s.type === 'remote-inbound-rtp') {
      if (typeof s.packetsLost === 'number') packetsLost = (packetsLost ?? 0) + s.packetsLost;
      if (typeof s.roundTripTime === 'number' && (s.kind === 'video' || roundTripTime === null)) roundTripTime = s.roundTripTime;
    } else if (s.type === 'candidate-pair' && s.nominated && typeof s.currentRoundTripTime === 'number') {
      pairRtt = s.currentRoundTripTime;
    }
  });
  if (!any) return null;
  return { timestamp, bytesSent, packetsSent, framesEncoded, frameWidth, frameHeight, roundTripTime: roundTripTime ?? pairRtt, packetsLost };
}
