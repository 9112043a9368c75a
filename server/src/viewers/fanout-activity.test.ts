import { describe, expect, it } from 'vitest';
import { FanoutActivity } from './fanout-activity.js';

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('FanoutActivity', () => {
  it('is quiet only when every broadcast of every worker is finished', async () => {
    const a = new FanoutActivity();
    const w1 = {};
    const w2 = {};
    expect(a.quiet).toBe(true);
    a.started(w1);
    a.started(w1);
    a.started(w2);
    let resolved = false;
    const waiting = a.whenQuiet(60_000).then(() => (resolved = true));
    a.finished(w1, 1);
    a.finished(w2, 1);
    await settle();
    expect(a.quiet).toBe(false);
    expect(resolved).toBe(false);
    a.finished(w1, 1);
    await waiting;
    expect(a.quiet).toBe(true);
  });

  it('forgets a worker that is gone, and never waits past its bound', async () => {
    const a = new FanoutActivity();
    const stuck = {};
    a.started(stuck);
    const bounded = await Promise.race([a.whenQuiet(30).then(() => 'bounded'), new Promise((r) => setTimeout(() => r('hung'), 5000))]);
    expect(bounded).toBe('bounded');
    a.finished(stuck); // it exited: whatever it owed is over
    expect(a.quiet).toBe(true);
  });
});
