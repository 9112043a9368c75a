import { describe, expect, it } from 'vitest';
import { mmss } from './countdown.js';

describe('mmss', () => {
  it('rounds up, pads, and never goes below 00:00', () => {
    expect(mmss(180_000)).toBe('03:00');
    expect(mmss(59_001)).toBe('01:00');
    expect(mmss(1)).toBe('00:01');
    expect(mmss(0)).toBe('00:00');
    expect(mmss(-5_000)).toBe('00:00');
    expect(mmss(10_800_000)).toBe('180:00');
  });
});
