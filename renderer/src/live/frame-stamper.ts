import { followEncodeDelay } from './encode-delay.js';
import { stampingTransform } from './stamp-transform.js';

/**
 * Stamps every encoded video frame with its capture time (common/frame-stamp.ts; which time:
 * ./rtp-capture-calibration.ts), so viewers can show a cue on the frame that was being captured
 * when the host fired it. Audio passes unchanged. Two ways, by what the engine offers:
 *
 * - `script-transform`: the standard `RTCRtpScriptTransform`, the work done in a worker
 *   (./stamp-sender-worker.ts), off the page's main thread.
 * - `encoded-streams`: Chromium's `createEncodedStreams()` on the page. The RTCPeerConnection is
 *   created with `{ encodedInsertableStreams: true }` and then EVERY sender must be piped (a sender
 *   left unpiped sends nothing).
 *
 * Where both exist the worker is used: measured on 2 cores (docs/benchmarks.md, glass-to-glass),
 * stamping in a worker at both ends adds nothing to raw Janus, while the main-thread path added
 * 30 ms at the median (1.6×).
 */
export type StampPath = 'script-transform' | 'encoded-streams' | 'none';

interface EncodedStreams {
  readable: ReadableStream<RTCEncodedVideoFrame | RTCEncodedAudioFrame>;
  writable: WritableStream<RTCEncodedVideoFrame | RTCEncodedAudioFrame>;
}
type SenderWithStreams = RTCRtpSender & { createEncodedStreams?: () => EncodedStreams };

let forced: StampPath | null = null;
let makeWorker = (): Worker => new Worker(new URL('./stamp-sender-worker.ts', import.meta.url), { type: 'module' });
let worker: Worker | null = null;
/** The encode delay the page-side transform takes off its stamps (./encode-delay.ts). */
let pageEncodeDelayMs = 0;

/** The path this engine uses (the benchmark can force one with `forceStampPath`). */
export function stampPath(): StampPath {
  if (forced) return forced;
  if (typeof RTCRtpSender === 'undefined') return 'none';
  if (typeof RTCRtpScriptTransform !== 'undefined' && typeof Worker !== 'undefined') return 'script-transform';
  if ('createEncodedStreams' in RTCRtpSender.prototype) return 'encoded-streams';
  return 'none';
}

/** For benchmarks that compare the paths, and bundles that load the worker their own way. */
export function forceStampPath(path: StampPath | null, workerFactory?: () => Worker): void {
  forced = path;
  if (workerFactory) makeWorker = workerFactory;
}

/** Whether this engine can stamp frames. Elsewhere the studio publishes unstamped. */
export function canStampFrames(): boolean {
  return stampPath() !== 'none';
}

/** A peer connection that lets us transform encoded frames on the page, when that is the path. */
export function createStampingPeerConnection(): RTCPeerConnection {
  // `encodedInsertableStreams` is Chromium's constructor option; it is not in TypeScript's DOM types.
  return stampPath() === 'encoded-streams' ? new RTCPeerConnection({ encodedInsertableStreams: true } as RTCConfiguration) : new RTCPeerConnection();
}

/** Pipes a sender of a stamping peer connection: video frames get a stamp, audio goes through unchanged. */
export function pipeSender(sender: RTCRtpSender, kind: 'video' | 'audio'): void {
  const path = stampPath();
  if (path === 'script-transform') {
    if (kind !== 'video') return;
    // One worker for every connection of the page: a reconnect adds a transform, not a thread.
    const w = (worker ??= makeWorker());
    sender.transform = new RTCRtpScriptTransform(w, { side: 'sender' });
    followEncodeDelay(sender, (encodeDelayMs) => w.postMessage({ encodeDelayMs }));
    return;
  }
  const make = (sender as SenderWithStreams).createEncodedStreams;
  if (path !== 'encoded-streams' || !make) return;
  const { readable, writable } = make.call(sender);
  if (kind === 'video') followEncodeDelay(sender, (ms) => (pageEncodeDelayMs = ms));
  // The streams end when the connection closes; nothing to report then.
  const piped = kind === 'video' ? readable.pipeThrough(stampingTransform(() => pageEncodeDelayMs)) : readable;
  void piped.pipeTo(writable).catch(() => undefined);
}
