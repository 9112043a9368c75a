import { EventEmitter } from 'node:events';
import type { Stage } from '../../../common/stage.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import { LiveError, type LiveShows } from './live-shows.js';
import { nextExpiry, type Firing, type StageStore } from './stage-store.js';

const round = (ms: number) => Math.round(ms * 10) / 10;

export interface StageServiceEvents {
  stage: [showId: string, stage: Stage];
  /** The stage broadcast of `version` reached these devices at `at` (after its 'stage' event). */
  delivered: [showId: string, version: number, viewerIds: string[], at: number];
}

/**
 * Fires cues onto a show's stage and fans the result out: to every viewer (with the capture
 * time the viewer holds it for) and to every studio window. Also expires coupons, quizzes and
 * polls on time, whether or not anyone fires anything.
 */
export class StageService extends EventEmitter<StageServiceEvents> {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: StageStore,
    private readonly shows: ShowStore,
    private readonly live: LiveShows,
    private readonly log: Logger,
  ) {
    super();
    // A restarted relay picks up the running timers of live shows.
    for (const show of shows.listLive()) this.schedule(show.id, store.get(show.id));
  }

  /**
   * Current figures (stock, quota left, live specials) laid over a stage as it is sent, so a cue
   * fired again or a late joiner never shows the numbers from when the cue was built. Set by app.ts.
   */
  overlay: (showId: string, stage: Stage) => Stage = (_id, s) => s;

  /**
   * Whether the show's picture comes from the OBS ingest (not the studio's own camera). A cue fired
   * there carries no frame stamp; it goes out marked `holdForVideo`, and each viewer holds it for its
   * own measured video delay (stage-sync.ts, docs/obs-mode.md). Set by app.ts.
   */
  pictureIsIngest: (showId: string) => boolean = () => false;

  get(showId: string): Stage {
    return this.store.get(showId);
  }

  /** The stage as viewers see it now (with current figures). */
  view(showId: string): Stage {
    return this.overlay(showId, this.store.get(showId));
  }

  fire(showId: string, firing: Firing): Stage {
    const show = this.shows.get(showId);
    if (!show) throw new LiveError('not_found', `no show with id ${showId}`);
    if (show.status !== 'live') throw new LiveError('not_live', 'Go live (or start a rehearsal) before firing cues.');
    const t0 = performance.now();
    const fired = this.store.fire(showId, firing, Date.now());
    const stage = this.overlay(showId, fired.stage);
    if (fired.duplicate) return stage;
    const t1 = performance.now();
    // An ingest show's stampless cue belongs to the picture reaching the relay now: viewers hold it for their video delay.
    this.publish(showId, stage, firing.captureMs, firing.captureMs === null && this.pictureIsIngest(showId));
    const t2 = performance.now();
    // Where a cue's time goes on the relay: the durable write, then the fan-out to every viewer.
    this.log.info('cue fired', { showId, op: firing.op.op, version: stage.version, viewers: this.live.viewerCount(showId), storeMs: round(t1 - t0), fanoutMs: round(t2 - t1) });
    return stage;
  }

  /** Poll counts into the stored stage, without a cue or a broadcast (see StageStore.setPollCounts). */
  setPollCounts(showId: string, pollId: string, counts: number[]): boolean {
    return this.store.setPollCounts(showId, pollId, counts);
  }

  private publish(showId: string, stage: Stage, captureMs: number | null, holdForVideo = false): void {
    // Small fields first: a client can read the timing without parsing the whole stage.
    const timing = holdForVideo ? { captureMs, holdForVideo } : { captureMs };
    this.live.broadcast(showId, { type: 'stage', ...timing, serverNow: Date.now(), stage }, (ids, at) => this.emit('delivered', showId, stage.version, ids, at));
    this.emit('stage', showId, stage);
    this.schedule(showId, stage);
  }

  private schedule(showId: string, stage: Stage): void {
    clearTimeout(this.timers.get(showId));
    this.timers.delete(showId);
    const at = nextExpiry(stage);
    if (at === null) return;
    const timer = setTimeout(() => {
      this.timers.delete(showId);
      const next = this.store.expire(showId, Date.now());
      if (next) this.publish(showId, this.overlay(showId, next), null);
    }, Math.max(0, at - Date.now()) + 5);
    timer.unref();
    this.timers.set(showId, timer);
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
