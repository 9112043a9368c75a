import { describe, expect, it } from 'vitest';
import { FanoutActivity } from './fanout-activity.js';

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('FanoutActivity', () => {
  it('is quiet only when no worker owes a broadcast', async () => {
    const a = new FanoutActivity();
    const w1 = {};
    const w2 = {};
    expect(a.quiet).toBe(true);
    a.mark(w1, true);
    a.mark(w2, true);
    let resolved = false;
    const waiting = a.whenQuiet(60_000).then(() => (resolved = true));
    a.mark(w2, false);
    await settle();
    expect(a.quiet).toBe(false);
    expect(resolved).toBe(false);
    a.mark(w1, false);
    await waiting;
    expect(a.quiet).toBe(true);
  });

  it('never waits past its bound for a worker that stays busy', async () => {
    const a = new FanoutActivity();
    a.mark({}, true);
    const bounded = await Promise.race([a.whenQuiet(30).then(() => 'bounded'), new Promise((r) => setTimeout(() => r('hung'), 5000))]);
    expect(bounded).toBe('bounded');
    expect(a.quiet).toBe(false);
  });
});
