import { readStamp } from '../../../common/frame-stamp.js';

/** RTP timestamp → capture time of the frames received lately (a few seconds at 30 fps). */
const MAP_SIZE = 300;

type EncodedFrame = RTCEncodedVideoFrame | RTCEncodedAudioFrame;
interface EncodedStreams {
  readable: ReadableStream<EncodedFrame>;
  writable: WritableStream<EncodedFrame>;
}
/** Chromium's (non-standard) encoded streams, available when the connection was made with encodedInsertableStreams. */
type ChromiumReceiver = RTCRtpReceiver & { createEncodedStreams?: () => EncodedStreams };

export type TransformPath = 'encoded-streams' | 'script-transform' | 'none';

/**
 * Chromium's encoded streams first, the standard worker path where they are missing (Safari).
 * Measured on 2 cores (docs/benchmarks.md, glass-to-glass and cue-sync): stamps read in a worker
 * reach the page by message, and on a busy page those messages trail the frames they belong to, so
 * cues slipped by frames; reading them on the page costs little when the studio stamps in a worker.
 */
function pickPath(): TransformPath {
  if (typeof RTCRtpReceiver === 'undefined') return 'none';
  if ('createEncodedStreams' in RTCRtpReceiver.prototype) return 'encoded-streams';
  if (typeof RTCRtpScriptTransform !== 'undefined' && typeof Worker !== 'undefined') return 'script-transform';
  return 'none';
}

/**
 * Learns which studio capture instant each rendered frame shows.
 *
 * Receive side: every encoded video frame passes through a transform that strips the studio's
 * stamp (common/frame-stamp.ts) before decoding and records rtpTimestamp → captureMs.
 * Render side: requestVideoFrameCallback gives the rtpTimestamp of each frame put on screen,
 * which we look up and report through `onFrame` (null when the frame carried no stamp).
 */
export class FrameClock {
  readonly path: TransformPath = pickPath();
  private readonly captures = new Map<number, number>();
  private readonly attached = new WeakSet<RTCRtpReceiver>();
  private lastCapture: number | null = null;
  private lastStampedAt = -Infinity;
  private video: HTMLVideoElement | null = null;
  private handle: number | null = null;
  private worker: Worker | null = null;
  /** The frame on screen whose stamp the worker has not reported yet (its message can trail the render on a busy page). */
  private awaitedRtp: number | null = null;

  constructor(private readonly onFrame: (captureMs: number | null) => void) {}

  /** Options for the subscriber connection (Chromium buffers every receiver until it is piped). */
  get rtcConfig(): RTCConfiguration | undefined {
    return this.path === 'encoded-streams' ? ({ encodedInsertableStreams: true } as RTCConfiguration) : undefined;
  }

  /** Capture stamp of the last rendered frame, or null. */
  get lastFrameCaptureMs(): number | null {
    return this.lastCapture;
  }

  /** The capture stamp of the next frame received after the one stamped `captureMs`, or null (not received yet). */
  nextCaptureAfter(captureMs: number): number | null {
    let next: number | null = null;
    for (const c of this.captures.values()) if (c > captureMs && (next === null || c < next)) next = c;
    return next;
  }

  /** Has a stamped frame been rendered within `ms`? */
  stampedWithin(ms: number): boolean {
    return performance.now() - this.lastStampedAt <= ms;
  }

  /** Hooks a receiver of the subscriber connection in; call for every receiver (audio too), once each. */
  receive(receiver: RTCRtpReceiver): void {
    if (this.attached.has(receiver)) return;
    this.attached.add(receiver);
    const video = receiver.track.kind === 'video';
    if (this.path === 'encoded-streams') {
      let streams: EncodedStreams | undefined;
      try {
        streams = (receiver as ChromiumReceiver).createEncodedStreams?.();
      } catch {
        return; // already piped elsewhere
      }
      if (!streams) return;
      // Audio is passed through untouched; an unpiped receiver would stall.
      const piped = video ? streams.readable.pipeThrough(new TransformStream<EncodedFrame, EncodedFrame>({ transform: (f, c) => c.enqueue(this.strip(f)) })) : streams.readable;
      piped.pipeTo(streams.writable).catch(() => undefined); // ends when the connection closes
    } else if (this.path === 'script-transform' && video) {
      try {
        receiver.transform = new RTCRtpScriptTransform(this.startWorker(), { side: 'receiver' });
      } catch {
        /* no stamps on this browser: cues fall back to the delay estimate */
      }
    }
  }

  /** Follows the frames rendered by `video` (null: the element is gone). */
  attach(video: HTMLVideoElement | null): void {
    if (this.video === video) return;
    if (this.video && this.handle !== null) this.video.cancelVideoFrameCallback(this.handle);
    this.handle = null;
    this.video = video;
    if (video && 'requestVideoFrameCallback' in video) this.handle = video.requestVideoFrameCallback(this.rendered);
  }

  stop(): void {
    this.attach(null);
    this.worker?.terminate();
    this.worker = null;
  }

  private readonly rendered = (_now: number, meta: VideoFrameCallbackMetadata): void => {
    const video = this.video;
    if (!video) return;
    this.handle = video.requestVideoFrameCallback(this.rendered);
    const capture = meta.rtpTimestamp === undefined ? undefined : this.captures.get(meta.rtpTimestamp);
    this.awaitedRtp = capture === undefined && this.path === 'script-transform' ? (meta.rtpTimestamp ?? null) : null;
    if (capture === undefined) return this.onFrame(null);
    this.stamped(capture);
  };

  private stamped(capture: number): void {
    this.lastCapture = capture;
    this.lastStampedAt = performance.now();
    this.onFrame(capture);
  }

  private strip(frame: EncodedFrame): EncodedFrame {
    const stamp = readStamp(frame.data);
    if (!stamp) return frame;
    frame.data = stamp.payload; // before the decoder sees it
    this.record(frame.getMetadata().rtpTimestamp ?? frame.timestamp, stamp.captureMs);
    return frame;
  }

  private record(rtpTimestamp: number, captureMs: number): void {
    this.captures.delete(rtpTimestamp);
    this.captures.set(rtpTimestamp, captureMs);
    if (this.captures.size > MAP_SIZE) this.captures.delete(this.captures.keys().next().value!);
    if (rtpTimestamp === this.awaitedRtp) {
      // Still on screen (the next render would have replaced it): it counts now, a moment late rather than a frame.
      this.awaitedRtp = null;
      this.stamped(captureMs);
    }
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./stamp-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<{ rtp: number; captureMs: number }>) => this.record(ev.data.rtp, ev.data.captureMs);
    this.worker = worker;
    return worker;
  }
}
