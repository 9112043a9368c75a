/**
 * npm run bench:chat-fanout — delivery latency of viewers' chat through the real relay, in its
 * default mode (viewer workers), on loopback. 200 senders (each its own device id with a nickname,
 * its own 127.x.y.z network; one C process holds them all: chat-senders.ts, chat-senders.c) send 1 message a second each for 20 s (4,000
 * messages, within the per-device budget of 1/s with bursts of 3), evenly interleaved (one every
 * 5 ms); 5,000 receivers (the C load generator of bench:cue-fanout) hold the show. Each message is
 * stamped with CLOCK_MONOTONIC at its send (chat-stamps.ts); each receiver records arrival − stamp.
 * During the storm the studio fires 30 cues 400 ms apart (as bench:cue-fanout does) and the same
 * receivers time them. Every message is accounted for: sent, acked (posted), refused, delivered,
 * lost (posted but missing at some receiver connected throughout), duplicated, unexpected (a
 * refused message that reached someone). CPU is % of one core over the storm. In the same run the
 * floor (chat-floor.ts): the same receivers and schedule against a bare writer; ratio_p99 =
 * relay p99 ÷ floor p99. Last line: JSON.
 * Env: BENCH_RECEIVERS (5000, ≤ 20,000), BENCH_SENDERS (200, ≤ 1,000), BENCH_STORM_S (20, ≤ 120),
 * BENCH_LOAD_PROCESSES (1), BENCH_FLOOR=0 (skip the floor), BENCH_CUES (30; 0 to see the chat alone), BENCH_RELAY_LOG (a file for the relay's log of the storm);
 * RELAY_CHAT_BATCH_MS reaches the relay; the floor paces at the period the relay's workers used. The viewer workers' chat passes (wall
 * and CPU time per pass, from the relay's debug log) say whether a slow delivery was short of a core;
 * the slowest messages against the cues' times say whether the cues make the chat's tail.
 */
import os from 'node:os';
import { writeFileSync } from 'node:fs';
import { RelayConfig } from '../../server/src/config.js';
import { percentile, round1 } from '../helpers/stats.js';
import { runChatFloor } from './chat-floor.js';
import { openSenders, type Senders } from './chat-senders.js';
import { account, histPercentile } from './chat-stamps.js';
import { clock, cpuSeconds, LOAD, openViewers, type Viewers } from './fanout-load.js';
import { api, relayPids, startFanoutRelay } from './fanout-relay.js';

const bounded = (name: string, fallback: number, max: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`${name} must be an integer 1..${max}`);
  return v;
};
const RECEIVERS = bounded('BENCH_RECEIVERS', 5000, 20_000);
const SENDERS = bounded('BENCH_SENDERS', 200, 1000);
const STORM_S = bounded('BENCH_STORM_S', 20, 120);
const LOAD_PROCESSES = bounded('BENCH_LOAD_PROCESSES', 1, 8);
/** The relay's configured window (RELAY_CHAT_BATCH_MS); it widens it for a large audience (chat-window.ts). */
const BATCH_MS = RelayConfig.shape.chatBatchMs.parse(process.env.RELAY_CHAT_BATCH_MS);
/** Each sender: one message a second, the relay's sustained per-device chat budget. */
const PER_SENDER_PER_S = 1;
const MESSAGES = SENDERS * PER_SENDER_PER_S * STORM_S;
const PERIOD_MS = 1000 / (SENDERS * PER_SENDER_PER_S);
/** After the last send, how long the receivers may still take before the count (late = lost). */
const DRAIN_MS = 5000;
const CUES = Number(process.env.BENCH_CUES ?? 30);
if (!Number.isInteger(CUES) || CUES < 0 || CUES > 100) throw new Error('BENCH_CUES must be an integer 0..100');
const CUE_GAP_MS = 400;
/** Cues start a few seconds into the storm, when the chat is at full rate. */
const CUES_AFTER_MS = 3000;

// The receivers live through joining, the storm, the drain and the floor's run: more than the 120 s a cue run needs.
process.env.FANOUT_GIVE_UP_S ??= '300';
if (LOAD.kind !== 'c') throw new Error('bench:chat-fanout needs the C load generator (fanout-viewers.c): it alone counts chat deliveries');

/** Fires the storm's cues; returns when each was fired (their captureMs). */
async function fireCues(relay: Awaited<ReturnType<typeof startFanoutRelay>>, showId: string): Promise<number[]> {
  const cueTimes: number[] = [];
  await new Promise((r) => setTimeout(r, CUES_AFTER_MS));
  let version = (await api<{ version: number }>(relay, 'GET', `/api/shows/${showId}/stage`)).version;
  for (let i = 0; i < CUES; i++) {
    const op = i % 2 === 0 ? { op: 'pin', cards: [{ productId: `p${i}`, name: `상품 ${i}`, imageUrls: [], currency: 'KRW', price: 39000, salePrice: 29000, stock: 10, externalUrl: null }] } : { op: 'clearCards' };
    const captureMs = clock();
    cueTimes.push(captureMs);
    version = (await api<{ version: number }>(relay, 'POST', `/api/shows/${showId}/cues`, { firingId: `chat-storm-${i}`, baseVersion: version, captureMs, op })).version;
    await new Promise((r) => setTimeout(r, CUE_GAP_MS));
  }
  return cueTimes;
}

/**
 * CPU seconds the relay (main process and viewer workers) has used since this call. Read every
 * second, because a worker the relay kills and replaces mid-storm takes its counters with it: a dead
 * worker counts up to its last reading, a replacement from its start.
 */
function relayCpuMeter(launcherPid: number) {
  const seen = new Map<number, { from: number; last: number }>();
  const read = (pid: number) => {
    try {
      return cpuSeconds(pid);
    } catch {
      return null; // gone
    }
  };
  const sample = (initial: boolean) => {
    let pids: number[] = [];
    try {
      pids = relayPids(launcherPid);
    } catch {
      // the relay is between workers
    }
    for (const pid of pids) {
      const now = read(pid);
      if (now === null) continue;
      const s = seen.get(pid);
      if (s) s.last = now;
      else seen.set(pid, { from: initial ? now : 0, last: now });
    }
    for (const [pid, s] of seen) s.last = read(pid) ?? s.last;
  };
  sample(true);
  const timer = setInterval(() => sample(false), 1000);
  return {
    stop() {
      clearInterval(timer);
      sample(false);
      return [...seen.values()].reduce((sum, s) => sum + s.last - s.from, 0);
    },
    processes: () => seen.size,
  };
}

/**
 * The viewer workers' chat passes over the storm, from their debug log (viewer-worker.ts): wall
 * time against CPU time tells a writer short of a core from one with too much to write; the wait
 * and the batches merged per pass tell a worker that fell behind.
 */
function chatPasses(log: string) {
  const passes = log.split('\n').filter((l) => l.includes('"chat fan-out"')).map((l) => JSON.parse(l) as { passMs: number; cpuMs: number; waitMs: number; written: number; periodMs: number });
  const p = (key: 'passMs' | 'cpuMs' | 'waitMs' | 'written', q: number) => round1(percentile(passes.map((x) => x[key]), q));
  return {
    chat_passes: passes.length, chat_pass_wall_p50: p('passMs', 50), chat_pass_wall_p99: p('passMs', 99), chat_pass_cpu_p50: p('cpuMs', 50), chat_pass_cpu_p99: p('cpuMs', 99),
    chat_pass_wait_p99: p('waitMs', 99), chat_pass_written_p50: p('written', 50),
  };
}

/** From a message's send, the span in which a cue counts as its neighbour (ms before, ms after). */
const NEAR_CUE = [-50, 200] as const;

/**
 * Whether cues make the chat's tail: of the slowest 1 % of messages (by their slowest arrival),
 * how many were sent from 50 ms after to 200 ms before a cue; and the 90th percentile of messages'
 * slowest arrival while cues fire and outside that span.
 */
function slowestByCue(slowest: Map<number, { sentMs: number; maxMs: number }>, cues: readonly number[]) {
  const msgs = [...slowest.values()];
  if (msgs.length === 0 || cues.length === 0) return {};
  const near = (m: { sentMs: number }) => cues.some((c) => c - m.sentMs >= NEAR_CUE[0] && c - m.sentMs <= NEAR_CUE[1]);
  const top = [...msgs].sort((a, b) => b.maxMs - a.maxMs).slice(0, Math.max(1, Math.round(msgs.length / 100)));
  const [first, last] = [Math.min(...cues), Math.max(...cues)];
  const during = msgs.filter((m) => m.sentMs >= first - NEAR_CUE[1] && m.sentMs <= last + CUE_GAP_MS).map((m) => m.maxMs);
  const outside = msgs.filter((m) => m.sentMs < first - NEAR_CUE[1] || m.sentMs > last + CUE_GAP_MS).map((m) => m.maxMs);
  return {
    slowest_1pct_near_cue: `${top.filter(near).length}/${top.length}`,
    msg_max_p90_during_cues: round1(percentile(during, 90)),
    msg_max_p90_outside_cues: round1(percentile(outside, 90)),
  };
}

async function runRelay() {
  const relay = await startFanoutRelay();
  let load: Viewers | null = null;
  let senders: Senders | null = null;
  try {
    const show = await api<{ id: string }>(relay, 'POST', '/api/shows', { title: '채팅 폭주 벤치' });
    const link = await api<{ url: string }>(relay, 'POST', `/api/shows/${show.id}/links`, {});
    await api(relay, 'POST', `/api/shows/${show.id}/start`);
    const token = link.url.split('/w/')[1]!;
    load = await openViewers(relay.url.replace('http', 'ws') + '/ws/watch', token, RECEIVERS, LOAD_PROCESSES);
    console.error(`  ${RECEIVERS} receivers joined`);
    senders = await openSenders(relay.url, token, SENDERS);
    console.error(`  ${SENDERS} senders registered and joined; storm of ${MESSAGES} messages starts`);
    await new Promise((r) => setTimeout(r, 2500)); // let the join storm's count broadcasts settle

    const pids = relayPids(relay.proc.pid!);
    const relayCpu = relayCpuMeter(relay.proc.pid!);
    const s = senders;
    const [main0, load0, senders0] = [cpuSeconds(pids[0]!), load.cpu(), s.cpu()];
    const logFrom = relay.output().length;
    const t0 = Date.now();
    const [sent, cueTimes] = await Promise.all([s.storm(MESSAGES, PERIOD_MS), fireCues(relay, show.id)]);
    const secs = (Date.now() - t0) / 1000;
    console.error(`  storm over after ${round1(secs)} s; draining`);
    const pct = (used: number) => round1((used / secs) * 100);
    const cpuUse = { cpu_pct: pct(relayCpu.stop()), main_cpu_pct: pct(cpuSeconds(pids[0]!) - main0), load_cpu_pct: pct(load.cpu() - load0), senders_cpu_pct: pct(s.cpu() - senders0) };
    await new Promise((r) => setTimeout(r, DRAIN_MS)); // the last acks and deliveries (late = lost)
    const [{ acks, closed: sendersClosed }, { latencies: cueLatencies, byCue, perCue, chat, closed }] = await Promise.all([s.report(), load.report()]);
    if (perCue.length > 0) console.error(`  per cue (p50/p99/max ms): ${perCue.join('  ')}`);
    // One slow cue is 1/30 of the deliveries, more than the 1 % the p99 looks at: is the tail one cue or all of them?
    const cueP99s = [...byCue.values()].map((l) => percentile(l, 99));
    const posted = new Set([...acks].filter(([, a]) => a.posted).map(([seq]) => seq));
    const refused: Record<string, number> = {};
    for (const a of acks.values()) if (a.refusal) refused[a.refusal] = (refused[a.refusal] ?? 0) + 1;
    const refusedSeqs = new Set([...acks].filter(([, a]) => a.refusal !== null).map(([seq]) => seq));
    const acc = account(posted, refusedSeqs, chat, RECEIVERS);
    const ackMs = [...acks.values()].map((a) => a.ms);
    // The relay kills a viewer worker that leaves a broadcast unanswered for 10 s (and its viewers reconnect elsewhere).
    const stalls = relay.output().slice(logFrom).split('\n').filter((l) => l.includes('viewer worker stalled'));
    stalls.forEach((l) => console.error(`  ${l}`));
    const stormLog = relay.output().slice(logFrom);
    if (process.env.BENCH_RELAY_LOG) writeFileSync(process.env.BENCH_RELAY_LOG, stormLog);
    const passes = chatPasses(stormLog);
    const windows = stormLog.split('\n').filter((l) => l.includes('"chat fan-out"')).map((l) => (JSON.parse(l) as { periodMs: number }).periodMs);
    const n = [...chat.hist.values()].reduce((a, b) => a + b, 0);
    return {
      receivers: RECEIVERS, senders: SENDERS, per_sender_per_s: PER_SENDER_PER_S, storm_s: round1(secs), sent, ...acc, refused, unacked: sent - acks.size,
      disconnected: closed, worker_stalls: stalls.length, senders_disconnected: sendersClosed, n,
      p50: round1(histPercentile(chat.hist, 50)), p95: round1(histPercentile(chat.hist, 95)), p99: round1(histPercentile(chat.hist, 99)), max: round1(histPercentile(chat.hist, 100)),
      ack_p50: round1(percentile(ackMs, 50)), ack_p99: round1(percentile(ackMs, 99)),
      cue_n: cueLatencies.length, cue_expected: CUES * RECEIVERS, cue_p50: round1(percentile(cueLatencies, 50)), cue_p99: round1(percentile(cueLatencies, 99)), cue_max: round1(cueLatencies.reduce((a, b) => Math.max(a, b), 0)),
      cue_p99_of_cues_median: round1(percentile(cueP99s, 50)), cues_p99_over_100: cueP99s.filter((x) => x > 100).length,
      ...cpuUse, relay_processes: relayCpu.processes(), ...passes, ...slowestByCue(chat.slowest, cueTimes),
      // The period the viewer workers paced their chat passes at (each pass logs it; chat-window.ts).
      window_ms: windows.length > 0 ? percentile(windows, 50) : BATCH_MS, window_max_ms: windows.length > 0 ? Math.max(...windows) : BATCH_MS,
    };
  } finally {
    senders?.kill();
    load?.kill();
    await relay.stop();
  }
}

const r = await runRelay();
console.log(
  `chat-fanout: ${r.senders} senders × ${r.per_sender_per_s}/s for ${r.storm_s} s to ${r.receivers} receivers: sent ${r.sent}, posted ${r.acked}, refused ${JSON.stringify(r.refused)}, unacked ${r.unacked}; ` +
    `delivered ${r.delivered}/${r.acked * r.receivers}, lost ${r.lost}, duplicated ${r.duplicated}, unexpected ${r.unexpected}, delivered but unacked ${r.delivered_unacked}, receivers disconnected ${r.disconnected}, senders disconnected ${r.senders_disconnected}, worker stalls ${r.worker_stalls}; ` +
    `latency p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms (${r.n} samples); sender ack p50 ${r.ack_p50} / p99 ${r.ack_p99} ms`,
);
console.log(`cues during the storm: ${r.cue_n}/${r.cue_expected} deliveries, p50 ${r.cue_p50} ms, p99 ${r.cue_p99} ms, max ${r.cue_max} ms; each cue's own p99: median ${r.cue_p99_of_cues_median} ms, ${r.cues_p99_over_100} of ${CUES} over 100 ms`);
console.log(`chat pass period: median ${r.window_ms} ms, widest ${r.window_max_ms} ms (configured ${BATCH_MS} ms)`);
console.log(`cues and the chat's tail: of the slowest 1 % of messages, ${r.slowest_1pct_near_cue} were sent from 50 ms after to 200 ms before a cue; messages' slowest arrival p90 ${r.msg_max_p90_during_cues} ms while cues fire, ${r.msg_max_p90_outside_cues} ms outside`);
console.log(`viewer workers' chat passes: ${r.chat_passes}, wall p50 ${r.chat_pass_wall_p50} / p99 ${r.chat_pass_wall_p99} ms for CPU p50 ${r.chat_pass_cpu_p50} / p99 ${r.chat_pass_cpu_p99} ms; queued before a pass p99 ${r.chat_pass_wait_p99} ms; sockets written per pass p50 ${r.chat_pass_written_p50}`);
console.log(`CPU (% of one core over the storm): relay ${r.cpu_pct}% (${r.relay_processes} processes; main ${r.main_cpu_pct}%), receivers' load ${r.load_cpu_pct}%, senders ${r.senders_cpu_pct}%`);
const floor = process.env.BENCH_FLOOR === '0' ? null : await runChatFloor(RECEIVERS, r.sent, PERIOD_MS, LOAD_PROCESSES, DRAIN_MS, r.window_ms);
const ratio = floor ? round1(r.p99 / floor.p99) : null;
if (floor) console.log(`ratio_p99 (relay ÷ floor): ${ratio}`);
console.log(JSON.stringify({ bench: 'chat-fanout', metric: 'viewer-to-viewers chat delivery', unit: 'ms', ...r, floor, ratio_p99: ratio, batch_ms: BATCH_MS, load: LOAD.kind, cores: os.cpus().length }));
// Anything missing, doubled, leaked or dropped fails the run (the figures above still stand).
if (r.lost > 0 || r.unexpected > 0 || r.duplicated > 0 || r.disconnected > 0 || r.unacked > 0 || r.cue_n !== r.cue_expected) process.exitCode = 1;
