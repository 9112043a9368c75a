import { describe, expect, it } from 'vitest';
import { RequestTurns } from './request-turns.js';

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('RequestTurns', () => {
  it('gives a free turn at once, then the waiting handlers a few per event-loop turn, in arrival order', async () => {
    const turns = new RequestTurns(1);
    const got: number[] = [];
    for (const i of [1, 2, 3]) void turns.turn().then(() => got.push(i));
    await Promise.resolve();
    expect(got).toEqual([1]); // the turn was free
    expect(turns.backlog).toBe(2);
    await nextTurn();
    expect(got).toEqual([1, 2]); // one more per turn, not all at once
    await nextTurn();
    expect(got).toEqual([1, 2, 3]);
    expect(turns.backlog).toBe(0);
  });

  it('starts at most perTurn waiting handlers in one turn', async () => {
    const turns = new RequestTurns(2);
    const got: number[] = [];
    for (const i of [1, 2, 3, 4, 5, 6]) void turns.turn().then(() => got.push(i));
    await Promise.resolve();
    expect(got).toEqual([1]);
    await nextTurn();
    expect(got).toEqual([1, 2, 3]);
    await nextTurn();
    expect(got).toEqual([1, 2, 3, 4, 5]);
    await nextTurn();
    expect(got).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lets a request that comes later in the same turn wait behind the one that took it', async () => {
    const turns = new RequestTurns();
    await turns.turn();
    let second = false;
    void turns.turn().then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);
    await nextTurn();
    expect(second).toBe(true);
    await nextTurn();
    await turns.turn(); // the turn is free again: at once
    expect(turns.backlog).toBe(0);
  });
});
