import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorOf } from '../testing/error-of.js';
import type { Segment } from '../../common/rundown.js';
import { tempStudioDb } from '../testing/temp-db.js';
import type { StudioDb } from '../store/studio-db.js';
import { RundownStore } from './rundown-store.js';

let db: StudioDb;
let store: RundownStore;
beforeEach(() => {
  db = tempStudioDb();
  store = new RundownStore(db.db);
});
afterEach(() => db.close());

const segments: Segment[] = [
  { id: 'intro', title: '오프닝', plannedSec: 120, talkingPoints: '인사, 오늘의 특가 소개', featuredProductIds: [], cues: [], obsActions: [] },
  {
    id: 'knit',
    title: '니트',
    plannedSec: 600,
    talkingPoints: '소재, 사이즈',
    featuredProductIds: ['p1'],
    obsActions: [],
    cues: [
      { id: 'c1', label: '니트 카드', action: { kind: 'showProducts', productIds: ['p1'] }, trigger: { type: 'manual' }, obsActions: [] },
      { id: 'c2', label: '쿠폰', action: { kind: 'dropCoupon', couponId: 'k1', durationSec: 60 }, trigger: { type: 'offset', atSec: 300 }, obsActions: [] },
      { id: 'c3', label: '', action: { kind: 'close', target: 'cards' }, trigger: { type: 'manual' }, obsActions: [] },
    ],
  },
];


describe('run-downs', () => {
  it('saves, lists most recent first, updates in place and deletes', async () => {
    const first = store.save(undefined, { name: '금요 라이브', showId: 'show-1', segments });
    expect(first).toMatchObject({ name: '금요 라이브', showId: 'show-1', segments });
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await new Promise((r) => setTimeout(r, 5));
    const second = store.save(undefined, { name: 'Template', showId: null, segments: [] });
    expect(store.list().map((r) => r.id)).toEqual([second.id, first.id]);
    await new Promise((r) => setTimeout(r, 5));
    const edited = store.save(first.id, { name: '금요 라이브 v2', showId: 'show-1', segments: [segments[1]!, segments[0]!] });
    expect(edited.segments.map((s) => s.id)).toEqual(['knit', 'intro']);
    expect(store.list().map((r) => r.id)).toEqual([first.id, second.id]);
    store.delete(second.id);
    expect(store.list()).toHaveLength(1);
    expect(errorOf(() => store.delete(second.id)).code).toBe('not_found');
  });

  it('refuses duplicate segment or cue ids, and invalid segments, leaving the saved one as it was', () => {
    const saved = store.save(undefined, { name: 'Show', showId: null, segments });
    const twiceSegment = [segments[0]!, { ...segments[1]!, id: 'intro' }];
    expect(errorOf(() => store.save(saved.id, { name: 'Show', showId: null, segments: twiceSegment })).message).toMatch(/two segments have the same id “intro”/);
    const twiceCue = [{ ...segments[0]!, cues: [segments[1]!.cues[0]!] }, segments[1]!];
    expect(errorOf(() => store.save(saved.id, { name: 'Show', showId: null, segments: twiceCue })).message).toMatch(/two cues have the same id “c1” \(in “오프닝” and “니트”\)/);
    expect(errorOf(() => store.save(saved.id, { name: 'Show', showId: null, segments: [{ ...segments[0]!, plannedSec: 3 }] })).message).toMatch(/at least 10 seconds/);
    expect(errorOf(() => store.save(saved.id, { name: ' ', showId: null, segments })).code).toBe('bad_request');
    const fourProducts = [{ ...segments[0]!, cues: [{ id: 'x', action: { kind: 'showProducts', productIds: ['a', 'b', 'c', 'd'] }, trigger: { type: 'manual' }, obsActions: [] }] }];
    expect(errorOf(() => store.save(saved.id, { name: 'Show', showId: null, segments: fourProducts })).code).toBe('bad_request');
    expect(store.get(saved.id)).toEqual(saved);
  });

  it('duplicates as a template with new ids everywhere and an optional new show', () => {
    const source = store.save(undefined, { name: '금요 라이브', showId: 'show-1', segments });
    const copy = store.duplicate(source.id, '다음 주 라이브', 'show-2');
    expect(copy.id).not.toBe(source.id);
    expect(copy).toMatchObject({ name: '다음 주 라이브', showId: 'show-2' });
    const ids = (r: typeof copy) => r.segments.flatMap((s) => [s.id, ...s.cues.map((c) => c.id)]);
    expect(ids(copy).some((id) => ids(source).includes(id))).toBe(false);
    expect(new Set(ids(copy)).size).toBe(ids(copy).length);
    // Everything else is the same: titles, talking points, actions, triggers, order.
    const strip = (r: typeof copy) => r.segments.map((s) => ({ ...s, id: '', cues: s.cues.map((c) => ({ ...c, id: '' })) }));
    expect(strip(copy)).toEqual(strip(source));
    expect(store.duplicate(source.id, 'Template', null).showId).toBeNull();
    expect(store.get(source.id)).toEqual(source);
    expect(errorOf(() => store.duplicate('missing', 'x', null)).code).toBe('not_found');
  });

  it('keeps cues that name deleted catalog items (firing them fails later, clearly)', () => {
    const saved = store.save(undefined, { name: 'Show', showId: null, segments });
    expect(store.get(saved.id)!.segments[1]!.cues[0]!.action).toEqual({ kind: 'showProducts', productIds: ['p1'] });
  });

  it('reports a damaged stored run-down instead of handing it out', () => {
    const saved = store.save(undefined, { name: 'Show', showId: null, segments });
    db.db.prepare('UPDATE rundowns SET segments = ? WHERE id = ?').run('[{"id":"x"}]', saved.id);
    expect(errorOf(() => store.list())).toMatchObject({ code: 'internal', message: expect.stringMatching(/run-down “Show” is damaged/) });
  });
});
