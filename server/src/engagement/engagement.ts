import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import type { Show } from '../../../common/show.js';
import type { CommitQueue } from '../commerce/commit-queue.js';
import type { CouponStore } from '../commerce/coupon-store.js';
import { RateLimiter } from '../commerce/rate-limiter.js';
import type { ViewerRegistry } from '../commerce/viewer-registry.js';
import type { Db } from '../db/database.js';
import type { LiveShows } from '../live/live-shows.js';
import type { StageService } from '../live/stage-service.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import type { FanoutActivity } from '../viewers/fanout-activity.js';
import { FunnelRecorder } from './funnel.js';
import { PollService } from './poll-service.js';
import { QuizService } from './quiz-service.js';
import { SegmentStore } from './segments.js';
import { ViewerPresence } from './viewer-presence.js';

export interface EngagementDeps {
  db: Db;
  live: LiveShows;
  stage: StageService;
  shows: ShowStore;
  /** The catalog a show sells from (a rehearsal may sell from a copy of the real show's). */
  catalogOf: (show: Show) => ShowCatalog | null;
  viewers: ViewerRegistry;
  /** The checkout's coupon claims: a quiz prize is shown as the coupon the winner holds. */
  coupons: CouponStore;
  /** The checkout's group commit: answers, votes and taps are durable before the reply, one fsync per burst. */
  commits: CommitQueue;
  /** Cue fan-outs in progress: the funnel's background writes wait for a quiet moment. */
  fanout?: FanoutActivity;
  log: Logger;
}

/** Quizzes, polls, the funnel, segments and who is watching: built together, stopped together. */
export class Engagement {
  readonly presence: ViewerPresence;
  readonly quizzes: QuizService;
  readonly polls: PollService;
  readonly funnel: FunnelRecorder;
  readonly segments: SegmentStore;
  /** Per viewer and show: 5 calls a second, bursts of 20 (a person tapping never meets it). */
  readonly limiter = new RateLimiter(5, 20);
  readonly catalogOf: (show: Show) => ShowCatalog | null;

  constructor(deps: EngagementDeps) {
    const { db, live, stage, shows, catalogOf, viewers, coupons, commits, fanout, log } = deps;
    this.catalogOf = catalogOf;
    this.presence = new ViewerPresence(live, db, viewers, log.child({ component: 'presence' }));
    this.quizzes = new QuizService({ db, stage, live, shows, catalogOf, coupons, viewers, commits, log: log.child({ component: 'quiz' }) });
    this.polls = new PollService(db, stage, live, catalogOf, commits, viewers);
    this.funnel = new FunnelRecorder(db, stage, this.presence, commits, log.child({ component: 'funnel' }), fanout);
    this.segments = new SegmentStore(db);
  }

  /** Writes what is batched (registrations, "saw" rows) before the database closes. */
  stop(): void {
    this.quizzes.stop();
    this.polls.stop();
    this.limiter.stop();
    this.presence.stop();
    this.funnel.stop();
  }
}
