import { describe, expect, it } from 'vitest';
import { INPUT_BURST, INPUT_REFILL_PER_SEC, InputGuard, MAX_REFUSED, transportProblem } from './input-guard.js';

describe('InputGuard', () => {
  it('passes a burst, refuses what is over it, then closes a flood', () => {
    let now = 0;
    const guard = new InputGuard(() => now);
    const seen = Array.from({ length: INPUT_BURST + MAX_REFUSED + 5 }, () => guard.admit());
    expect(seen.slice(0, INPUT_BURST).every((a) => a === 'pass')).toBe(true);
    expect(seen.slice(INPUT_BURST, INPUT_BURST + MAX_REFUSED).every((a) => a === 'refuse')).toBe(true);
    expect(seen.at(INPUT_BURST + MAX_REFUSED)).toBe('close');
    now += 1000;
    expect(guard.admit()).toBe('pass');
  });

  it('forgives a one-off burst: after a pause the page has its whole budget again', () => {
    let now = 0;
    const guard = new InputGuard(() => now);
    for (let i = 0; i < INPUT_BURST + MAX_REFUSED / 2; i++) guard.admit();
    now += (1000 * (INPUT_BURST + MAX_REFUSED)) / INPUT_REFILL_PER_SEC;
    const again = Array.from({ length: INPUT_BURST }, () => guard.admit());
    expect(again.every((a) => a === 'pass')).toBe(true);
  });

  it('judges binary and oversized input without the relay', () => {
    expect(transportProblem({ text: null, size: 3, binary: true })).toMatchObject({ code: 'bad_message' });
    expect(transportProblem({ text: null, size: 100_000, binary: false })).toMatchObject({ code: 'too_large' });
    expect(transportProblem({ text: '{}', size: 2, binary: false })).toBeNull();
  });
});
