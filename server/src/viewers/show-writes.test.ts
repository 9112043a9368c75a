import { describe, expect, it } from 'vitest';
import { ShowWrites, type PassInfo } from './show-writes.js';

const PERIOD = 100;

/**
 * Sockets are names; each socket's writes are recorded. "Later" turns and timers run when the test
 * says, on a clock the test moves; a write costs 1 ms of CPU.
 */
function harness(shows: Record<string, string[]>, sliceSize = 2) {
  const writes = new Map<string, string[]>();
  /** Every write's socket, in the order written. */
  const order: string[] = [];
  const acks: number[] = [];
  const passes: PassInfo[] = [];
  const periodAsked: number[] = [];
  const turns: (() => void)[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  let cpu = 0;
  let clock = 0;
  const w = new ShowWrites<string>({
    write: (s, frame) => {
      cpu += 1;
      order.push(s);
      writes.set(s, [...(writes.get(s) ?? []), frame.toString()]);
    },
    later: (fn) => void turns.push(fn),
    after: (ms, fn) => void timers.push({ at: clock + ms, fn }),
    ack: (seq) => void acks.push(seq),
    cpuMs: () => cpu,
    now: () => clock,
    periodMs: (passCpuMs) => {
      periodAsked.push(passCpuMs);
      return PERIOD;
    },
    passDone: (p) => void passes.push(p),
    sliceSize,
  });
  for (const [show, sockets] of Object.entries(shows)) for (const s of sockets) w.join(show, s);
  const runTurns = () => {
    while (turns.length > 0) turns.shift()!();
  };
  /** Moves the clock by ms, firing the timers due. */
  const advance = (ms: number) => {
    clock += ms;
    for (const t of timers.filter((x) => x.at <= clock)) {
      timers.splice(timers.indexOf(t), 1);
      t.fn();
    }
  };
  /** Runs everything there is to run: turns, then timers, until nothing is left. */
  const settle = () => {
    for (let i = 0; i < 1000 && (turns.length > 0 || timers.length > 0); i++) {
      runTurns();
      if (timers.length > 0) advance(Math.max(0, Math.min(...timers.map((t) => t.at)) - clock));
    }
  };
  /** What each socket received, as one stream. */
  const streams = () => Object.fromEntries([...writes].map(([s, list]) => [s, list.join('')]));
  return { w, writes, order, acks, passes, periodAsked, turns, timers, runTurns, advance, settle, streams };
}

const b = (s: string) => Buffer.from(s);

describe('ShowWrites', () => {
  it('writes a show’s first chat at once, a slice per turn, and acks it when every socket has it', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd', 'e'] });
    h.w.chat('show', b('[c1]'), 1);
    expect([...h.writes.keys()]).toEqual(['a', 'b']);
    expect(h.acks).toEqual([]);
    h.runTurns();
    expect(h.streams()).toEqual({ a: '[c1]', b: '[c1]', c: '[c1]', d: '[c1]', e: '[c1]' });
    expect(h.acks).toEqual([1]);
    expect(h.passes).toMatchObject([{ urgent: false, sockets: 5, written: 5, cpuMs: 5, cut: false }]);
  });

  it('paces a show’s chat passes a period apart from the start of the last, and sizes the period by what a pass cost', () => {
    const h = harness({ show: ['a', 'b', 'c'] });
    h.w.chat('show', b('[c1]'), 1);
    h.runTurns();
    h.advance(30);
    h.w.chat('show', b('[c2]'), 2);
    h.w.chat('show', b('[c3]'), 3);
    h.runTurns();
    expect(h.streams()).toEqual({ a: '[c1]', b: '[c1]', c: '[c1]' });
    expect(h.timers.map((t) => t.at)).toEqual([PERIOD]);
    h.advance(PERIOD - 30);
    h.runTurns();
    // Both messages in one write per socket.
    expect(h.writes.get('c')).toEqual(['[c1]', '[c2][c3]']);
    expect(h.acks).toEqual([1, 2, 3]);
    // The first pass's cost (3 writes) set the second's period.
    expect(h.periodAsked.at(-1)).toBe(3);
  });

  it('lets chat that arrives during a pass ride it to the sockets not reached yet; the reached ones get it next pass', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd'] });
    h.w.chat('show', b('[c1]'), 1);
    h.w.chat('show', b('[c2]'), 2);
    h.runTurns();
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]'], b: ['[c1]'], c: ['[c1][c2]'], d: ['[c1][c2]'] });
    expect(h.acks).toEqual([1]);
    h.settle();
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]', '[c2]'], b: ['[c1]', '[c2]'], c: ['[c1][c2]'], d: ['[c1][c2]'] });
    // The second pass wrote only the sockets that lacked something.
    expect(h.passes.map((p) => p.written)).toEqual([4, 2]);
    expect(h.acks).toEqual([1, 2]);
  });

  it('writes a cue at once with the show’s waiting chat before it, in one write, and the paced pass then has nothing left', () => {
    const h = harness({ show: ['a', 'b', 'c'] });
    h.w.chat('show', b('[c1]'), 1);
    h.runTurns();
    h.w.chat('show', b('[c2]'), 2);
    h.w.broadcast('show', b('[cue]'), 3);
    h.settle();
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]', '[c2][cue]'], b: ['[c1]', '[c2][cue]'], c: ['[c1]', '[c2][cue]'] });
    expect(h.acks).toEqual([1, 2, 3]);
  });

  it('lets a cue take over the chat pass in progress: unreached sockets first, the chat and the cue in one write', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd', 'e'] });
    h.w.chat('show', b('[c1]'), 1);
    h.w.broadcast('show', b('[cue]'), 2);
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]'], b: ['[c1]'], c: ['[c1][cue]'], d: ['[c1][cue]'] });
    h.settle();
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]', '[cue]'], b: ['[c1]', '[cue]'], c: ['[c1][cue]'], d: ['[c1][cue]'], e: ['[c1][cue]'] });
    expect(h.order).toEqual(['a', 'b', 'c', 'd', 'e', 'a', 'b']);
    expect(h.acks).toEqual([1, 2]);
    expect(h.passes.map((p) => [p.urgent, p.cut])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('writes another show’s cue before the chat pass in progress, which goes on after it', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd'], other: ['x', 'y', 'z', 'w'] });
    h.w.chat('show', b('[c1]'), 1);
    h.w.broadcast('other', b('[cue]'), 2);
    h.settle();
    expect(h.order).toEqual(['a', 'b', 'x', 'y', 'z', 'w', 'c', 'd']);
    expect(h.streams()).toEqual({ a: '[c1]', b: '[c1]', c: '[c1]', d: '[c1]', x: '[cue]', y: '[cue]', z: '[cue]', w: '[cue]' });
    expect(h.acks).toEqual([2, 1]);
  });

  it('gives a socket that joins what is sent from then on, skips one that leaves, and acks a show nobody here watches at once', () => {
    const h = harness({ show: ['a', 'b', 'c'] });
    h.w.chat('show', b('[c1]'), 1);
    h.w.join('show', 'late');
    h.w.leave('c');
    h.w.chat('show', b('[c2]'), 2);
    h.settle();
    expect(h.streams()).toEqual({ a: '[c1][c2]', b: '[c1][c2]', late: '[c2]' });
    h.w.chat('nobody', b('[x]'), 3);
    expect(h.acks).toEqual([1, 2, 3]);
    // The last socket leaving in a pass's middle ends the show's log: what it held is acknowledged.
    const g = harness({ s: ['p', 'q', 'r'] }, 1);
    g.w.chat('s', b('[m1]'), 1);
    g.w.chat('s', b('[m2]'), 2);
    for (const s of ['p', 'q', 'r']) g.w.leave(s);
    g.settle();
    expect(g.acks.sort()).toEqual([1, 2]);
  });

  it('stops writing when the worker stops: the pass in progress ends at its next turn, and nothing more is written', () => {
    const h = harness({ show: ['a', 'b', 'c', 'd'] });
    h.w.chat('show', b('[c1]'), 1);
    h.w.stop();
    h.w.broadcast('show', b('[cue]'), 2);
    h.w.chat('show', b('[c2]'), 3);
    h.settle();
    expect(Object.fromEntries(h.writes)).toEqual({ a: ['[c1]'], b: ['[c1]'] });
    expect(h.passes.map((p) => p.cut)).toEqual([true]);
  });

  it('keeps every socket’s stream in the order its show sent, however chat, cues, turns and timers interleave', () => {
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
      for (let step = 0; step < 14; step++) {
        const show = rand(3) === 0 ? 's2' : 's1';
        const frame = `[${show}:${step}]`;
        sent[show] += frame;
        if (rand(3) === 0) h.w.broadcast(show, b(frame), seq++);
        else h.w.chat(show, b(frame), seq++);
        for (let t = rand(3); t > 0 && h.turns.length > 0; t--) h.turns.shift()!();
        if (rand(2) === 0) h.advance(rand(PERIOD));
      }
      h.settle();
      const streams = h.streams();
      for (const [show, sockets] of Object.entries(shows)) for (const sock of sockets) expect(streams[sock] ?? '', `seed ${seed}, socket ${sock}`).toBe(sent[show]);
      expect([...h.acks].sort((p, q) => p - q), `seed ${seed}`).toEqual([...Array(seq).keys()]);
    }
  });
});
