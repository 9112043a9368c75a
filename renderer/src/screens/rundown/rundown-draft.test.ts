import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../../common/rundown.js';
import { dictionaries } from '../../i18n/strings.js';
import { checkRundown, danglingRefs } from './rundown-draft.js';

const seg = (over: Partial<Segment> = {}): Segment => ({ id: 's1', title: 'Intro', plannedSec: 120, talkingPoints: '', featuredProductIds: [], cues: [], obsActions: [], ...over });

describe('run-down checks', () => {
  it('accepts a valid run-down', () => {
    expect(checkRundown({ name: 'Show', showId: 'sh1', segments: [seg()] }, dictionaries.en)).toEqual({});
  });
  it('says what to fix, by field, in the seller’s language', () => {
    const segments = [
      seg({ title: '', plannedSec: NaN, cues: [{ id: 'c1', label: '', action: { kind: 'showProducts', productIds: [] }, trigger: { type: 'manual' }, obsActions: [] }] }),
      seg({ id: 's2', cues: [{ id: 'c2', label: '', action: { kind: 'dropCoupon', couponId: '', durationSec: 60 }, trigger: { type: 'manual' }, obsActions: [] }] }),
    ];
    const ko = checkRundown({ name: 'Show', showId: 'sh1', segments }, dictionaries.ko);
    expect(ko['segments.0.title']).toEqual(['코너 제목을 입력하세요']);
    expect(ko['segments.0.plannedSec']).toEqual([dictionaries.ko.rundown.badDuration]);
    expect(ko['segments.0.cues.0.action.productIds']).toEqual([dictionaries.ko.rundown.needProducts]);
    expect(ko['segments.1.cues.0.action.couponId']).toEqual([dictionaries.ko.rundown.needCoupon]);
  });
  it('finds cues that point at deleted catalog items', () => {
    const segments = [seg({ cues: [{ id: 'c1', label: '', action: { kind: 'showProducts', productIds: ['gone'] }, trigger: { type: 'manual' }, obsActions: [] }] })];
    expect([...danglingRefs(segments, { products: [] })]).toEqual(['segments.0.cues.0']);
    expect(danglingRefs(segments, {}).size).toBe(0); // catalog not loaded: no false alarms
  });
});
