import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RelayToViewerChat } from '../../../common/protocol/chat.js';
import { ChatOutbox } from './chat-outbox.js';

const msg = (text: string): RelayToViewerChat => ({ type: 'hearts', count: text.length });

describe('chat outbox', () => {
  let sent: { show: string; messages: RelayToViewerChat[] }[];
  let cue: { promise: Promise<void>; resolve: () => void } | null;
  let outbox: ChatOutbox;

  const startCue = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    cue = { promise, resolve: () => ((cue = null), resolve()) };
    return cue;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    cue = null;
    outbox = new ChatOutbox({ windowMs: () => 10, broadcast: (show, messages) => sent.push({ show, messages: [...messages] }), cueWritten: () => cue?.promise ?? null });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends a window of messages as one broadcast per show', async () => {
    outbox.push('a', msg('1'));
    outbox.push('b', msg('22'));
    outbox.push('a', msg('333'));
    await vi.advanceTimersByTimeAsync(9);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([
      { show: 'a', messages: [msg('1'), msg('333')] },
      { show: 'b', messages: [msg('22')] },
    ]);
  });

  it('holds a due batch while a cue is being written, then sends it with what arrived meanwhile', async () => {
    const c = startCue();
    outbox.push('a', msg('1'));
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([]);
    outbox.push('a', msg('22'));
    c.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ show: 'a', messages: [msg('1'), msg('22')] }]);
    // Nothing is left to send twice.
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toHaveLength(1);
  });

  it('lets a cue that takes the held batch carry it, and a newer batch keep its own window', async () => {
    const c = startCue();
    outbox.push('a', msg('1'));
    await vi.advanceTimersByTimeAsync(10);
    expect(outbox.take('a')).toEqual([msg('1')]);
    outbox.push('a', msg('22'));
    c.resolve();
    await vi.advanceTimersByTimeAsync(0);
    // The held batch is gone (the cue carried it); the new one waits for its window.
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual([{ show: 'a', messages: [msg('22')] }]);
  });

  it('sends at once when asked (a removal must not overtake its message), cue or not', async () => {
    startCue();
    outbox.push('a', msg('1'));
    outbox.flush('a');
    expect(sent).toEqual([{ show: 'a', messages: [msg('1')] }]);
    outbox.push('b', msg('22'));
    outbox.flushAll();
    expect(sent.map((s) => s.show)).toEqual(['a', 'b']);
    expect(outbox.take('a')).toEqual([]);
  });
});
