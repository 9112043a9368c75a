import type { QualitySpec } from '../../../common/quality.js';

/** Puts `mime` first in the transceiver's codec list (VP8 / Opus: what every viewer decodes). */
export function preferCodec(t: RTCRtpTransceiver, kind: 'video' | 'audio', mime: string): void {
  for (const caps of [RTCRtpSender.getCapabilities(kind), RTCRtpReceiver.getCapabilities(kind)]) {
    if (!caps) continue;
    const first = caps.codecs.filter((c) => c.mimeType.toLowerCase() === mime);
    if (!first.length) continue;
    try {
      t.setCodecPreferences([...first, ...caps.codecs.filter((c) => c.mimeType.toLowerCase() !== mime)]);
      return;
    } catch {
      // Older engines accept only receiver capabilities here; try those next.
    }
  }
}

/** Resolves when candidates are gathered (non-trickle WHIP), or after `capMs` with what we have. */
export function gatheringComplete(pc: RTCPeerConnection, capMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, capMs);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

/** Caps the video encoder at the preset's bitrate and frame rate. */
export async function applyEncoding(pc: RTCPeerConnection, q: QualitySpec): Promise<void> {
  for (const sender of pc.getSenders()) {
    if (sender.track?.kind !== 'video') continue;
    const params = sender.getParameters();
    if (!params.encodings?.length) params.encodings = [{}];
    params.encodings[0]!.maxBitrate = q.maxBitrate;
    params.encodings[0]!.maxFramerate = q.fps;
    await sender.setParameters(params).catch(() => undefined);
  }
}
