import { describe, expect, it } from 'vitest';
import type { ProductCard, StageOp } from '../stage.js';
import { ReplayInfo, replaySecOf, resultsAtReplaySec, segmentAtReplaySec, stageAtReplaySec, wallMsAtReplaySec, type ReplayChapter, type ReplayCue } from './replay-view.js';
import { ReplayTimeline } from './timeline.js';

// Two parts: 10 s from wall 1_000_000, a 5 s reconnect gap, then 4 s; the second part is stamped (30 fps).
const timeline = ReplayTimeline.parse({
  version: 1,
  durationSec: 14,
  parts: [
    { startSec: 0, durationSec: 10, wallStartMs: 1_000_000, frames: [] },
    { startSec: 10, durationSec: 4, wallStartMs: 1_015_000, frames: Array.from({ length: 120 }, (_, i) => [10 + i / 30, 65_000 + (i * 1000) / 30]) },
  ],
});
const spans = timeline.parts.map(({ startSec, durationSec, wallStartMs }) => ({ startSec, durationSec, wallStartMs }));
const card = (productId: string): ProductCard => ({ productId, name: productId, imageUrls: [], currency: 'KRW', price: 10000, salePrice: null, stock: 3, externalUrl: null, options: [] });
const cue = (atSec: number, firedAtMs: number, op: StageOp): ReplayCue => ({ atSec, firedAtMs, op });

describe('placing live moments in the replay', () => {
  it('uses the stamped frame, else the wall clock; before the recording is 0, a gap is the next part, after the end is nothing', () => {
    expect(replaySecOf(timeline, 1_016_000, 65_000 + 1000)).toBeCloseTo(11);
    expect(replaySecOf(timeline, 1_002_500)).toBeCloseTo(2.5);
    expect(replaySecOf(timeline, 1_002_500, 1)).toBeCloseTo(2.5); // a stamp no frame covers: the wall clock
    expect(replaySecOf(timeline, 990_000)).toBe(0);
    expect(replaySecOf(timeline, 1_012_000)).toBe(10);
    expect(replaySecOf(timeline, 1_030_000)).toBeNull();
  });

  it('turns replay seconds back into relay time by the part that holds them', () => {
    expect(wallMsAtReplaySec(spans, 2)).toBe(1_002_000);
    expect(wallMsAtReplaySec(spans, 11)).toBe(1_016_000);
    expect(wallMsAtReplaySec([], 3)).toBeNull();
  });
});

describe('the stage at a replay second', () => {
  const cues = [
    cue(2, 1_002_000, { op: 'pin', cards: [card('coat')] }),
    cue(3, 1_003_000, { op: 'dropCoupon', coupon: { couponId: 'c1', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 50 }, durationSec: 5 }),
    cue(6, 1_006_000, { op: 'closeQuiz' }), // nothing to close: refused, nothing changes
    cue(9, 1_009_000, { op: 'unpin', productId: 'coat' }),
  ];

  it('is built from the cues up to that second with the live reducer', () => {
    expect(stageAtReplaySec(cues, spans, 1.9).pinned).toEqual([]);
    expect(stageAtReplaySec(cues, spans, 2).pinned.map((c) => c.productId)).toEqual(['coat']);
    expect(stageAtReplaySec(cues, spans, 4).coupon?.code).toBe('LIVE10');
    expect(stageAtReplaySec(cues, spans, 7).pinned.map((c) => c.productId)).toEqual(['coat']);
    expect(stageAtReplaySec(cues, spans, 9.5).pinned).toEqual([]);
  });

  it("shows a cue on its own frame when the frame's media time falls a hair short of the cue's second", () => {
    // The timeline's second for a frame is a floating-point sum; the video's media time is whole milliseconds.
    const atSec = 0.479 + 335 * 0.001; // a part's lead + the frame's pts × the tick, as post-process.ts sums them
    const onFrame = [cue(atSec, 1_000_814, { op: 'pin', cards: [card('coat')] })];
    expect(atSec).toBeGreaterThan(0.814);
    expect(stageAtReplaySec(onFrame, spans, 0.814).pinned.map((c) => c.productId)).toEqual(['coat']);
    expect(stageAtReplaySec(onFrame, spans, 0.813).pinned.map((c) => c.productId)).toEqual(['coat']);
    // The frame before (a frame earlier even at 60 fps) does not show it yet.
    expect(stageAtReplaySec(onFrame, spans, 0.814 - 1 / 60).pinned).toEqual([]);
  });

  it('expires a coupon drop at the relay time its second stands for, seeking backwards too', () => {
    expect(stageAtReplaySec(cues, spans, 7.9).coupon).not.toBeNull();
    expect(stageAtReplaySec(cues, spans, 8.1).coupon).toBeNull();
    expect(stageAtReplaySec(cues, spans, 4).coupon).not.toBeNull();
  });
});

describe('results and chapters', () => {
  it('shows a result from its moment for a while', () => {
    const results = [{ kind: 'poll' as const, pollId: 'p1', atSec: 30, question: 'q', choices: ['a', 'b'], counts: [3, 4] }];
    expect(resultsAtReplaySec(results, 29)).toEqual([]);
    expect(resultsAtReplaySec(results, 30)).toHaveLength(1);
    expect(resultsAtReplaySec(results, 50)).toEqual([]);
  });

  it('names the segment playing', () => {
    const chapters: ReplayChapter[] = [
      { kind: 'segment', title: '인사', atSec: 0, endSec: 5, productId: null },
      { kind: 'product', title: '코트', atSec: 6, endSec: 14, productId: 'coat' },
      { kind: 'segment', title: '코트', atSec: 5, endSec: 14, productId: null },
    ];
    expect(segmentAtReplaySec(chapters, 7)?.title).toBe('코트');
    expect(segmentAtReplaySec(chapters.slice(1), 1)).toBeNull();
  });

  it('refuses a replay answer whose video is not on the viewer API', () => {
    const ready = { state: 'ready', durationSec: 1, videoPath: 'https://elsewhere.example/v.webm', container: 'webm', fallback: null, spans: [], cues: [], chapters: [], results: [], liveOffers: false };
    expect(ReplayInfo.safeParse(ready).success).toBe(false);
    expect(ReplayInfo.safeParse({ ...ready, videoPath: '/api/watch/t/replay/video' }).success).toBe(true);
    const mine = { ...ready, videoPath: '/api/watch/t/replay/video' };
    expect(ReplayInfo.safeParse({ ...mine, fallback: { state: 'ready', videoPath: 'https://elsewhere.example/v.mp4' } }).success).toBe(false);
    expect(ReplayInfo.safeParse({ ...mine, fallback: { state: 'ready', videoPath: '/api/watch/t/replay/video.mp4' } }).success).toBe(true);
    expect(ReplayInfo.safeParse({ state: 'processing', progress: 2 }).success).toBe(false);
  });
});
