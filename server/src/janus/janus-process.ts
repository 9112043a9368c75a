import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';

export interface JanusProcessEvents {
  exit: [code: number | null, signal: NodeJS.Signals | null];
  spawned: [pid: number];
}

/**
 * Runs Janus as a child of the relay and restarts it when it dies (backoff up to 10 s).
 * Its output goes to a log file beside its configuration, not into the relay's structured log.
 */
export class JanusProcess extends EventEmitter<JanusProcessEvents> {
  private child: ChildProcess | null = null;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private failuresInARow = 0;
  private logFile: WriteStream;
  restarts = 0;

  constructor(
    private readonly bin: string,
    private readonly configFile: string,
    private readonly log: Logger,
  ) {
    super();
    this.logFile = createWriteStream(path.join(path.dirname(configFile), 'janus.log'), { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    this.stopped = false;
    const child = spawn(this.bin, ['-C', this.configFile, '-F', path.dirname(this.configFile), '--disable-colors'], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout?.pipe(this.logFile, { end: false });
    child.stderr?.pipe(this.logFile, { end: false });
    const startedAt = Date.now();
    child.once('spawn', () => {
      this.log.info('janus started', { pid: child.pid });
      this.emit('spawned', child.pid!);
    });
    child.once('error', (err) => this.log.error('janus could not be started', { error: err.message, bin: this.bin }));
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      this.emit('exit', code, signal);
      if (this.stopped) return;
      this.failuresInARow = Date.now() - startedAt > 30_000 ? 1 : this.failuresInARow + 1;
      const delay = Math.min(10_000, 500 * 2 ** (this.failuresInARow - 1));
      this.log.error('janus exited; restarting', { code, signal, inMs: delay, logFile: path.join(path.dirname(this.configFile), 'janus.log') });
      this.restartTimer = setTimeout(() => {
        this.restarts++;
        this.start();
      }, delay);
    });
  }

  /** Synchronous last resort (the relay is exiting without stop()): Janus must not outlive it. */
  kill(): void {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.child && this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
    this.logFile.end();
  }
}
