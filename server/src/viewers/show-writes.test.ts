import { describe, expect, it } from 'vitest';
import { ShowWrites } from './show-writes.js';

/** Sockets are names; each socket's writes are recorded, and "later" turns run when the test says. */
function harness(sockets: Record<string, string[]>, sliceSize = 2) {
  const writes = new Map<string, string[]>();
  const acks: { seq: number; cpuMs?: number }[] = [];
  const turns: (() => void)[] = [];
  let cpu = 0;
  const w = new ShowWrites<string>({
    socketsOf: (show) => sockets[show] ?? [],
    write: (s, frame) => {
      cpu += 1;
      writes.set(s, [...(writes.get(s) ?? []), frame.toString()]);
    },
    later: (fn) => void turns.push(fn),
    ack: (seq, cpuMs) => void acks.push(cpuMs === undefined ? { seq } : { seq, cpuMs }),
    cpuMs: () => cpu,
    now: () => 0,
    sliceSize,
  });
  const runTurns = () => {
    while (turns.length > 0) turns.shift()!();
  };
  /** What each socket received, as one stream. */
  const streams = () => Object.fromEntries([...writes].map(([s, list]) => [s, list.join('')]));
  return { w, writes, acks, runTurns, streams, pendingTurns: () => turns.length };
}

const b = (s: string) => Buffer.from(s);

describe('ShowWrites', () => {
  it('writes a chat batch a slice per turn and acks it with the CPU time of the whole pass', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd', 'e'] });
    h.w.chat('show', b('[c1]'), 1);
    expect([...h.writes.keys()]).toEqual(['a', 'b']);
    expect(h.acks).toEqual([]);
    h.runTurns();
    expect(h.streams()).toEqual({ a: '[c1]', b: '[c1]', c: '[c1]', d: '[c1]', e: '[c1]' });
    expect(h.acks).toEqual([{ seq: 1, cpuMs: 5 }]);
  });

  it('lets a cue finish the chat pass it interrupts in one write per socket, the chat first, and no cut pass reports a cost', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd', 'e'] });
    h.w.chat('show', b('[c1]'), 1);
    h.w.broadcast('show', b('[cue]'), 2);
    // Reached sockets got the cue alone; the others got the rest of the pass and the cue together.
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]', '[cue]'], b: ['[c1]', '[cue]'], c: ['[c1][cue]'], d: ['[c1][cue]'], e: ['[c1][cue]'] });
    h.runTurns();
    expect(Object.values(h.streams()).every((s) => s === '[c1][cue]')).toBe(true);
    expect(h.acks).toEqual([{ seq: 2 }, { seq: 1 }]);
  });

  it('carries the show’s queued chat batches in a cue’s write, after the pass in progress and in their order, never twice', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd'], other: ['x', 'y', 'z'] });
    h.w.chat('show', b('[c1]'), 1);
    h.w.chat('other', b('[o1]'), 2);
    h.w.chat('show', b('[c2]'), 3);
    h.w.chat('show', b('[c3]'), 4);
    h.w.broadcast('show', b('[cue]'), 5);
    h.runTurns();
    const s = h.streams();
    for (const sock of ['a', 'b', 'c', 'd']) expect(s[sock]).toBe('[c1][c2][c3][cue]');
    for (const sock of ['x', 'y', 'z']) expect(s[sock]).toBe('[o1]');
    // One write per socket for the cue and all it carried.
    expect(h.writes.get('c')).toEqual(['[c1][c2][c3][cue]']);
    expect(h.acks.map((a) => a.seq).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('merges a show’s batches that queued behind another pass into one write per socket', () => {
    const h = harness({ show: ['a', 'b', 'c'], other: ['x', 'y', 'z'] });
    h.w.chat('other', b('[o1]'), 1);
    h.w.chat('show', b('[c1]'), 2);
    h.w.chat('show', b('[c2]'), 3);
    h.runTurns();
    expect(h.writes.get('a')).toEqual(['[c1][c2]']);
    expect(h.acks.find((a) => a.seq === 2)).toEqual({ seq: 2 });
    expect(h.acks.find((a) => a.seq === 3)?.cpuMs).toBeGreaterThan(0);
  });

  it('leaves another show’s pass alone: a cue for one show neither cuts nor carries the other’s chat', () => {
    const h = harness({ show: ['a', 'b', 'c'], other: ['x', 'y', 'z'] });
    h.w.chat('other', b('[o1]'), 1);
    h.w.broadcast('show', b('[cue]'), 2);
    expect(h.streams()).toMatchObject({ a: '[cue]', b: '[cue]', c: '[cue]' });
    expect(h.pendingTurns()).toBe(1);
    h.runTurns();
    expect(h.streams()).toMatchObject({ x: '[o1]', y: '[o1]', z: '[o1]' });
    expect(h.acks.find((a) => a.seq === 1)?.cpuMs).toBeGreaterThan(0);
  });

  it('writes a cue to a socket that joined after the pass began, without the pass it was not part of', () => {
    const sockets = { show: ['a', 'b', 'c'] };
    const h = harness(sockets);
    h.w.chat('show', b('[c1]'), 1);
    sockets.show.push('late');
    h.w.broadcast('show', b('[cue]'), 2);
    h.runTurns();
    expect(h.streams().late).toBe('[cue]');
    expect(h.streams().c).toBe('[c1][cue]');
  });
});
