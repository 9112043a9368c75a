/**
 * The standard path (RTCRtpScriptTransform): stamps the studio's video frames in this worker, off
 * the page's main thread. See ./frame-stamper.ts for when it is used.
 */
import { MAX_ENCODE_DELAY_MS } from './encode-delay.js';
import { stampingTransform } from './stamp-transform.js';

interface TransformerLike {
  readable: ReadableStream<RTCEncodedVideoFrame>;
  writable: WritableStream<RTCEncodedVideoFrame>;
}
const scope = self as unknown as {
  onrtctransform: ((ev: Event & { transformer: TransformerLike }) => void) | null;
  onmessage: ((ev: MessageEvent<unknown>) => void) | null;
};

/** The encoder's time per frame, from the page (./frame-stamper.ts): one video sender at a time. */
let encodeDelayMs = 0;
scope.onmessage = (ev) => {
  const ms = (ev.data as { encodeDelayMs?: unknown } | null)?.encodeDelayMs;
  if (typeof ms === 'number' && ms >= 0 && ms <= MAX_ENCODE_DELAY_MS) encodeDelayMs = ms;
};

scope.onrtctransform = (ev) => {
  const { readable, writable } = ev.transformer;
  // The streams end when the connection closes; nothing to report then.
  void readable.pipeThrough(stampingTransform(() => encodeDelayMs) as unknown as TransformStream<RTCEncodedVideoFrame, RTCEncodedVideoFrame>).pipeTo(writable).catch(() => undefined);
};
