import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../../common/protocol/chat.js';
import type { ViewerToRelay } from '../../../../common/protocol/viewer.js';
import { ChatStore } from './chat-store.js';

const msg = (id: string, text: string, visibility: ChatMessage['visibility'] = 'all'): ChatMessage => ({ id, role: 'viewer', nickname: '민지', text, links: [], question: false, at: 1, visibility });
const state = { pinned: null, slowModeSec: 0, frozen: false, caption: null };

afterEach(() => vi.useRealTimers());

describe('watch chat store', () => {
  it('keeps the history, appends, replaces an approved pending copy and drops removed messages', () => {
    const sent: ViewerToRelay[] = [];
    const s = new ChatStore((m) => sent.push(m));
    s.onMessage({ type: 'chatHistory', messages: [msg('a', 'one'), msg('b', 'two')], state });
    s.onMessage({ type: 'chat', message: msg('c', 'mine', 'pending') });
    s.onMessage({ type: 'chat', message: msg('c', 'mine', 'all') });
    s.onMessage({ type: 'chatRemoved', ids: ['a'] });
    expect(s.getSnapshot().messages.map((m) => [m.id, m.visibility])).toEqual([['b', 'all'], ['c', 'all']]);
  });

  it('sends with a ref and shows the refusal of that send only, with when to try again', () => {
    const sent: ViewerToRelay[] = [];
    let now = 1000;
    const s = new ChatStore((m) => sent.push(m), () => now);
    expect(s.send('   ', false)).toBe(false);
    expect(s.send('질문 있어요', true)).toBe(true);
    expect(sent).toEqual([{ type: 'chat', ref: 'm1', text: '질문 있어요', question: true }]);
    expect(s.getSnapshot().sending).toBe(true);
    s.onMessage({ type: 'chatAck', ref: 'other', id: null, refusal: 'banned', retryAfterMs: null });
    expect(s.getSnapshot().refusal).toBeNull();
    now = 2000;
    s.onMessage({ type: 'chatAck', ref: 'm1', id: null, refusal: 'slow_mode', retryAfterMs: 4000 });
    expect(s.getSnapshot()).toMatchObject({ sending: false, refusal: { code: 'slow_mode', retryAt: 6000 } });
  });

  it('draws a tap at once, sends a burst of taps as one message, and does not draw its own hearts twice', () => {
    vi.useFakeTimers();
    const sent: ViewerToRelay[] = [];
    const s = new ChatStore((m) => sent.push(m));
    for (let i = 0; i < 4; i++) s.heart();
    expect(s.getSnapshot().heartsToShow).toBe(4);
    vi.advanceTimersByTime(400);
    expect(sent).toEqual([{ type: 'heart', count: 4 }]);
    s.heartsShown(4);
    s.onMessage({ type: 'hearts', count: 10 }); // ours (4) and six from others
    expect(s.getSnapshot().heartsToShow).toBe(6);
  });

  it('weaves purchase notices into the flow after the message that was last, and never replays them from history', () => {
    const s = new ChatStore(() => undefined);
    const bought = (buyer: string) => ({ type: 'purchases' as const, items: [{ buyer, productName: '캐시미어 코트', quantity: 1 }] });
    s.onMessage(bought('박**'));
    s.onMessage({ type: 'chatHistory', messages: [msg('a', 'one'), msg('b', 'two')], state });
    expect(s.getSnapshot().purchases).toEqual([]);
    s.onMessage(bought('김**'));
    s.onMessage({ type: 'chat', message: msg('c', 'three') });
    expect(s.getSnapshot().purchases.map((p) => [p.buyer, p.afterMessageId])).toEqual([['김**', 'b']]);
    // Its anchor deleted by a moderator: the notice moves up, it does not vanish.
    s.onMessage({ type: 'chatRemoved', ids: ['b'] });
    expect(s.getSnapshot().purchases.map((p) => p.afterMessageId)).toEqual(['a']);
    s.onMessage({ type: 'chatRemoved', ids: ['a'] });
    expect(s.getSnapshot().purchases.map((p) => p.afterMessageId)).toEqual([null]);
  });

  it('keeps only the last few notices, and drops those whose message scrolled away', () => {
    const s = new ChatStore(() => undefined);
    s.onMessage({ type: 'chatHistory', messages: [msg('m0', 'first')], state });
    for (let i = 0; i < 4; i++) {
      s.onMessage({ type: 'purchases', items: [1, 2].map((n) => ({ buyer: `이${i}${n}`, productName: '니트', quantity: n })) });
    }
    expect(s.getSnapshot().purchases).toHaveLength(6);
    expect(s.getSnapshot().purchases[0]!.buyer).toBe('이11');
    for (let i = 1; i <= 150; i++) s.onMessage({ type: 'chat', message: msg(`m${i}`, 'x') });
    expect(s.getSnapshot().messages[0]!.id).toBe('m1');
    expect(s.getSnapshot().purchases).toEqual([]);
  });
});
