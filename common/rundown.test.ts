import { describe, expect, it } from 'vitest';
import { dueCues, move, plannedTotalSec, segmentClock, type Segment } from './rundown.js';

const segment: Segment = {
  id: 's1',
  title: '린넨 셔츠',
  plannedSec: 300,
  talkingPoints: '',
  featuredProductIds: [],
  obsActions: [],
  cues: [
    { id: 'c1', label: '', action: { kind: 'showProducts', productIds: ['p1'] }, trigger: { type: 'manual' }, obsActions: [] },
    { id: 'c2', label: '', action: { kind: 'dropCoupon', couponId: 'k', durationSec: 60 }, trigger: { type: 'offset', atSec: 120 }, obsActions: [] },
    { id: 'c3', label: '', action: { kind: 'close', target: 'coupon' }, trigger: { type: 'offset', atSec: 200 }, obsActions: [] },
  ],
};

describe('run-down timing', () => {
  it('reports elapsed, remaining and over time', () => {
    expect(segmentClock(segment, 0, 60_000, new Set())).toMatchObject({ elapsedSec: 60, remainingSec: 240, over: false });
    expect(segmentClock(segment, 0, 342_000, new Set())).toMatchObject({ remainingSec: -42, over: true });
  });

  it('names the next unfired cue with a countdown when it is timed', () => {
    expect(segmentClock(segment, 0, 10_000, new Set()).nextCue).toMatchObject({ index: 0, dueInSec: null });
    expect(segmentClock(segment, 0, 100_000, new Set(['c1'])).nextCue).toMatchObject({ index: 1, dueInSec: 20 });
    expect(segmentClock(segment, 0, 100_000, new Set(['c1', 'c2', 'c3'])).nextCue).toBeNull();
  });

  it('lists timed cues that are due and not fired', () => {
    expect(dueCues(segment, 0, 119_000, new Set()).map((c) => c.id)).toEqual([]);
    expect(dueCues(segment, 0, 120_000, new Set()).map((c) => c.id)).toEqual(['c2']);
    expect(dueCues(segment, 0, 250_000, new Set(['c2'])).map((c) => c.id)).toEqual(['c3']);
  });

  it('moves items and ignores moves out of range', () => {
    expect(move(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
    expect(plannedTotalSec({ segments: [segment, { ...segment, plannedSec: 60 }] })).toBe(360);
  });
});
