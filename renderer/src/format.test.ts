import { describe, expect, it } from 'vitest';
import { formatClock, parseClock } from './format.js';

describe('m:ss durations', () => {
  it('parses what sellers type', () => {
    expect(parseClock('5:00')).toBe(300);
    expect(parseClock('05:30')).toBe(330);
    expect(parseClock('90')).toBe(90);
    expect(parseClock('1:02:03')).toBe(3723);
    expect(parseClock('abc')).toBeNull();
    expect(parseClock('5:')).toBeNull();
    expect(parseClock('-1:00')).toBeNull();
  });
  it('formats elapsed and over-time', () => {
    expect(formatClock(42)).toBe('0:42');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(-42)).toBe('-0:42');
  });
});
