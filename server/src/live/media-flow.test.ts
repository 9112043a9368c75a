import { describe, expect, it } from 'vitest';
import { MediaFlow } from './media-flow.js';

describe('MediaFlow (publisher no-media detection)', () => {
  it('starts flowing and stalls when Janus reports video not received', () => {
    const f = new MediaFlow();
    expect(f.stalled).toBe(false);
    expect(f.report('video', false)).toBe(true);
    expect(f.stalled).toBe(true);
    expect(f.report('audio', false)).toBe(false);
    expect(f.report('video', true)).toBe(true);
    expect(f.stalled).toBe(false);
  });

  it('keeps the picture counted as stalled while only audio flows', () => {
    const f = new MediaFlow();
    f.report('video', false);
    f.report('audio', true);
    expect(f.stalled).toBe(true);
  });

  it('uses audio for a publisher that never reported video', () => {
    const f = new MediaFlow();
    expect(f.report('audio', false)).toBe(true);
    expect(f.stalled).toBe(true);
    expect(f.report('audio', true)).toBe(true);
    expect(f.stalled).toBe(false);
  });

  it('ignores malformed events from the media server', () => {
    const f = new MediaFlow();
    expect(f.report('data', false)).toBe(false);
    expect(f.report('video', 'no')).toBe(false);
    expect(f.report(undefined, undefined)).toBe(false);
    expect(f.stalled).toBe(false);
  });
});
