/**
 * Shared by bench:flash-sale and bench:coupon-burst: a fresh relay on loopback, N viewers
 * registered outside the timed window, each from its own source address (127.x.y.z: the relay
 * budgets new devices and unpaid orders per network, and real buyers are on many networks), then
 * N single requests spread evenly over one second, each on its viewer's own keep-alive socket,
 * and the relay's SQLite file read afterwards.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { sourceAddress } from '../helpers/source-address.js';
import { percentile, round1 } from '../helpers/stats.js';

export const BUYERS = Math.min(20_000, Number(process.env.BENCH_BUYERS ?? 2000));
export const SPREAD_MS = 1000;
export const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 64);

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  /** From the instant the request was due (its "tap") to the end of the answer, in ms. */
  ms: number;
  /** How late this process itself sent it (the load generator shares the 2 cores). */
  lateMs: number;
}

/**
 * Every n-th buyer (BENCH_RETRY_EVERY, else `fallback`; 0 = none) sends its request twice at the
 * same instant with the same idempotency key, the second on a new connection: a phone retrying an
 * answer it has not seen yet. Returns the timed taps in order, a retrier's duplicate right behind it.
 */
export function retryTaps(buyers: number, fallback: number): { every: number; isRetrier: (i: number) => boolean; taps: { i: number; retry: boolean }[] } {
  const every = Math.max(0, Math.min(1000, Number(process.env.BENCH_RETRY_EVERY ?? fallback)));
  const isRetrier = (i: number) => every > 0 && i % every === every - 1;
  const taps: { i: number; retry: boolean }[] = [];
  for (let i = 0; i < buyers; i++) {
    taps.push({ i, retry: false });
    if (isRetrier(i)) taps.push({ i, retry: true });
  }
  return { every, isRetrier, taps };
}

/** Buyer i's source address: one network per buyer. */
export const buyerAddress = sourceAddress;

export function makeClient(relay: RunningRelay) {
  const url = new URL(relay.url);
  // The agent pools per (host, port, local address): each buyer keeps its own socket from registration to the burst.
  const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });
  const attempt = (method: string, p: string, body: unknown, studio: boolean, due: number, from: string | undefined, retried: boolean): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const lateMs = performance.now() - due;
      const text = body === undefined ? '' : JSON.stringify(body);
      const req = http.request(
        { host: url.hostname, port: url.port, method, path: p, agent, ...(from ? { localAddress: from } : {}), headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(studio ? { authorization: `Bearer ${relay.studioKey}` } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks).toString();
            let parsed: Record<string, unknown> = {};
            try {
              parsed = JSON.parse(raw) as Record<string, unknown>;
            } catch {
              parsed = { raw };
            }
            resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - due, lateMs });
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', (e: NodeJS.ErrnoException) => {
        // The server closed an idle keep-alive socket just as it was reused (Node's documented race):
        // once more on a fresh socket, as a browser does. The latency still counts from the due instant.
        if (!retried && req.reusedSocket && e.code === 'ECONNRESET') resolve(attempt(method, p, body, studio, due, from, true));
        else reject(e);
      });
      req.end(text);
    });
  const send = (method: string, p: string, body?: unknown, studio = false, due = performance.now(), from?: string): Promise<Reply> => attempt(method, p, body, studio, due, from, false);
  return { send, agent };
}

/** Runs `count` async jobs with at most `width` in flight. */
export async function inBatches<T>(count: number, width: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await job(i);
      }
    }),
  );
  return out;
}

/** Fires `count` requests, the i-th due at i × SPREAD_MS / count; latency counts from the due instant. */
export async function burst(count: number, fire: (i: number, due: number) => Promise<Reply>): Promise<Reply[]> {
  const t0 = performance.now() + 50;
  const replies: Promise<Reply>[] = [];
  for (let i = 0; i < count; i++) {
    const due = t0 + (i * SPREAD_MS) / count;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    replies.push(fire(i, due).catch((e: Error) => ({ status: 0, body: { error: e.message }, ms: performance.now() - due, lateMs: 0 })));
  }
  return Promise.all(replies);
}

/** A relay on its own data directory, which stays after it stops so the benchmark can read SQLite. */
export async function freshRelay(): Promise<{ relay: RunningRelay; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lc-bench-commerce-'));
  // BENCH_RELAY_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the relay's process.
  const nodeOptions = process.env.BENCH_RELAY_NODE_OPTIONS;
  try {
    return { relay: await startRelay({ dataDir, ...(nodeOptions ? { env: { NODE_OPTIONS: nodeOptions } } : {}) }), dataDir };
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Stops the relay, then opens its SQLite file read-only: what survived is what was committed. */
export async function afterStop<T>(relay: RunningRelay, dataDir: string, read: (db: Database.Database) => T): Promise<{ result: T; commits: Record<string, unknown> | null }> {
  await relay.stop();
  const line = relay
    .output()
    .split('\n')
    .find((l) => l.includes('"commerce commits"'));
  const db = new Database(path.join(dataDir, 'relay.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return { result: read(db), commits: line ? (JSON.parse(line) as Record<string, unknown>) : null };
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function latencyLine(replies: Reply[]) {
  // BENCH_DUMP=file writes every request (index in tap order, status, latency) for a closer look at the tail.
  if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, replies.map((r, i) => `${i},${r.status},${r.ms.toFixed(1)},${r.lateMs.toFixed(1)}`).join('\n') + '\n');
  const ms = replies.map((r) => r.ms);
  const late = replies.map((r) => r.lateMs);
  return { p50: round1(percentile(ms, 50)), p95: round1(percentile(ms, 95)), p99: round1(percentile(ms, 99)), n: ms.length, sender_late_p99: round1(percentile(late, 99)), loadavg_1m: round1(os.loadavg()[0]!) };
}

export const median = (xs: number[]) => percentile(xs, 50);

/** The relay's p99 over the bare server's, measured in the same run (ratios travel between machines). */
export const ratio = (p99: number, floorP99: number) => Math.round((p99 / Math.max(floorP99, 0.1)) * 100) / 100;

/**
 * Just before the timed window, one cheap request from every buyer's address: the relay (like the
 * bare server) closes idle keep-alive sockets after 5 s, and buyers already have the page open.
 */
export async function warmSockets(count: number, request: (i: number) => Promise<unknown>): Promise<void> {
  await inBatches(count, SOCKETS, request);
}

/** CPU seconds (user + system) the relay's own node process has used so far. */
export function relayCpuSeconds(relay: RunningRelay): number {
  // `tsx server/src/main.ts` runs the relay in a child node process (whose own children are Janus and the viewer workers).
  const launcher = relay.proc.pid!;
  const children = readFileSync(`/proc/${launcher}/task/${launcher}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  const pid = children.find((c) => readFileSync(`/proc/${c}/comm`, 'utf8').trim() === 'node') ?? launcher;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

type Send = ReturnType<typeof makeClient>['send'];

/** A live show with the catalog handed over and a watch link (studio calls from 127.0.0.1). */
export async function openShow(send: Send, title: string, catalog: unknown): Promise<{ showId: string; token: string }> {
  const showId = ((await send('POST', '/api/shows', { title }, true)).body.id as string) ?? '';
  const put = await send('PUT', `/api/shows/${showId}/catalog`, catalog, true);
  if (put.status !== 200) throw new Error(`catalog refused: ${JSON.stringify(put.body)}`);
  await send('POST', `/api/shows/${showId}/start`, {}, true);
  const token = String((await send('POST', `/api/shows/${showId}/links`, {}, true)).body.url).split('/w/')[1]!;
  return { showId, token };
}

/** Registers viewer i from `from(i)` (untimed), as many at once as the pool is wide. */
export async function registerViewers(send: Send, token: string, count: number, from: (i: number) => string): Promise<string[]> {
  return inBatches(count, SOCKETS, async (i) => {
    const r = await send('POST', `/api/watch/${token}/viewers`, { viewerId: null, nickname: null }, false, performance.now(), from(i));
    if (r.status !== 200) throw new Error(`registration ${i} refused: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.viewerId as string;
  });
}
