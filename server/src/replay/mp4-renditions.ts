import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NO_RENDITION, type ReplayRendition } from '../../../common/replay/replay-view.js';
import type { Logger } from '../log.js';
import { FfmpegError, NicedFfmpeg } from '../media/niced-ffmpeg.js';
import { probeVideo, renditionArgs } from './mp4-rendition.js';
import { renditionFailedFile, renditionFile, renditionWorkDir, replayContainer, replayFileIn } from './replay-paths.js';

export interface Mp4RenditionsOptions {
  dataDir: string;
  ffmpegBin: string;
  ffprobeBin: string;
  /** Encodes at once; 1 by default (0: none made). A 2-core relay keeps a core for live shows. */
  concurrency: number;
  /** Shows whose recording is `ready`, newest first: looked at when the relay starts. */
  readyShows(): string[];
  log: Logger;
}

/** The lowest CPU priority: nobody waits for a fallback, while live shows, processing and clip cuts have someone waiting. */
const NICE = 19;

interface Running {
  ffmpeg: NicedFfmpeg;
  progress: number;
  cancelled: boolean;
  done: Promise<void>;
}

/**
 * The MP4 rendition queue (docs/replay.md, "MP4 rendition"): once a camera show's replay.webm is
 * ready (the replay already plays), a `nice`d ffmpeg re-encodes it to H.264 + AAC beside it.
 * Durable on disk, not in a table: the rendition file is there (ready), a failure note is there
 * (failed, not retried by itself), or neither (to be made: queued again at every start, so an
 * encode cut by a kill starts over). An encode writes into its own work directory and is renamed
 * into place only when ffmpeg exits cleanly: a half-written rendition is never served.
 */
export class Mp4Renditions {
  private readonly queue: string[] = [];
  private readonly running = new Map<string, Running>();
  private stopped = false;

  constructor(private readonly o: Mp4RenditionsOptions) {}

  /** Queues every ready camera replay without a rendition (made before a kill, or before renditions existed). */
  start(): void {
    let n = 0;
    for (const showId of this.o.readyShows()) if (this.want(showId)) n++;
    if (n) this.o.log.info('replays without an MP4 rendition are queued', { shows: n });
  }

  /** The replay is ready: its rendition is queued if it needs one (a WebM replay, none made, none failed). */
  want(showId: string): boolean {
    if (this.stopped || this.o.concurrency === 0 || this.queue.includes(showId) || this.running.has(showId)) return false;
    if (replayContainer(this.o.dataDir, showId) !== 'webm') return false;
    if (existsSync(renditionFile(this.o.dataDir, showId)) || existsSync(renditionFailedFile(this.o.dataDir, showId))) return false;
    this.queue.push(showId);
    this.pump();
    return true;
  }

  /**
   * The seller asks for a failed rendition again (POST …/recording/rendition): its failure note goes
   * and it is queued. `off` when this relay makes none (concurrency 0) or it stopped; `not_failed`
   * when the rendition is ready, queued, encoding or not needed. Synchronous, so two requests at
   * once cannot both queue it.
   */
  remake(showId: string): 'queued' | 'not_failed' | 'off' {
    if (this.stopped || this.o.concurrency === 0) return 'off';
    if (this.stateOf(showId).state !== 'failed') return 'not_failed';
    // The note alone says "failed, do not retry"; the work directory is emptied when the encode starts.
    rmSync(renditionFailedFile(this.o.dataDir, showId), { force: true });
    return this.want(showId) ? 'queued' : 'not_failed';
  }

  stateOf(showId: string): ReplayRendition {
    const run = this.running.get(showId);
    if (run) return { state: 'encoding', progress: run.progress, error: null };
    if (this.queue.includes(showId)) return { state: 'queued', progress: 0, error: null };
    if (replayContainer(this.o.dataDir, showId) !== 'webm') return NO_RENDITION;
    if (existsSync(renditionFile(this.o.dataDir, showId))) return { state: 'ready', progress: 1, error: null };
    const failed = this.failure(showId);
    return failed === null ? NO_RENDITION : { state: 'failed', progress: 0, error: failed };
  }

  /** The finished rendition's path, or null. */
  fileOf(showId: string): string | null {
    const file = renditionFile(this.o.dataDir, showId);
    return !this.running.has(showId) && existsSync(file) ? file : null;
  }

  /** The replay is deleted or made again: the encode stops and the rendition, its failure note and work files go. */
  async discard(showId: string): Promise<void> {
    const i = this.queue.indexOf(showId);
    if (i >= 0) this.queue.splice(i, 1);
    const run = this.running.get(showId);
    if (run) {
      run.cancelled = true;
      run.ffmpeg.cancel();
      await run.done;
    }
    const { dataDir } = this.o;
    await Promise.all([renditionFile(dataDir, showId), renditionFailedFile(dataDir, showId), renditionWorkDir(dataDir, showId)].map((f) => rm(f, { recursive: true, force: true })));
  }

  get active(): number {
    return this.running.size;
  }

  /** Stops the encodes; they leave no file and no failure note, so the next start queues them again. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue.length = 0;
    const runs = [...this.running.values()];
    for (const r of runs) {
      r.cancelled = true;
      r.ffmpeg.cancel();
    }
    await Promise.all(runs.map((r) => r.done));
  }

  private failure(showId: string): string | null {
    try {
      return readFileSync(renditionFailedFile(this.o.dataDir, showId), 'utf8').slice(0, 500);
    } catch {
      return null;
    }
  }

  private pump(): void {
    while (!this.stopped && this.running.size < this.o.concurrency && this.queue.length) {
      const showId = this.queue.shift()!;
      const run: Running = { ffmpeg: new NicedFfmpeg(this.o.ffmpegBin, NICE), progress: 0, cancelled: false, done: Promise.resolve() };
      this.running.set(showId, run);
      run.done = this.encode(showId, run).finally(() => {
        if (this.running.get(showId) === run) this.running.delete(showId);
        this.pump();
      });
    }
  }

  private async encode(showId: string, run: Running): Promise<void> {
    const { dataDir } = this.o;
    const work = renditionWorkDir(dataDir, showId);
    const started = Date.now();
    try {
      // Emptied first: what a killed run left there is never renamed into place.
      await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
      const source = replayFileIn(dataDir, showId, 'webm');
      const probe = await probeVideo(this.o.ffprobeBin, source);
      // Named per run: an encoder a killed relay left running writes into its own file, never this one.
      const tmp = path.join(work, `${process.pid}-${started}.mp4`);
      await run.ffmpeg.run(renditionArgs(source, tmp, probe), probe.durationSec, (p) => (run.progress = p));
      if (run.cancelled) return;
      await rename(tmp, renditionFile(dataDir, showId));
      this.o.log.info('replay MP4 rendition made', { showId, sec: Math.round(probe.durationSec), tookMs: Date.now() - started });
    } catch (e) {
      if (run.cancelled || (e instanceof FfmpegError && e.code === 'cancelled')) return;
      const reason = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      await writeFile(renditionFailedFile(dataDir, showId), reason).catch(() => undefined);
      this.o.log.warn('replay MP4 rendition failed', { showId, reason });
    } finally {
      await rm(work, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
