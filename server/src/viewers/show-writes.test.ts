import { describe, expect, it } from 'vitest';
import { ShowWrites } from './show-writes.js';

/** Sockets are names; each socket's writes are recorded, and "later" turns run when the test says. */
function harness(sockets: Record<string, string[]>, sliceSize = 2) {
  const writes = new Map<string, string[]>();
  /** Every write's socket, in the order written. */
  const order: string[] = [];
  const acks: { seq: number; cpuMs?: number }[] = [];
  const turns: (() => void)[] = [];
  let cpu = 0;
  const w = new ShowWrites<string>({
    socketsOf: (show) => sockets[show] ?? [],
    write: (s, frame) => {
      cpu += 1;
      order.push(s);
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
  return { w, writes, order, acks, runTurns, streams, turns };
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
    // The sockets the chat had not reached go first, the rest of the pass and the cue in one write.
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]'], b: ['[c1]'], c: ['[c1][cue]'], d: ['[c1][cue]'] });
    h.runTurns();
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]', '[cue]'], b: ['[c1]', '[cue]'], c: ['[c1][cue]'], d: ['[c1][cue]'], e: ['[c1][cue]'] });
    expect(h.order).toEqual(['a', 'b', 'c', 'd', 'e', 'a', 'b']);
    expect(h.acks).toEqual([{ seq: 1 }, { seq: 2 }]);
  });

  it('writes a cue a slice per turn and takes chat that arrives meanwhile along, so the chat never waits for the cue’s pass', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd', 'e'] });
    h.w.broadcast('show', b('[cue]'), 1);
    expect([...h.writes.keys()]).toEqual(['a', 'b']);
    expect(h.acks).toEqual([]);
    h.w.chat('show', b('[c1]'), 2);
    // The cue's unreached sockets get it and the chat in one write, at once; the reached ones the chat after.
    expect(Object.fromEntries(h.writes)).toMatchObject({ c: ['[cue][c1]'], d: ['[cue][c1]'] });
    h.runTurns();
    expect(Object.values(h.streams()).every((s) => s === '[cue][c1]')).toBe(true);
    expect(h.writes.get('e')).toEqual(['[cue][c1]']);
    expect(h.acks).toEqual([{ seq: 1 }, { seq: 2 }]);
    // The next chat pass is whole again and reports its cost.
    h.w.chat('show', b('[c2]'), 3);
    h.runTurns();
    expect(h.acks[2]?.seq).toBe(3);
    expect(h.acks[2]?.cpuMs).toBeGreaterThan(0);
  });

  it('lets a second cue finish the first: unreached sockets get both in one write', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd', 'e'] });
    h.w.broadcast('show', b('[q1]'), 1);
    h.w.broadcast('show', b('[q2]'), 2);
    h.runTurns();
    expect(Object.values(h.streams()).every((s) => s === '[q1][q2]')).toBe(true);
    expect(h.writes.get('e')).toEqual(['[q1][q2]']);
    expect(h.acks).toEqual([{ seq: 1 }, { seq: 2 }]);
  });

  it('writes another show’s cue before the chat pass in progress, which goes on after it', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd'], other: ['x', 'y', 'z', 'w'] });
    h.w.chat('show', b('[c1]'), 1);
    h.w.broadcast('other', b('[cue]'), 2);
    h.runTurns();
    expect(h.order).toEqual(['a', 'b', 'x', 'y', 'z', 'w', 'c', 'd']);
    expect(h.streams()).toEqual({ a: '[c1]', b: '[c1]', c: '[c1]', d: '[c1]', x: '[cue]', y: '[cue]', z: '[cue]', w: '[cue]' });
    expect(h.acks.map((a) => a.seq)).toEqual([2, 1]);
    expect(h.acks[1]?.cpuMs).toBeGreaterThan(0);
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
    h.runTurns();
    expect(h.streams()).toMatchObject({ a: '[cue]', b: '[cue]', c: '[cue]' });
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

  it('keeps every socket’s stream in the order its show sent, however chat, cues and turns interleave', () => {
    // A small deterministic generator: each seed is one interleaving, replayable from the failure message.
    for (let seed = 1; seed <= 300; seed++) {
      let x = seed;
      const rand = (n: number) => {
        x = (x * 1103515245 + 12345) % 2147483648;
        return Math.floor((x / 2147483648) * n);
      };
      const shows = { s1: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], s2: ['x', 'y', 'z'] };
      const h = harness(shows, 1 + rand(3));
      const sent: Record<string, string> = { s1: '', s2: '' };
      let seq = 0;
      for (let step = 0; step < 12; step++) {
        const show = rand(3) === 0 ? 's2' : 's1';
        const frame = `[${show}:${step}]`;
        sent[show] += frame;
        if (rand(3) === 0) h.w.broadcast(show, b(frame), seq++);
        else h.w.chat(show, b(frame), seq++);
        for (let t = rand(3); t > 0 && h.turns.length > 0; t--) h.turns.shift()!();
      }
      h.runTurns();
      const streams = h.streams();
      for (const [show, sockets] of Object.entries(shows)) for (const sock of sockets) expect(streams[sock] ?? '', `seed ${seed}, socket ${sock}`).toBe(sent[show]);
      expect(h.acks.map((a) => a.seq).sort((p, q) => p - q), `seed ${seed}`).toEqual([...Array(seq).keys()]);
    }
  });
});
