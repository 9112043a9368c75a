import { fork } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describeZodError } from '../../../common/errors.js';
import type { Logger, LogLevel } from '../log.js';
import type { FanoutActivity } from './fanout-activity.js';
import type { ViewerSocket } from './viewer-socket.js';
import { ViewerWorker, WorkerConnection } from './worker-connection.js';
import { WorkerToRelay } from './worker-protocol.js';
import { CHAT_BATCH_MS } from '../config.js';

// Beside this file, with its extension: .ts under tsx (fork inherits tsx's loader flags), .js when built.
const here = fileURLToPath(import.meta.url);
export const WORKER_FILE = path.join(path.dirname(here), `viewer-worker${path.extname(here)}`);
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 3000;
/** Unanswered broadcasts a worker may owe before it counts as stuck (each holds a frame in memory here). */
const MAX_WORKER_BACKLOG = 1000;

export interface ViewerWorkerPoolOptions {
  count: number;
  heartbeatMs: number;
  /** The shortest period of a show's chat passes (RELAY_CHAT_BATCH_MS; widened for a large audience). */
  chatBatchMs?: number;
  /** A worker that leaves a broadcast or ping unanswered this long is killed and replaced. */
  stallMs: number;
  /** Told when broadcasts start and finish, so background work can wait for a quiet moment. */
  activity?: FanoutActivity;
  logLevel: LogLevel;
  log: Logger;
  /** Node flags for the workers; default: this process's own (under tsx, its TypeScript loader). */
  execArgv?: string[];
  /** A worker finished a handshake: drive the viewer channel on the new socket. */
  onConnection(conn: ViewerSocket): void;
}

/**
 * Node closes our copy of a sent socket only when the worker acknowledges it, and until then our
 * side still reads it and throws the bytes away: the viewer's hello, sent as soon as the worker's
 * 101 arrives, could land here and be lost (seen about once in 6,000 joins). Stop reading first.
 */
function stopReading(socket: Duplex): void {
  const handle = (socket as Duplex & { _handle?: { readStop?: () => number; reading?: boolean } })._handle;
  if (handle?.readStop) {
    handle.reading = false;
    handle.readStop();
  }
}

/**
 * Forks the viewer workers, hands /ws/watch sockets to the least-loaded one, and restarts a
 * worker that dies (its viewers count as gone at once; the watch page reconnects by itself).
 */
export class ViewerWorkerPool {
  private readonly workers: (ViewerWorker | null)[];
  private readonly failures: number[];
  private readonly restartTimers = new Set<NodeJS.Timeout>();
  private nextConn = 0;
  private stopping = false;
  private watchdog: NodeJS.Timeout | null = null;
  private lastWatch = Date.now();

  constructor(private readonly opts: ViewerWorkerPoolOptions) {
    this.workers = Array.from({ length: opts.count }, () => null);
    this.failures = Array.from({ length: opts.count }, () => 0);
  }

  /** Forks every worker and waits (bounded) until they can take sockets; until then viewers are served in-process. */
  async start(): Promise<void> {
    this.watchdog = setInterval(() => this.watch(), this.watchEveryMs);
    this.watchdog.unref();
    const ready = this.workers.map((_, i) => this.spawn(i));
    const timeout = new Promise<void>((r) => setTimeout(r, READY_TIMEOUT_MS).unref());
    await Promise.race([Promise.all(ready), timeout]);
    const notReady = this.workers.filter((w) => !w?.ready).length;
    if (notReady > 0) this.opts.log.warn('viewer workers not ready; serving those viewers in-process meanwhile', { notReady });
  }

  private spawn(index: number): Promise<void> {
    const { heartbeatMs, logLevel, log, chatBatchMs = CHAT_BATCH_MS } = this.opts;
    const child = fork(WORKER_FILE, [String(heartbeatMs), logLevel, String(index), String(chatBatchMs)], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: this.opts.execArgv ?? process.execArgv });
    const worker = new ViewerWorker(index, child, this.opts.activity ?? null);
    this.workers[index] = worker;
    return new Promise((resolve) => {
      const onMessage = (raw: unknown): void => {
        const parsed = WorkerToRelay.safeParse(raw);
        if (!parsed.success) return log.warn('dropped a bad message from a viewer worker', { worker: index, error: describeZodError(parsed.error) });
        const m = parsed.data;
        if (m.k === 'ready') {
          worker.ready = true;
          log.info('viewer worker ready', { worker: index, pid: m.pid });
          return resolve();
        }
        if (m.k === 'open') {
          const address = worker.settled(m.c);
          if (address === null) return;
          const conn = new WorkerConnection(worker, m.c, address);
          worker.conns.set(m.c, conn);
          return this.opts.onConnection(conn);
        }
        if (m.k === 'gone') return void worker.settled(m.c);
        if (m.k === 'ack') return worker.acked(m.seq);
        if (m.k === 'input') return worker.conns.get(m.c)?.input({ text: m.text, size: m.size, binary: m.binary });
        const conn = worker.conns.get(m.c);
        worker.conns.delete(m.c);
        conn?.gone();
      };
      // What a viewer said reaches the viewer channel from here: nothing it sets off may end the relay.
      child.on('message', (raw) => {
        try {
          onMessage(raw);
        } catch (e) {
          log.error('handling a viewer worker message failed', { worker: index, error: (e as Error).message });
        }
      });
      child.on('error', (e) => log.error('viewer worker error', { worker: index, error: e.message }));
      // A worker whose channel broke is of no use: make sure it is gone, so it is restarted.
      child.on('disconnect', () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      });
      child.once('exit', (code, signal) => {
        resolve();
        this.exited(worker, code, signal);
      });
    });
  }

  private exited(worker: ViewerWorker, code: number | null, signal: NodeJS.Signals | null): void {
    const { index } = worker;
    if (this.workers[index] === worker) this.workers[index] = null;
    const viewers = worker.conns.size;
    worker.released();
    worker.dropWaiting();
    const conns = [...worker.conns.values()];
    worker.conns.clear();
    for (const conn of conns) conn.gone();
    if (this.stopping) return;
    // Back off when it keeps dying young (0.5 s → 10 s), like the Janus supervisor.
    this.failures[index] = Date.now() - worker.startedAt > 30_000 ? 1 : this.failures[index]! + 1;
    const inMs = Math.min(10_000, 500 * 2 ** (this.failures[index]! - 1));
    this.opts.log.error('viewer worker exited; restarting', { worker: index, code, signal, viewers, inMs });
    const timer = setTimeout(() => {
      this.restartTimers.delete(timer);
      if (!this.stopping) void this.spawn(index);
    }, inMs);
    this.restartTimers.add(timer);
  }

  /**
   * Pings every worker and kills one that has not answered within stallMs or owes too many
   * broadcasts: a hung worker (an endless loop, a stopped process) would otherwise hold its
   * viewers without cues and let the queue to it grow. Its exit then restarts it as for a crash.
   */
  private watch(): void {
    const now = Date.now();
    // Were we blocked ourselves (a long synchronous job, a pause)? Then answers may be waiting
    // unread behind this timer: judge nobody this round.
    const late = now - this.lastWatch > 2 * this.watchEveryMs;
    this.lastWatch = now;
    if (late) return;
    for (const w of this.workers) {
      if (!w?.ready || !w.child.connected) continue;
      const lagMs = w.lagMs(now);
      if (lagMs > this.opts.stallMs || w.backlog > MAX_WORKER_BACKLOG) {
        this.opts.log.error('viewer worker stalled; killing it', { worker: w.index, pid: w.child.pid, lagMs, backlog: w.backlog, viewers: w.conns.size });
        w.child.kill('SIGKILL');
      } else w.ping();
    }
  }

  private get watchEveryMs(): number {
    return Math.max(50, Math.floor(this.opts.stallMs / 4));
  }

  /** Hands an upgrade of /ws/watch to the least-loaded ready worker; false when none can take it. */
  handOff(req: IncomingMessage, socket: Duplex, head: Buffer, address: string): boolean {
    let worker: ViewerWorker | null = null;
    for (const w of this.workers) if (w?.usable && (!worker || w.load < worker.load)) worker = w;
    if (!worker || this.stopping) return false;
    const c = this.nextConn++;
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
    stopReading(socket);
    worker.handOff({ k: 'upgrade', c, method: req.method ?? 'GET', url: req.url ?? '/', headers, head }, socket as Socket, address);
    return true;
  }

  /** Asks every worker to say goodbye to its viewers and exit; kills any that take too long. */
  async close(): Promise<void> {
    this.stopping = true;
    if (this.watchdog) clearInterval(this.watchdog);
    for (const t of this.restartTimers) clearTimeout(t);
    this.restartTimers.clear();
    await Promise.all(
      this.workers.map((w) => {
        if (!w || w.child.exitCode !== null || w.child.signalCode !== null) return undefined;
        return new Promise<void>((resolve) => {
          const kill = setTimeout(() => w.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          w.child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          w.post({ k: 'stop' });
        });
      }),
    );
  }

  /** Synchronous last resort when the relay process exits without closing. */
  kill(): void {
    this.stopping = true;
    if (this.watchdog) clearInterval(this.watchdog);
    for (const w of this.workers) if (w && w.child.exitCode === null) w.child.kill('SIGKILL');
  }
}
