/**
 * npm run bench:cue-fanout — delivery latency of cues from the studio to N viewers through the
 * real relay (loopback only; no media). For N = 1,000, 5,000 and 10,000, each in its own run with
 * a fresh relay: load processes hold N viewers, this process fires CUES cues (HTTP, studio key)
 * stamped with its clock, and every viewer's receive time is compared with the stamp. Also reports
 * the relay's CPU over the firing period (% of one core). Last line: the 10,000 run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ROOT, startRelay, type RunningRelay } from '../helpers/processes.js';
import { percentile, round1 } from '../helpers/stats.js';

const RUNS = (process.env.BENCH_VIEWERS ?? '1000,5000,10000').split(',').map(Number);
const CUES = Number(process.env.BENCH_CUES ?? 30);
const GAP_MS = 400;
const LOAD_PROCESSES = Number(process.env.BENCH_LOAD_PROCESSES ?? 1);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
/** CLOCK_MONOTONIC in ms, the clock both load generators read (process.hrtime / clock_gettime). */
const clock = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * The load generator: the C one (fanout-viewers.c, built here with the C compiler that
 * better-sqlite3's build already needs) unless BENCH_LOAD=node or there is no compiler. On two
 * cores it shares the CPU with the relay, and the Node one's own reading cost dominates at 10,000.
 */
function loadCommand(): { kind: 'c' | 'node'; argv: string[] } {
  if (process.env.BENCH_LOAD !== 'node') {
    const bin = path.join(mkdtempSync(path.join(os.tmpdir(), 'lc-fanout-')), 'fanout-viewers');
    try {
      execFileSync('cc', ['-O2', '-o', bin, path.join(ROOT, 'tests/bench/fanout-viewers.c')], { stdio: ['ignore', 'ignore', 'pipe'] });
      return { kind: 'c', argv: [bin] };
    } catch (e) {
      console.error(`cue-fanout: no C load generator (${(e as Error).message.split('\n')[0]}); using the Node one`);
    }
  }
  return { kind: 'node', argv: [TSX, 'tests/bench/fanout-viewers.ts'] };
}
const LOAD = loadCommand();

function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const isNode = (pid: number) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node';

/**
 * The relay's own node process (tsx runs it as a child of its launcher) and its viewer workers
 * (its node children; Janus, its other child, is not counted).
 */
function relayPids(launcherPid: number): number[] {
  const main = childrenOf(launcherPid).find(isNode) ?? launcherPid;
  return [main, ...childrenOf(main).filter(isNode)];
}

async function api<T>(relay: RunningRelay, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(relay.url + p, { method, headers: { authorization: `Bearer ${relay.studioKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** One load process holding n viewers, with its stdout read line by line. */
function startLoad(wsUrl: string, token: string, n: number) {
  const proc = spawn('bash', ['-c', 'ulimit -n $(ulimit -Hn) 2>/dev/null; exec "$0" "$@"', ...LOAD.argv, wsUrl, token, String(n)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = (async function* () {
    let buf = '';
    for await (const chunk of proc.stdout!) {
      buf += chunk.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        yield buf.slice(0, i);
        buf = buf.slice(i + 1);
      }
    }
  })();
  const next = async () => JSON.parse((await lines.next()).value as string) as unknown;
  return {
    proc,
    ready: async () => ((await next()) as { ready: number }).ready,
    report: async () => {
      proc.stdin!.write('report\n');
      return (await next()) as { byCue: Record<string, number[]> };
    },
  };
}

async function run(viewers: number) {
  // Sockets beyond the default 1,024 descriptors: raise the limit for the relay and the load processes.
  const relay = await startRelay({ env: { RELAY_JANUS_API_PORT: String(await freePort()), RELAY_LOG_LEVEL: 'debug' }, wrap: ['bash', '-c', 'ulimit -n $(ulimit -Hn) 2>/dev/null; exec "$0" "$@"'] });
  let loads: ReturnType<typeof startLoad>[] = [];
  try {
    const show = await api<{ id: string }>(relay, 'POST', '/api/shows', { title: `fan-out ${viewers}` });
    const link = await api<{ url: string }>(relay, 'POST', `/api/shows/${show.id}/links`, {});
    await api(relay, 'POST', `/api/shows/${show.id}/start`);
    // BENCH_LOAD_PROCESSES > 1 splits the viewers over several load processes.
    const shares = Array.from({ length: LOAD_PROCESSES }, (_, i) => Math.floor(viewers / LOAD_PROCESSES) + (i < viewers % LOAD_PROCESSES ? 1 : 0)).filter((n) => n > 0);
    loads = shares.map((n) => startLoad(relay.url.replace('http', 'ws') + '/ws/watch', link.url.split('/w/')[1]!, n));
    const ready = (await Promise.all(loads.map((l) => l.ready()))).reduce((a, b) => a + b, 0);
    if (ready !== viewers) throw new Error(`only ${ready} of ${viewers} viewers connected`);
    await new Promise((r) => setTimeout(r, 2500)); // let the join-storm's count broadcasts settle

    const pids = relayPids(relay.proc.pid!);
    const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const cpu0 = cpu();
    const mainCpu0 = cpuSeconds(pids[0]!);
    // The load processes share the same two cores; their CPU is reported beside the relay's.
    const loadPids = loads.map((l) => childrenOf(l.proc.pid!).find(isNode) ?? l.proc.pid!);
    const loadCpu = () => loadPids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const loadCpu0 = loadCpu();
    const logFrom = relay.output().length;
    const t0 = Date.now();
    let version = (await api<{ version: number }>(relay, 'GET', `/api/shows/${show.id}/stage`)).version;
    for (let i = 0; i < CUES; i++) {
      const op = i % 2 === 0 ? { op: 'pin', cards: [{ productId: `p${i}`, name: `상품 ${i}`, imageUrls: [], currency: 'KRW', price: 39000, salePrice: 29000, stock: 10, externalUrl: null }] } : { op: 'clearCards' };
      const stage = await api<{ version: number }>(relay, 'POST', `/api/shows/${show.id}/cues`, { firingId: `b${viewers}x${i}`, baseVersion: version, captureMs: clock(), op });
      version = stage.version;
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    const cpuPct = ((cpu() - cpu0) / ((Date.now() - t0) / 1000)) * 100;
    const mainCpuPct = ((cpuSeconds(pids[0]!) - mainCpu0) / ((Date.now() - t0) / 1000)) * 100;
    const loadCpuPct = ((loadCpu() - loadCpu0) / ((Date.now() - t0) / 1000)) * 100;
    const firingLog = relay.output().slice(logFrom).split('\n');
    const byCue = new Map<string, number[]>();
    for (const report of await Promise.all(loads.map((l) => l.report()))) {
      for (const [sent, list] of Object.entries(report.byCue)) byCue.set(sent, [...(byCue.get(sent) ?? []), ...list]);
    }
    const latencies = [...byCue.values()].flat();
    const perCue = [...byCue.values()].map((l) => `${round1(percentile(l, 50))}/${round1(percentile(l, 99))}/${round1(Math.max(...l))}`);
    console.error(`  per cue (p50/p99/max ms): ${perCue.join('  ')}`);
    const expected = viewers * CUES;
    const relayLines = firingLog.filter((l) => l.includes('"cue fired"')).map((l) => JSON.parse(l) as { storeMs: number; fanoutMs: number });
    const fanoutMs = relayLines.map((l) => l.fanoutMs);
    const storeMs = relayLines.map((l) => l.storeMs);
    // Each viewer worker's own loop over its sockets, per broadcast (debug log lines).
    const workerMs = firingLog.filter((l) => l.includes('"viewer fan-out"')).map((l) => (JSON.parse(l) as { loopMs: number }).loopMs);
    const result = { viewers, n: latencies.length, expected, p50: round1(percentile(latencies, 50)), p95: round1(percentile(latencies, 95)), p99: round1(percentile(latencies, 99)), max: round1(latencies.reduce((a, b) => Math.max(a, b), 0)), cpu_pct: round1(cpuPct), main_cpu_pct: round1(mainCpuPct), load_cpu_pct: round1(loadCpuPct), load: LOAD.kind, load_processes: loads.length, relay_processes: pids.length, relay_fanout_p50: percentile(fanoutMs, 50), relay_fanout_p99: percentile(fanoutMs, 99), worker_loop_p50: workerMs.length ? percentile(workerMs, 50) : null, worker_loop_p99: workerMs.length ? percentile(workerMs, 99) : null, relay_store_p50: percentile(storeMs, 50) };
    const workers = result.worker_loop_p50 === null ? 'no viewer workers' : `each worker's socket loop p50 ${result.worker_loop_p50} / p99 ${result.worker_loop_p99} ms`;
    console.log(`cue-fanout ${viewers} viewers: ${result.n}/${expected} deliveries, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms, relay CPU ${result.cpu_pct}% of one core (${pids.length} processes; main ${result.main_cpu_pct}%), load (${LOAD.kind}, ${loads.length} process${loads.length > 1 ? 'es' : ''}) ${result.load_cpu_pct}%; inside the relay: durable write p50 ${result.relay_store_p50} ms, fan-out loop p50 ${result.relay_fanout_p50} / p99 ${result.relay_fanout_p99} ms; ${workers}`);
    if (process.env.BENCH_RELAY_LOG) writeFileSync(process.env.BENCH_RELAY_LOG, firingLog.join('\n'));
    if (latencies.length !== expected) throw new Error(`lost deliveries: ${expected - latencies.length}`);
    return result;
  } finally {
    for (const l of loads) if (l.proc.exitCode === null) l.proc.kill('SIGKILL');
    await relay.stop();
  }
}

const results = [];
for (const viewers of RUNS) results.push(await run(viewers));
const last = results[results.length - 1]!;
console.log(JSON.stringify({ bench: 'cue-fanout', metric: 'studio-to-viewer cue delivery', unit: 'ms', ...last, cues: CUES, runs: results, cores: os.cpus().length }));
