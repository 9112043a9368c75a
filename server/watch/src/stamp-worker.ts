/**
 * The standard path (RTCRtpScriptTransform): strips the studio's capture stamp from each
 * encoded video frame inside this worker and tells the page rtpTimestamp → captureMs.
 * Chromium has it too and uses it (frame-clock.ts); createEncodedStreams() on the page is the fallback.
 */
import { readStamp } from '../../../common/frame-stamp.js';

interface TransformerLike {
  readable: ReadableStream<RTCEncodedVideoFrame>;
  writable: WritableStream<RTCEncodedVideoFrame>;
}
interface WorkerScope {
  onrtctransform: ((ev: Event & { transformer: TransformerLike }) => void) | null;
  postMessage(message: { rtp: number; captureMs: number }): void;
}

const scope = self as unknown as WorkerScope;

scope.onrtctransform = (ev) => {
  const { readable, writable } = ev.transformer;
  readable
    .pipeThrough(
      new TransformStream<RTCEncodedVideoFrame, RTCEncodedVideoFrame>({
        transform(frame, controller) {
          const stamp = readStamp(frame.data);
          if (stamp) {
            frame.data = stamp.payload;
            scope.postMessage({ rtp: frame.getMetadata().rtpTimestamp ?? frame.timestamp, captureMs: stamp.captureMs });
          }
          controller.enqueue(frame);
        },
      }),
    )
    .pipeTo(writable)
    .catch(() => undefined);
};
