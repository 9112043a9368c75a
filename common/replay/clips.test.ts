import { describe, expect, it } from 'vitest';
import { clipRange, CutClipRequest, videoOfWallRange } from './clips.js';

const T0 = Date.UTC(2026, 0, 1);
const timeline = { version: 1 as const, durationSec: 100, parts: [{ startSec: 0, durationSec: 60, wallStartMs: T0, frames: [] }, { startSec: 60, durationSec: 40, wallStartMs: T0 + 90_000, frames: [] }] };

describe('clip ranges', () => {
  it('maps a segment to the longest recorded overlap, or null when nothing was recorded', () => {
    expect(videoOfWallRange(timeline, T0 + 10_000, T0 + 30_000)).toEqual({ inSec: 10, outSec: 30 });
    expect(videoOfWallRange(timeline, T0 + 50_000, T0 + 120_000)).toEqual({ inSec: 60, outSec: 90 });
    expect(videoOfWallRange(timeline, T0 + 61_000, T0 + 89_000)).toBeNull();
    expect(videoOfWallRange(timeline, T0 - 5000, T0)).toBeNull();
  });
  it('keeps the first 2 minutes of a long segment and refuses short or out-of-recording ranges', () => {
    expect(clipRange({ durationSec: 500 }, { inSec: 10, outSec: 400 })).toEqual({ ok: true, inSec: 10, outSec: 130 });
    expect(clipRange(timeline, null)).toMatchObject({ ok: false, code: 'no_video' });
    expect(clipRange(timeline, { inSec: 0, outSec: 5 })).toMatchObject({ ok: false, code: 'clip_range' });
    expect(clipRange(timeline, null, { inSec: 95, outSec: 110 })).toMatchObject({ ok: false, code: 'clip_range' });
    expect(clipRange(timeline, null, { inSec: 0, outSec: 9 })).toMatchObject({ ok: false, code: 'clip_range' });
    expect(clipRange(timeline, null, { inSec: 0, outSec: 121 })).toMatchObject({ ok: false, code: 'clip_range' });
    expect(clipRange(timeline, null, { inSec: 20, outSec: 10 })).toMatchObject({ ok: false, code: 'clip_range' });
    expect(clipRange(timeline, null, { inSec: 5, outSec: 25 })).toEqual({ ok: true, inSec: 5, outSec: 25 });
  });
  it('parses hostile requests as failures', () => {
    for (const bad of [{ segmentNo: 0 }, { segmentNo: 1.5 }, { segmentNo: 1e12 }, { segmentNo: '1' }, { segmentNo: 1, inSec: Number.NaN, outSec: 20 }, { segmentNo: 1, inSec: 5 }, { segmentNo: 1, inSec: -1, outSec: 20 }, { segmentNo: 1, extra: 1 }])
      expect(CutClipRequest.safeParse(bad).success).toBe(false);
  });
});
