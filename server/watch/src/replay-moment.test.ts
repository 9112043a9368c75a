import { describe, expect, it } from 'vitest';
import type { ReadyReplay } from '../../../common/replay/replay-view.js';
import { clockOf, momentAt, sameOnScreen } from './replay-moment.js';

const card = { productId: 'coat', name: '코트', imageUrls: [], currency: 'KRW' as const, price: 10000, salePrice: null, stock: 3, externalUrl: null, options: [] };
const replay: ReadyReplay = {
  state: 'ready',
  durationSec: 30,
  videoPath: '/api/watch/t/replay/video',
  container: 'webm',
  fallback: null,
  spans: [{ startSec: 0, durationSec: 30, wallStartMs: 1_000_000 }],
  cues: [{ atSec: 8, firedAtMs: 1_008_000, op: { op: 'pin', cards: [card] } }],
  chapters: [
    { kind: 'segment', title: '인사', atSec: 0, endSec: 6, productId: null },
    { kind: 'segment', title: '코트', atSec: 6, endSec: 30, productId: null },
  ],
  results: [],
  liveOffers: false,
};

describe('the replay at a position', () => {
  it('shows the card from its second on, in its segment, with the relay time it stands for', () => {
    expect(momentAt(replay, 7.9).stage.pinned).toEqual([]);
    const m = momentAt(replay, 8.2);
    expect(m.stage.pinned.map((c) => c.productId)).toEqual(['coat']);
    expect(m.segment?.title).toBe('코트');
    expect(m.wallMs).toBe(1_008_200);
    expect(momentAt(replay, Number.NaN).sec).toBe(0);
  });

  it('re-renders only when something on screen changes or a second passes', () => {
    expect(sameOnScreen(momentAt(replay, 8.1), momentAt(replay, 8.7))).toBe(true);
    expect(sameOnScreen(momentAt(replay, 8.7), momentAt(replay, 9.1))).toBe(false);
    expect(sameOnScreen(momentAt(replay, 7.95), momentAt(replay, 7.99))).toBe(true);
    expect(sameOnScreen(momentAt(replay, 7.99), momentAt(replay, 8.0))).toBe(false);
  });
});

describe('chapter times', () => {
  it('prints whole seconds, hours only past an hour', () => {
    expect(clockOf(8.9)).toBe('0:08');
    expect(clockOf(125)).toBe('2:05');
    expect(clockOf(3725)).toBe('1:02:05');
    expect(clockOf(-1)).toBe('0:00');
  });
});
