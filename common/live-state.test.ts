import { describe, expect, it } from 'vitest';
import { liveReducer, reconnectDelayMs, type LiveState } from './live-state.js';

describe('liveReducer', () => {
  const idle: LiveState = { kind: 'idle' };

  it('goes idle → connecting → live → reconnecting → live → ended', () => {
    let s = liveReducer(idle, { type: 'goLive', showId: 'a' });
    expect(s).toEqual({ kind: 'connecting', showId: 'a' });
    s = liveReducer(s, { type: 'mediaConnected', at: 10 });
    expect(s).toEqual({ kind: 'live', showId: 'a', since: 10 });
    s = liveReducer(s, { type: 'mediaLost', at: 20 });
    expect(s).toMatchObject({ kind: 'reconnecting', attempt: 1 });
    s = liveReducer(s, { type: 'retry' });
    expect(s).toMatchObject({ kind: 'reconnecting', attempt: 2 });
    s = liveReducer(s, { type: 'mediaConnected', at: 30 });
    expect(s).toEqual({ kind: 'live', showId: 'a', since: 30 });
    expect(liveReducer(s, { type: 'end' })).toEqual({ kind: 'ended', showId: 'a' });
  });

  it('ignores media events that do not apply', () => {
    expect(liveReducer(idle, { type: 'mediaConnected', at: 1 })).toBe(idle);
    expect(liveReducer(idle, { type: 'mediaLost', at: 1 })).toBe(idle);
    expect(liveReducer(idle, { type: 'end' })).toBe(idle);
    const live: LiveState = { kind: 'live', showId: 'a', since: 1 };
    expect(liveReducer(live, { type: 'goLive', showId: 'b' })).toBe(live);
  });

  it('keeps the message of a failure', () => {
    const s = liveReducer({ kind: 'connecting', showId: 'x' }, { type: 'fail', message: 'no camera' });
    expect(s).toEqual({ kind: 'failed', showId: 'x', message: 'no camera' });
  });
});

describe('reconnectDelayMs', () => {
  it('backs off quickly at first and caps at 5 s', () => {
    expect(reconnectDelayMs(1)).toBe(500);
    expect(reconnectDelayMs(2)).toBe(1000);
    expect(reconnectDelayMs(3)).toBe(2000);
    expect(reconnectDelayMs(10)).toBe(5000);
  });
});
