/**
 * npm run bench:cue-fanout — delivery latency of cues from the studio to N viewers through the
 * real relay (loopback only; no media). For N = 1,000, 5,000 and 10,000, each in its own run with
 * a fresh relay: load processes hold N viewers, this process fires CUES cues (HTTP, studio key)
 * stamped with its clock, and every viewer's receive time is compared with the stamp. Also reports
 * the CPU over the firing period (% of one core) of the relay (main process + viewer workers) and
 * of the load. Last line: the 10,000 run.
 * Env: BENCH_VIEWERS=10000 (runs), BENCH_CUES, BENCH_LOAD=node (Node load generator instead of C),
 * BENCH_LOAD_PROCESSES, BENCH_FLOOR=1 (also the bare-writer floor, see fanout-floor.ts),
 * RELAY_VIEWER_WORKERS (passed to the relay), BENCH_RELAY_LOG=file (the relay's log while firing).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { percentile, round1 } from '../helpers/stats.js';
import { runFloor } from './fanout-floor.js';
import { clock, cpuSeconds, LOAD, openViewers, type Viewers } from './fanout-load.js';
import { api, relayPids, startFanoutRelay } from './fanout-relay.js';

const RUNS = (process.env.BENCH_VIEWERS ?? '1000,5000,10000').split(',').map(Number);
const CUES = Number(process.env.BENCH_CUES ?? 30);
const GAP_MS = 400;
const LOAD_PROCESSES = Number(process.env.BENCH_LOAD_PROCESSES ?? 1);

async function run(viewers: number) {
  const relay = await startFanoutRelay();
  let load: Viewers | null = null;
  try {
    const show = await api<{ id: string }>(relay, 'POST', '/api/shows', { title: `fan-out ${viewers}` });
    const link = await api<{ url: string }>(relay, 'POST', `/api/shows/${show.id}/links`, {});
    await api(relay, 'POST', `/api/shows/${show.id}/start`);
    const joinStart = Date.now();
    load = await openViewers(relay.url.replace('http', 'ws') + '/ws/watch', link.url.split('/w/')[1]!, viewers, LOAD_PROCESSES);
    const joinS = round1((Date.now() - joinStart) / 1000);
    await new Promise((r) => setTimeout(r, 2500)); // let the join-storm's count broadcasts settle

    const pids = relayPids(relay.proc.pid!);
    const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const cpu0 = cpu();
    const mainCpu0 = cpuSeconds(pids[0]!);
    // The load processes share the same two cores; their CPU is reported beside the relay's.
    const loadCpu0 = load.cpu();
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
    const loadCpuPct = ((load.cpu() - loadCpu0) / ((Date.now() - t0) / 1000)) * 100;
    const firingLog = relay.output().slice(logFrom).split('\n');
    const { latencies, perCue } = await load.report();
    console.error(`  per cue (p50/p99/max ms): ${perCue.join('  ')}`);
    const expected = viewers * CUES;
    const relayLines = firingLog.filter((l) => l.includes('"cue fired"')).map((l) => JSON.parse(l) as { storeMs: number; fanoutMs: number });
    const fanoutMs = relayLines.map((l) => l.fanoutMs);
    const storeMs = relayLines.map((l) => l.storeMs);
    // Each viewer worker's pass over its sockets, per broadcast, first slice to last (debug log lines).
    const workerMs = firingLog.filter((l) => l.includes('"viewer fan-out"')).map((l) => (JSON.parse(l) as { passMs: number }).passMs);
    const result = { viewers, join_s: joinS, n: latencies.length, expected, p50: round1(percentile(latencies, 50)), p95: round1(percentile(latencies, 95)), p99: round1(percentile(latencies, 99)), max: round1(latencies.reduce((a, b) => Math.max(a, b), 0)), cpu_pct: round1(cpuPct), main_cpu_pct: round1(mainCpuPct), load_cpu_pct: round1(loadCpuPct), load: LOAD.kind, load_processes: load.procs.length, relay_processes: pids.length, relay_fanout_p50: percentile(fanoutMs, 50), relay_fanout_p99: percentile(fanoutMs, 99), worker_pass_p50: workerMs.length ? percentile(workerMs, 50) : null, worker_pass_p99: workerMs.length ? percentile(workerMs, 99) : null, relay_store_p50: percentile(storeMs, 50) };
    const workers = result.worker_pass_p50 === null ? 'no viewer workers' : `each worker's pass over its sockets p50 ${result.worker_pass_p50} / p99 ${result.worker_pass_p99} ms`;
    console.log(`cue-fanout ${viewers} viewers (joined in ${joinS} s): ${result.n}/${expected} deliveries, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms, relay CPU ${result.cpu_pct}% of one core (${pids.length} processes; main ${result.main_cpu_pct}%), load (${LOAD.kind}, ${load.procs.length} process${load.procs.length > 1 ? 'es' : ''}) ${result.load_cpu_pct}%; inside the relay: durable write p50 ${result.relay_store_p50} ms, fan-out loop p50 ${result.relay_fanout_p50} / p99 ${result.relay_fanout_p99} ms; ${workers}`);
    if (process.env.BENCH_RELAY_LOG) writeFileSync(process.env.BENCH_RELAY_LOG, firingLog.join('\n'));
    if (latencies.length !== expected) throw new Error(`lost deliveries: ${expected - latencies.length}`);
    return result;
  } finally {
    load?.kill();
    await relay.stop();
  }
}

const results = [];
for (const viewers of RUNS) results.push(await run(viewers));
const last = results[results.length - 1]!;
// BENCH_FLOOR=1: the same viewers against a bare write loop (no relay), in-process and in two writer processes.
const floor = [];
if (process.env.BENCH_FLOOR) for (const writers of [0, 2]) floor.push(await runFloor(last.viewers, writers, CUES, GAP_MS, LOAD_PROCESSES));
console.log(JSON.stringify({ bench: 'cue-fanout', metric: 'studio-to-viewer cue delivery', unit: 'ms', ...last, cues: CUES, runs: results, ...(floor.length ? { floor } : {}), cores: os.cpus().length }));
