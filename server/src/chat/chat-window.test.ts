import { describe, expect, it } from 'vitest';
import { CHAT_PERIOD_MAX_MS, CHAT_WRITE_DUTY, chatPassPeriodMs } from './chat-window.js';

describe('chat batch window', () => {
  it('stays at the configured window while a pass over the audience is cheap', () => {
    expect(chatPassPeriodMs(50, 0)).toBe(50);
    expect(chatPassPeriodMs(50, 50 * CHAT_WRITE_DUTY)).toBe(50);
  });

  it('widens so a pass takes at most its share of a worker', () => {
    const pass = 30;
    const w = chatPassPeriodMs(50, pass);
    expect(w).toBeGreaterThan(50);
    expect(pass / w).toBeLessThanOrEqual(CHAT_WRITE_DUTY + 0.01);
  });

  it('never makes a message wait longer than the cap, nor shortens a longer configured window', () => {
    expect(chatPassPeriodMs(50, 10_000)).toBe(CHAT_PERIOD_MAX_MS);
    expect(chatPassPeriodMs(CHAT_PERIOD_MAX_MS + 100, 10_000)).toBe(CHAT_PERIOD_MAX_MS + 100);
  });

  it('ignores a measurement that is not a number', () => {
    expect(chatPassPeriodMs(50, Number.NaN)).toBe(50);
    expect(chatPassPeriodMs(50, -5)).toBe(50);
    expect(chatPassPeriodMs(50, Number.POSITIVE_INFINITY)).toBe(50);
  });
});
