import { z } from 'zod';
import { Id } from '../commerce/catalog.js';
import type { ErrorCode } from '../api/error-codes.js';
import { ReplayNumbers } from './replay-studio.js';
import type { ReplayTimeline } from './timeline.js';

/**
 * Clips cut from a show's replay (docs/clips.md): one per segment of the run-down, in two shapes,
 * with a thumbnail and a public page. Positions are seconds in the replay file (replay.webm).
 */

/** Naver Shopping Live's short-clip rule: a clip is 10 seconds to 2 minutes long. */
export const CLIP_MIN_SEC = 10;
export const CLIP_MAX_SEC = 120;

export const ClipShape = z.enum(['wide', 'vertical']);
export type ClipShape = z.infer<typeof ClipShape>;
/** Output sizes: 16:9 as the replay, and a 9:16 centre crop for phone feeds. */
export const CLIP_SIZE: Record<ClipShape, { width: number; height: number }> = {
  wide: { width: 1280, height: 720 },
  vertical: { width: 720, height: 1280 },
};

export const ClipStatus = z.enum(['queued', 'cutting', 'ready', 'failed']);
export type ClipStatus = z.infer<typeof ClipStatus>;

/** A segment's occurrence in the show: 1 = the first segment the host entered (a revisit is a new one). */
export const SegmentNo = z.number().int().min(1).max(10_000);

const ReplaySec = z.number().finite().min(0).max(24 * 3600);

export const Clip = z.object({
  id: z.string().regex(/^clp_[A-Za-z0-9_-]{8,40}$/),
  showId: z.string().min(1).max(100),
  segmentNo: SegmentNo,
  productId: Id.nullable(),
  inSec: ReplaySec,
  outSec: ReplaySec,
  status: ClipStatus,
  /** 0..1 while cutting (ffmpeg's out_time over the clip's length); 1 when ready. */
  progress: z.number().min(0).max(1),
  error: z.object({ code: z.string().max(40), message: z.string().max(500) }).nullable(),
  /**
   * What the clip did, with the replay's definitions (docs/clips.md, "Numbers"): devices that opened
   * its page, and standing orders placed through its Buy. Its sales are also part of the replay's.
   */
  numbers: ReplayNumbers,
  /** Public addresses on the relay (absolute URLs). */
  pageUrl: z.string().max(400),
  files: z.object({ wide: z.string().max(400), vertical: z.string().max(400), thumbnail: z.string().max(400) }),
  updatedAt: z.string().max(40),
});
export type Clip = z.infer<typeof Clip>;

export const ClipSegment = z.object({
  segmentNo: SegmentNo,
  segmentId: z.string().max(100),
  title: z.string().max(200),
  startedAt: z.string().max(40),
  /** Products pinned when the segment started or during it; the first is the clip's product. */
  productIds: z.array(Id).max(20),
  /** Where the segment is in the replay; null when nothing was recorded during it. */
  video: z.object({ inSec: ReplaySec, outSec: ReplaySec }).nullable(),
  clip: Clip.nullable(),
});
export type ClipSegment = z.infer<typeof ClipSegment>;

export const ShowClips = z.object({
  /** false: the show has no replay yet (not recorded, not processed, or deleted). */
  replay: z.boolean(),
  durationSec: z.number().min(0),
  segments: z.array(ClipSegment).max(10_000),
});
export type ShowClips = z.infer<typeof ShowClips>;

/** Cut (or re-cut) a segment's clip; without in/out, the segment's own range (its first 2 minutes). */
export const CutClipRequest = z
  .object({ segmentNo: SegmentNo, inSec: ReplaySec.optional(), outSec: ReplaySec.optional() })
  .strict()
  .refine((r) => (r.inSec === undefined) === (r.outSec === undefined), { message: 'give both inSec and outSec, or neither' });
export type CutClipRequest = z.infer<typeof CutClipRequest>;

export type ClipRange = { ok: true; inSec: number; outSec: number } | { ok: false; code: ErrorCode; message: string };

/**
 * The range a clip is cut from. A chosen range must lie inside the recording and be 10 s–2 min long
 * (refused otherwise: the seller chose it, so it is not silently changed). The default range is the
 * segment's video, its first 2 minutes when longer; a segment with under 10 s of video is refused.
 */
export function clipRange(timeline: Pick<ReplayTimeline, 'durationSec'>, segment: { inSec: number; outSec: number } | null, chosen?: { inSec: number; outSec: number }): ClipRange {
  if (chosen) {
    const { inSec, outSec } = chosen;
    if (outSec > timeline.durationSec + 0.05) return { ok: false, code: 'clip_range', message: `the clip ends after the recording (${timeline.durationSec.toFixed(1)} s)` };
    const len = outSec - inSec;
    if (len < CLIP_MIN_SEC - 1e-6 || len > CLIP_MAX_SEC + 1e-6) return { ok: false, code: 'clip_range', message: `a clip is ${CLIP_MIN_SEC} s to ${CLIP_MAX_SEC} s long; this one is ${len.toFixed(1)} s` };
    return { ok: true, inSec, outSec: Math.min(outSec, timeline.durationSec) };
  }
  if (!segment) return { ok: false, code: 'no_video', message: 'nothing was recorded during this segment' };
  const outSec = Math.min(segment.outSec, segment.inSec + CLIP_MAX_SEC);
  if (outSec - segment.inSec < CLIP_MIN_SEC) return { ok: false, code: 'clip_range', message: `the segment has ${(outSec - segment.inSec).toFixed(1)} s of video; a clip needs at least ${CLIP_MIN_SEC} s (choose a range)` };
  return { ok: true, inSec: segment.inSec, outSec };
}

/**
 * Where a stretch of the show (relay wall clock, end exclusive) is in the replay: its overlap with
 * the recorded parts. A clip never spans a seam between parts, so when the stretch overlaps several
 * parts (the publisher reconnected) the longest overlap is taken. null: nothing was recorded then.
 */
export function videoOfWallRange(timeline: ReplayTimeline, startMs: number, endMs: number): { inSec: number; outSec: number } | null {
  let best: { inSec: number; outSec: number } | null = null;
  for (const p of timeline.parts) {
    const from = Math.max(startMs, p.wallStartMs);
    const to = Math.min(endMs, p.wallStartMs + p.durationSec * 1000);
    if (to <= from) continue;
    const range = { inSec: p.startSec + (from - p.wallStartMs) / 1000, outSec: p.startSec + (to - p.wallStartMs) / 1000 };
    if (!best || range.outSec - range.inSec > best.outSec - best.inSec) best = range;
  }
  return best;
}
