/**
 * The standard path (RTCRtpScriptTransform): stamps the studio's video frames in this worker, off
 * the page's main thread. See ./frame-stamper.ts for when it is used.
 */
import { stampingTransform } from './stamp-transform.js';

interface TransformerLike {
  readable: ReadableStream<RTCEncodedVideoFrame>;
  writable: WritableStream<RTCEncodedVideoFrame>;
}
const scope = self as unknown as { onrtctransform: ((ev: Event & { transformer: TransformerLike }) => void) | null };

scope.onrtctransform = (ev) => {
  const { readable, writable } = ev.transformer;
  // The streams end when the connection closes; nothing to report then.
  void readable.pipeThrough(stampingTransform() as unknown as TransformStream<RTCEncodedVideoFrame, RTCEncodedVideoFrame>).pipeTo(writable).catch(() => undefined);
};
