import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log.js';
import { clipsDir, replayFile } from '../replay/replay-paths.js';
import { FfmpegError } from '../media/niced-ffmpeg.js';
import { ClipCut } from './clip-cutter.js';
import type { ClipStore } from './clip-store.js';

export interface ClipJobsOptions {
  store: ClipStore;
  dataDir: string;
  ffmpegBin: string;
  /** Cuts at once; 1 by default: a 2-core relay must keep a core for live shows. */
  concurrency: number;
  log: Logger;
  /** Told whenever a clip's status or progress changed (the studio's events). */
  changed?(clipId: string): void;
}

/** Progress is stored at most this often per clip (SQLite writes). */
const PROGRESS_EVERY_MS = 500;

export const clipDir = (dataDir: string, showId: string, clipId: string) => path.join(clipsDir(dataDir, showId), clipId);

/**
 * The clip queue: durable in the clips table (a queued clip survives a restart; a cut interrupted
 * by one is queued again, since cutting is repeatable), run by at most `concurrency` ffmpeg
 * children. The relay only spawns and reads progress lines: its event loop never does media work.
 */
export class ClipJobs {
  private readonly running = new Map<string, ClipCut>();
  private stopped = false;

  constructor(private readonly o: ClipJobsOptions) {}

  /** Resumes what the last run left: interrupted cuts go back to the queue, then the queue runs. */
  start(): void {
    const n = this.o.store.requeueInterrupted();
    if (n) this.o.log.info('clip cuts interrupted by a restart are queued again', { clips: n });
    this.pump();
  }

  /** A clip was queued (or re-queued): a cut of it still running is stale and is stopped. */
  kick(clipId?: string): void {
    if (clipId) this.running.get(clipId)?.cancel();
    this.pump();
  }

  /** Stops a running cut of a clip being deleted, then removes its files. */
  async discard(showId: string, clipId: string): Promise<void> {
    this.running.get(clipId)?.cancel();
    await rm(clipDir(this.o.dataDir, showId, clipId), { recursive: true, force: true });
  }

  get active(): number {
    return this.running.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const cut of this.running.values()) cut.cancel();
    // The rows stay 'cutting': the next start queues them again.
    for (let i = 0; i < 250 && this.running.size; i++) await new Promise((r) => setTimeout(r, 20));
  }

  private pump(): void {
    while (!this.stopped && this.running.size < this.o.concurrency) {
      const row = this.o.store.takeNext();
      if (!row) return;
      const cut = new ClipCut(this.o.ffmpegBin);
      this.running.set(row.id, cut);
      this.o.changed?.(row.id);
      void this.run(row.id, row.show_id, row.in_sec, row.out_sec, cut).finally(() => {
        if (this.running.get(row.id) === cut) this.running.delete(row.id);
        this.o.changed?.(row.id);
        this.pump();
      });
    }
  }

  private async run(id: string, showId: string, inSec: number, outSec: number, cut: ClipCut): Promise<void> {
    const started = Date.now();
    const source = replayFile(this.o.dataDir, showId);
    if (!existsSync(source)) {
      this.o.store.finish(id, { ok: false, code: 'no_replay', message: 'the replay file is gone (deleted recording)' });
      return;
    }
    let lastWrite = 0;
    try {
      await cut.run({ source, inSec, outSec, dir: clipDir(this.o.dataDir, showId, id) }, (fraction) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = now;
        this.o.store.progress(id, fraction);
        this.o.changed?.(id);
      });
      this.o.store.finish(id, { ok: true });
      this.o.log.info('clip cut', { clip: id, show: showId, sec: +(outSec - inSec).toFixed(2), tookMs: Date.now() - started });
    } catch (e) {
      if (e instanceof FfmpegError && e.code === 'cancelled') return; // re-cut, deleted or stopping: the row says what is next
      const code = e instanceof FfmpegError ? e.code : 'internal';
      const message = e instanceof Error ? e.message : String(e);
      this.o.store.finish(id, { ok: false, code, message });
      this.o.log.warn('clip cut failed', { clip: id, show: showId, code, error: message });
    }
  }
}
