import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log.js';
import type { PostProcessMessage } from './post-process-child.js';
import type { PostProcessTools } from './post-process.js';
import type { RecordingStore } from './recording-store.js';

export interface RecordingJobsOptions {
  store: RecordingStore;
  dataDir: string;
  tools: PostProcessTools;
  /** Post-processing children at once; 1 by default: a 2-core relay keeps a core for live shows. */
  concurrency: number;
  log: Logger;
  /** Told whenever a recording's status or progress changed. */
  changed?(showId: string): void;
  /** A recording goes to processing: what was made from its earlier replay (the MP4 rendition) is stale. */
  processing?(showId: string): void;
  /** A replay became ready (the MP4 rendition is made from it). */
  ready?(showId: string): void;
}

const CHILD = fileURLToPath(new URL('./post-process-child.ts', import.meta.url));
/** Progress is stored at most this often per show (SQLite writes). */
const PROGRESS_EVERY_MS = 500;

/**
 * The post-processing queue: shows whose recording is `processing`, run by at most `concurrency`
 * children under `nice` (the relay's event loop only reads their messages). Durable in the table:
 * a run cut by a restart is run again (processing is repeatable from the raw parts).
 */
export class RecordingJobs {
  private readonly queue: string[] = [];
  private readonly running = new Map<string, ChildProcess>();
  private stopped = false;

  constructor(private readonly o: RecordingJobsOptions) {}

  start(): void {
    const left = this.o.store.leftovers();
    if (left.length) this.o.log.info('recordings left by the last run are processed', { shows: left.length });
    for (const showId of left) this.enqueue(showId);
  }

  /** End show: the recording (if any) goes to processing. */
  ended(showId: string): void {
    this.enqueue(showId);
  }

  /** A failed recording processed again (the seller freed disk space); false when it is not failed. */
  retry(showId: string): boolean {
    return this.enqueue(showId, true);
  }

  private enqueue(showId: string, retry = false): boolean {
    if (this.stopped || this.running.has(showId) || this.queue.includes(showId)) return false;
    if (!this.o.store.markProcessing(showId, retry)) return false;
    this.o.processing?.(showId);
    this.o.changed?.(showId);
    this.queue.push(showId);
    this.pump();
    return true;
  }

  get active(): number {
    return this.running.size;
  }

  private pump(): void {
    while (!this.stopped && this.running.size < this.o.concurrency && this.queue.length) this.run(this.queue.shift()!);
  }

  private run(showId: string): void {
    const job = JSON.stringify({ dataDir: this.o.dataDir, showId, tools: this.o.tools });
    // `nice` via the exec path: the child and its janus-pp-rec/ffmpeg children all run at low priority.
    const child = fork(CHILD, [job], { execPath: 'nice', execArgv: ['-n', '10', process.execPath, ...process.execArgv], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.running.set(showId, child);
    let settled = false;
    let lastProgress = 0;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-1000)));
    child.on('message', (raw: PostProcessMessage) => {
      if (raw?.type === 'progress' && Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        this.o.store.progress(showId, raw.progress);
        this.o.changed?.(showId);
      } else if (raw?.type === 'done') {
        settled = true;
        this.o.store.ready(showId, raw);
        this.o.log.info('replay ready', { showId, parts: raw.parts, bytes: raw.bytes, durationMs: raw.durationMs });
        this.o.ready?.(showId);
      } else if (raw?.type === 'failed') {
        settled = true;
        this.o.store.failed(showId, raw.reason);
        this.o.log.warn('replay processing failed', { showId, reason: raw.reason });
      }
    });
    const finish = (why: string) => {
      if (this.running.get(showId) !== child) return;
      this.running.delete(showId);
      // Stopped by the relay's own close: left `processing`, so the next start runs it again.
      if (!settled && !this.stopped) {
        this.o.store.failed(showId, `the processing child ${why}${stderr ? `: ${stderr.trim().split('\n').slice(-2).join(' | ')}` : ''}`);
        this.o.log.warn('replay processing child died', { showId, why });
      }
      this.o.changed?.(showId);
      this.pump();
    };
    child.on('error', (e) => finish(`could not start (${e.message})`));
    child.on('exit', (code, signal) => finish(signal ? `was killed (${signal})` : `exited ${code}`));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const kids = [...this.running.values()];
    for (const c of kids) c.kill('SIGTERM');
    await Promise.all(kids.map((c) => (c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((r) => c.once('exit', r)))));
  }
}
