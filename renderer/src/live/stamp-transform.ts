import { appendStamp } from '../../../common/frame-stamp.js';
import { captureClockMs } from './capture-clock.js';
import { RtpCaptureCalibration } from './rtp-capture-calibration.js';

type EncodedFrame = RTCEncodedVideoFrame | RTCEncodedAudioFrame;

/**
 * The transform every stamped video frame passes through, on the page or in a worker: appends the
 * frame's capture time (./rtp-capture-calibration.ts, less the encoder's time per frame,
 * ./encode-delay.ts) as the trailer of common/frame-stamp.ts.
 * One per stream: a new connection has a new RTP offset and so needs a new calibration.
 */
export function stampingTransform(encodeDelayMs: () => number, clock: () => number = captureClockMs): TransformStream<EncodedFrame, EncodedFrame> {
  const calibration = new RtpCaptureCalibration();
  return new TransformStream<EncodedFrame, EncodedFrame>({
    transform(frame, controller) {
      const now = clock();
      const rtp = (frame as RTCEncodedVideoFrame).getMetadata().rtpTimestamp;
      frame.data = appendStamp(frame.data, calibration.captureMsOf(rtp, now) - encodeDelayMs());
      controller.enqueue(frame);
    },
  });
}
