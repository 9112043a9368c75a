import { describe, expect, it } from 'vitest';
import { PlayoutDelay } from './playout-delay.js';

/** A receiver as far as PlayoutDelay looks at it; `withTarget` false: an engine without jitterBufferTarget. */
function receiver(kind: 'video' | 'audio', withTarget = true): RTCRtpReceiver & { jitterBufferTarget?: number | null } {
  return { track: { kind }, ...(withTarget ? { jitterBufferTarget: null } : {}) } as unknown as RTCRtpReceiver & { jitterBufferTarget?: number | null };
}

describe('PlayoutDelay', () => {
  it('sets the jitter-buffer target of video receivers only, now and for receivers that come later', () => {
    const p = new PlayoutDelay();
    const video = receiver('video');
    const audio = receiver('audio');
    p.receive(video);
    p.receive(audio);
    p.set(120);
    expect(video.jitterBufferTarget).toBe(120);
    expect(audio.jitterBufferTarget).toBeNull();
    const next = receiver('video'); // a reconnect's new connection
    p.receive(next);
    expect(next.jitterBufferTarget).toBe(120);
    p.set(0);
    expect([video.jitterBufferTarget, next.jitterBufferTarget]).toEqual([0, 0]);
  });

  it('leaves engines without jitterBufferTarget alone, and forgets old connections’ receivers', () => {
    const p = new PlayoutDelay();
    const bare = receiver('video', false);
    p.receive(bare);
    p.set(80);
    expect('jitterBufferTarget' in bare).toBe(false);
    const old = receiver('video');
    p.receive(old);
    for (let i = 0; i < 4; i++) p.receive(receiver('video'));
    p.set(200);
    expect(old.jitterBufferTarget).toBe(80);
    expect(p.extraMs).toBe(200);
  });

  it('survives a receiver that throws when set (its connection closed)', () => {
    const p = new PlayoutDelay();
    const closed = Object.defineProperty({ track: { kind: 'video' } }, 'jitterBufferTarget', { get: () => 0, set: () => { throw new Error('closed'); } }) as unknown as RTCRtpReceiver;
    p.receive(closed);
    expect(() => p.set(50)).not.toThrow();
    expect(p.extraMs).toBe(50);
  });
});
