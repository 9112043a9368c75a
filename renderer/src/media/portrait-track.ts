import { centreCrop, PORTRAIT_ASPECT } from './crop.js';

/** Chromium's raw-media streams (not in TypeScript's DOM library yet). */
declare class MediaStreamTrackProcessor {
  constructor(init: { track: MediaStreamTrack });
  readonly readable: ReadableStream<VideoFrame>;
}
declare class MediaStreamTrackGenerator extends MediaStreamTrack {
  constructor(init: { kind: 'video' });
  readonly writable: WritableStream<VideoFrame>;
}

export interface FramedTrack {
  readonly track: MediaStreamTrack;
  /** Stops the cropped track and the pipe (not the source: the caller owns it). */
  stop(): void;
}

/** True where the browser can crop frames on the way (Chromium, Electron). */
export function canCropTracks(): boolean {
  return typeof globalThis.VideoFrame === 'function' && 'MediaStreamTrackProcessor' in globalThis && 'MediaStreamTrackGenerator' in globalThis;
}

/**
 * A 9:16 centre crop of a camera or screen track, made in the capture pipeline: each VideoFrame is
 * re-wrapped with a smaller visibleRect (no pixel copy), keeping its timestamp, so the encoder,
 * the RTP timestamps and the frame stamps (../live/rtp-capture-calibration.ts) see the capture instants as
 * before. The preview and the publisher both use the returned track.
 */
export function cropToPortrait(source: MediaStreamTrack): FramedTrack {
  const processor = new MediaStreamTrackProcessor({ track: source });
  const generator = new MediaStreamTrackGenerator({ kind: 'video' });
  const abort = new AbortController();
  const crop = new TransformStream<VideoFrame, VideoFrame>({
    transform(frame, out) {
      try {
        const v = frame.visibleRect;
        const vx = v?.x ?? 0;
        const vy = v?.y ?? 0;
        const r = centreCrop(v?.width ?? frame.codedWidth, v?.height ?? frame.codedHeight, PORTRAIT_ASPECT);
        // Frame offsets of the source's own visible area stay even, so 4:2:0 frames can be cut here.
        out.enqueue(new VideoFrame(frame, { visibleRect: { x: vx + r.x, y: vy + r.y, width: r.width, height: r.height }, displayWidth: r.width, displayHeight: r.height }));
      } catch {
        // A frame that cannot be cut is dropped, not sent uncropped (the shape would jump).
      } finally {
        frame.close();
      }
    },
  });
  void processor.readable
    .pipeThrough(crop, { signal: abort.signal })
    .pipeTo(generator.writable, { signal: abort.signal })
    .catch(() => undefined);
  generator.contentHint = source.contentHint;
  return {
    track: generator,
    stop() {
      abort.abort();
      generator.stop();
    },
  };
}
