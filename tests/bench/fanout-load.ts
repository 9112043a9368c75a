/**
 * The simulated viewers of bench:cue-fanout: the load generator (C unless BENCH_LOAD=node),
 * one or more load processes holding them, and the latencies they report.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/processes.js';
import { percentile, round1 } from '../helpers/stats.js';

export { clock } from '../helpers/mono-clock.js';

export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}
export const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
export const isNode = (pid: number) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node';

/**
 * Builds one of the C load generators (tests/bench/<name>.c, with ws-client.h) with the C compiler
 * that better-sqlite3's build already needs; returns its path, or throws when there is no compiler.
 */
export function buildC(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `lc-${name}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const bin = path.join(dir, name);
  execFileSync('cc', ['-O2', '-o', bin, path.join(ROOT, `tests/bench/${name}.c`)], { stdio: ['ignore', 'ignore', 'pipe'] });
  return bin;
}

/**
 * The load generator: the C one (fanout-viewers.c) unless BENCH_LOAD=node or there is no
 * compiler. On two cores it shares the CPU with the relay, and the Node one's own reading cost
 * dominates at 10,000.
 */
function loadCommand(): { kind: 'c' | 'node'; argv: string[] } {
  if (process.env.BENCH_LOAD !== 'node') {
    try {
      return { kind: 'c', argv: [buildC('fanout-viewers')] };
    } catch (e) {
      console.error(`cue-fanout: no C load generator (${(e as Error).message.split('\n')[0]}); using the Node one`);
    }
  }
  return { kind: 'node', argv: [path.join(ROOT, 'node_modules/.bin/tsx'), 'tests/bench/fanout-viewers.ts'] };
}
export const LOAD = loadCommand();

/** What one load process reports; `chat` and `closed` only the C one (bench:chat-fanout). */
interface LoadReport {
  byCue: Record<string, number[]>;
  chat?: { counts: [number, number][]; hist: [number, number][]; maxes?: [number, number, number][] };
  closed?: number;
}

/** Stamped chat messages as the viewers received them: arrivals per message seq, latencies as a 0.1 ms histogram. */
export interface ChatDeliveries {
  counts: Map<number, number>;
  hist: Map<number, number>;
  /** Per message seq: its send stamp and its slowest arrival (ms), for telling which messages made the tail. */
  slowest: Map<number, { sentMs: number; maxMs: number }>;
}

/** A load process's stdout as one JSON value per line: each call resolves with the next (rejects when the process ended without it). */
export function jsonLines(proc: ChildProcess): () => Promise<unknown> {
  const lines = (async function* () {
    let buf = '';
    for await (const chunk of proc.stdout!) {
      buf += (chunk as Buffer).toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        yield buf.slice(0, i);
        buf = buf.slice(i + 1);
      }
    }
  })();
  return async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`load process ${proc.pid} ended (exit ${proc.exitCode})`);
    return JSON.parse(line.value) as unknown;
  };
}

/** One load process holding n viewers, with its stdout read line by line; `prefix` runs it elsewhere (`ip netns exec <ns>`). */
function startLoad(wsUrl: string, token: string, n: number, prefix: string[]) {
  const [cmd, ...args] = [...prefix, 'bash', '-c', 'ulimit -n $(ulimit -Hn) 2>/dev/null; exec "$0" "$@"', ...LOAD.argv, wsUrl, token, String(n)];
  const proc = spawn(cmd!, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const next = jsonLines(proc);
  return {
    proc,
    ready: async () => ((await next()) as { ready: number }).ready,
    report: async () => {
      proc.stdin!.write('report\n');
      return (await next()) as LoadReport;
    },
  };
}

export interface Viewers {
  procs: ChildProcess[];
  /** CPU seconds the load processes have used so far. */
  cpu(): number;
  /** Every delivery's latency, also by cue (its captureMs), and p50/p99/max per cue; stamped chat deliveries; sockets the server closed. */
  report(): Promise<{ latencies: number[]; byCue: Map<number, number[]>; perCue: string[]; chat: ChatDeliveries; closed: number }>;
  kill(): void;
}

/** Opens n viewers on the viewer channel at wsUrl, split over `processes` load processes, and waits until all are welcomed. */
export async function openViewers(wsUrl: string, token: string, n: number, processes: number, prefix: string[] = []): Promise<Viewers> {
  const shares = Array.from({ length: processes }, (_, i) => Math.floor(n / processes) + (i < n % processes ? 1 : 0)).filter((k) => k > 0);
  const loads = shares.map((k) => startLoad(wsUrl, token, k, prefix));
  const viewers: Viewers = {
    procs: loads.map((l) => l.proc),
    cpu: () => loads.reduce((sum, l) => sum + cpuSeconds(childrenOf(l.proc.pid!).find(isNode) ?? l.proc.pid!), 0),
    async report() {
      const byCue = new Map<string, number[]>();
      const chat: ChatDeliveries = { counts: new Map(), hist: new Map(), slowest: new Map() };
      let closed = 0;
      for (const r of await Promise.all(loads.map((l) => l.report()))) {
        for (const [sent, list] of Object.entries(r.byCue)) byCue.set(sent, [...(byCue.get(sent) ?? []), ...list]);
        for (const [seq, k] of r.chat?.counts ?? []) chat.counts.set(seq, (chat.counts.get(seq) ?? 0) + k);
        for (const [b, k] of r.chat?.hist ?? []) chat.hist.set(b, (chat.hist.get(b) ?? 0) + k);
        for (const [seq, sentMs, maxMs] of r.chat?.maxes ?? []) chat.slowest.set(seq, { sentMs, maxMs: Math.max(maxMs, chat.slowest.get(seq)?.maxMs ?? 0) });
        closed += r.closed ?? 0;
      }
      const perCue = [...byCue.values()].map((l) => `${round1(percentile(l, 50))}/${round1(percentile(l, 99))}/${round1(l.reduce((a, b) => Math.max(a, b), 0))}`);
      return { latencies: [...byCue.values()].flat(), byCue: new Map([...byCue].map(([sent, list]) => [Number(sent), list])), perCue, chat, closed };
    },
    kill: () => loads.forEach((l) => l.proc.exitCode === null && l.proc.kill('SIGKILL')),
  };
  try {
    const ready = (await Promise.all(loads.map((l) => l.ready()))).reduce((a, b) => a + b, 0);
    if (ready !== n) throw new Error(`only ${ready} of ${n} viewers connected`);
  } catch (e) {
    viewers.kill();
    throw e;
  }
  return viewers;
}
