/**
 * npm run bench:cue-fanout — delivery latency of cues from the studio to N viewers through the
 * real relay (loopback only; no media). For N = 1,000, 5,000 and 10,000, each in its own run with
 * a fresh relay: a load process holds N viewers, this process fires CUES cues (HTTP, studio key)
 * stamped with its clock, and every viewer's receive time is compared with the stamp. Also reports
 * the relay's CPU over the firing period (% of one core). Last line: the 10,000 run.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, ROOT, startRelay, type RunningRelay } from '../helpers/processes.js';
import { percentile, round1 } from '../helpers/stats.js';

const RUNS = (process.env.BENCH_VIEWERS ?? '1000,5000,10000').split(',').map(Number);
const CUES = Number(process.env.BENCH_CUES ?? 30);
const GAP_MS = 400;
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const clock = () => performance.timeOrigin + performance.now();

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

async function run(viewers: number) {
  // Sockets beyond the default 1,024 descriptors: raise the limit for the relay and the load process.
  const relay = await startRelay({ env: { RELAY_JANUS_API_PORT: String(await freePort()), RELAY_LOG_LEVEL: 'debug' }, wrap: ['bash', '-c', 'ulimit -n $(ulimit -Hn) 2>/dev/null; exec "$0" "$@"'] });
  try {
    const show = await api<{ id: string }>(relay, 'POST', '/api/shows', { title: `fan-out ${viewers}` });
    const link = await api<{ url: string }>(relay, 'POST', `/api/shows/${show.id}/links`, {});
    await api(relay, 'POST', `/api/shows/${show.id}/start`);
    const load = spawn('bash', ['-c', 'ulimit -n $(ulimit -Hn) 2>/dev/null; exec "$0" "$@"', TSX, 'tests/bench/fanout-viewers.ts', relay.url.replace('http', 'ws') + '/ws/watch', link.url.split('/w/')[1]!, String(viewers)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = (async function* () {
      let buf = '';
      for await (const chunk of load.stdout!) {
        buf += chunk.toString();
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          yield buf.slice(0, i);
          buf = buf.slice(i + 1);
        }
      }
    })();
    const ready = JSON.parse((await lines.next()).value as string) as { ready: number };
    if (ready.ready !== viewers) throw new Error(`only ${ready.ready} of ${viewers} viewers connected`);
    await new Promise((r) => setTimeout(r, 2500)); // let the join-storm's count broadcasts settle

    const pids = relayPids(relay.proc.pid!);
    const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const cpu0 = cpu();
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
    const firingLog = relay.output().slice(logFrom).split('\n');
    load.stdin!.write('report\n');
    const { latencies } = JSON.parse((await lines.next()).value as string) as { latencies: number[] };
    const expected = viewers * CUES;
    const relayLines = firingLog.filter((l) => l.includes('"cue fired"')).map((l) => JSON.parse(l) as { storeMs: number; fanoutMs: number });
    const fanoutMs = relayLines.map((l) => l.fanoutMs);
    const storeMs = relayLines.map((l) => l.storeMs);
    // Each viewer worker's own loop over its sockets, per broadcast (debug log lines).
    const workerMs = firingLog.filter((l) => l.includes('"viewer fan-out"')).map((l) => (JSON.parse(l) as { loopMs: number }).loopMs);
    const result = { viewers, n: latencies.length, expected, p50: round1(percentile(latencies, 50)), p95: round1(percentile(latencies, 95)), p99: round1(percentile(latencies, 99)), max: round1(latencies.reduce((a, b) => Math.max(a, b), 0)), cpu_pct: round1(cpuPct), relay_processes: pids.length, relay_fanout_p50: percentile(fanoutMs, 50), relay_fanout_p99: percentile(fanoutMs, 99), worker_loop_p50: workerMs.length ? percentile(workerMs, 50) : null, worker_loop_p99: workerMs.length ? percentile(workerMs, 99) : null, relay_store_p50: percentile(storeMs, 50) };
    const workers = result.worker_loop_p50 === null ? 'no viewer workers' : `each worker's socket loop p50 ${result.worker_loop_p50} / p99 ${result.worker_loop_p99} ms`;
    console.log(`cue-fanout ${viewers} viewers: ${result.n}/${expected} deliveries, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms, relay CPU ${result.cpu_pct}% of one core (${pids.length} processes); inside the relay: durable write p50 ${result.relay_store_p50} ms, fan-out loop p50 ${result.relay_fanout_p50} / p99 ${result.relay_fanout_p99} ms; ${workers}`);
    if (process.env.BENCH_RELAY_LOG) writeFileSync(process.env.BENCH_RELAY_LOG, firingLog.join('\n'));
    if (latencies.length !== expected) throw new Error(`lost deliveries: ${expected - latencies.length}`);
    return result;
  } finally {
    await relay.stop();
  }
}

const results = [];
for (const viewers of RUNS) results.push(await run(viewers));
const last = results[results.length - 1]!;
console.log(JSON.stringify({ bench: 'cue-fanout', metric: 'studio-to-viewer cue delivery', unit: 'ms', ...last, cues: CUES, runs: results, cores: os.cpus().length }));
