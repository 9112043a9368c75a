import { randomInt as cryptoRandomInt } from 'node:crypto';
import type { ShowCatalog, ShowQuiz } from '../../../common/commerce/show-catalog.js';
import type { QuizOutcome } from '../../../common/protocol/watch-api.js';
import type { Show } from '../../../common/show.js';
import type { Stage } from '../../../common/stage.js';
import { heldCoupon } from '../commerce/coupon-claims.js';
import type { CommitQueue } from '../commerce/commit-queue.js';
import type { CouponStore } from '../commerce/coupon-store.js';
import type { ViewerRegistry } from '../commerce/viewer-registry.js';
import type { Db } from '../db/database.js';
import type { LiveShows } from '../live/live-shows.js';
import type { StageService } from '../live/stage-service.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import { EngagementError } from './errors.js';
import { loadQuizRounds, showsWithUndecidedQuizzes, type ShowQuizRound } from './quiz-rounds.js';
import { QuizDeliveries } from './quiz-deliveries.js';
import { decideAtMs, judgeAnswer, pickWinners, type RandomInt } from './quiz-rules.js';
import { QuizStore } from './quiz-store.js';

export interface QuizServiceDeps {
  db: Db;
  stage: StageService;
  live: LiveShows;
  shows: ShowStore;
  catalogOf: (show: Show) => ShowCatalog | null;
  coupons: CouponStore;
  /** Writes the viewer's rows inside the answer's commit. */
  viewers: ViewerRegistry;
  /** The checkout's group commit: answers and decisions share it (one fsync per burst, in order). */
  commits: CommitQueue;
  log: Logger;
  /** crypto.randomInt unless a test fixes the draw. */
  randomInt?: RandomInt;
}

const keyOf = (showId: string, quizId: string) => `${showId}\u0000${quizId}`;

/**
 * Quiz answers and results. The rounds (when each quiz opened, how long it had, whether it was
 * closed early) come from the cue log, re-read whenever the stage's quiz changes and on start, so
 * a quiz open across a relay restart is still judged and decided on time. Each undecided round has
 * a timer for the moment its last acceptable answer can have arrived.
 */
export class QuizService {
  private readonly store: QuizStore;
  /** Undecided rounds; `deciding` once the decision is queued (answers are then refused). */
  private readonly rounds = new Map<string, ShowQuizRound & { deciding?: boolean }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Last quiz seen on each show's stage, to re-read rounds only when it changes. */
  private readonly lastQuiz = new Map<string, string>();

  private readonly db: Db;
  private readonly live: LiveShows;
  private readonly shows: ShowStore;
  private readonly catalogOf: (show: Show) => ShowCatalog | null;
  private readonly coupons: CouponStore;
  private readonly viewers: ViewerRegistry;
  private readonly commits: CommitQueue;
  private readonly log: Logger;
  private readonly randomInt: RandomInt;
  private readonly deliveries = new QuizDeliveries();

  constructor(deps: QuizServiceDeps) {
    this.db = deps.db;
    this.live = deps.live;
    this.shows = deps.shows;
    this.catalogOf = deps.catalogOf;
    this.coupons = deps.coupons;
    this.viewers = deps.viewers;
    this.commits = deps.commits;
    this.log = deps.log;
    this.randomInt = deps.randomInt ?? cryptoRandomInt;
    this.store = new QuizStore(this.db);
    deps.stage.on('stage', (showId, s) => this.onStage(showId, s));
    deps.stage.on('delivered', (showId, version, ids, at) => this.deliveries.delivered(showId, version, ids, at));
    deps.live.on('show', (show) => {
      if (show.status === 'ended') this.deliveries.forget(show.id);
    });
    for (const showId of showsWithUndecidedQuizzes(this.db)) this.reload(showId);
  }

  private onStage(showId: string, stage: Stage): void {
    this.deliveries.published(showId, stage);
    const seen = stage.quiz ? `${stage.quiz.quizId}@${stage.quiz.endsAt}` : '';
    if (this.lastQuiz.get(showId) === seen) return;
    this.lastQuiz.set(showId, seen);
    this.reload(showId);
  }

  private reload(showId: string): void {
    for (const round of loadQuizRounds(this.db, showId)) {
      const key = keyOf(showId, round.quizId);
      const known = this.rounds.get(key);
      if (known?.deciding || (!known && this.store.result(showId, round.quizId))) continue;
      this.rounds.set(key, round);
      clearTimeout(this.timers.get(key));
      const timer = setTimeout(() => this.decide(key), Math.max(0, decideAtMs(round) - Date.now()));
      timer.unref();
      this.timers.set(key, timer);
    }
  }

  private definition(show: Show, quizId: string): ShowQuiz {
    const quiz = this.catalogOf(show)?.quizzes.find((q) => q.id === quizId);
    if (!quiz) throw new EngagementError(404, 'not_found', 'there is no such quiz in this show');
    return quiz;
  }

  /**
   * Records one answer arriving at `arrival` (relay clock) from network `net` (a tag); returns its
   * reaction time (from when the relay delivered the quiz to this device, else its fire time) once the answer is committed. Writes go through the
   * group commit: a burst of answers is one fsync.
   */
  async answer(show: Show, viewerId: string, req: { quizId: string; choiceIndex: number; shownAt: number }, arrival: number, net: string | null = null): Promise<number> {
    const showId = show.id;
    const quiz = this.definition(show, req.quizId);
    if (req.choiceIndex >= quiz.choices.length) throw new EngagementError(400, 'bad_request', `choiceIndex: this quiz has ${quiz.choices.length} choices`);
    const round = this.rounds.get(keyOf(showId, req.quizId));
    if (!round || round.deciding) {
      if (round || this.store.result(showId, req.quizId)) throw new EngagementError(409, 'quiz_closed', 'this quiz is over');
      throw new EngagementError(409, 'quiz_not_open', 'this quiz has not started');
    }
    const judged = judgeAnswer(round, req.shownAt, arrival, this.deliveries.deliveredAt(showId, req.quizId, viewerId));
    if (!judged.ok) {
      if (this.store.answer(showId, req.quizId, viewerId)) throw new EngagementError(409, 'quiz_answered', 'you already answered this quiz');
      throw new EngagementError(409, 'quiz_closed', 'time is up for this quiz');
    }
    const correct = req.choiceIndex === quiz.correctIndex;
    const added = await this.commits.run(() => {
      this.viewers.ensureRow(showId, viewerId, new Date(arrival).toISOString());
      return this.store.addAnswer(showId, req.quizId, viewerId, req.choiceIndex, correct, judged.reactionMs, arrival, net);
    }, true);
    if (!added) throw new EngagementError(409, 'quiz_answered', 'you already answered this quiz');
    return judged.reactionMs;
  }

  /**
   * Picks the winners and stores the result and prizes. It runs as a job of the same group commit
   * as the answers, behind every answer already accepted, so no accepted answer can miss the draw.
   */
  private decide(key: string): void {
    const round = this.rounds.get(key);
    this.timers.delete(key);
    if (!round || round.deciding) return;
    round.deciding = true;
    const { showId, quizId } = round;
    const show = this.shows.get(showId);
    const catalog = show ? this.catalogOf(show) : null;
    const quiz = catalog?.quizzes.find((q) => q.id === quizId);
    if (!quiz) {
      // Without the catalog's definition the relay does not know the answer; nothing to decide.
      this.rounds.delete(key);
      this.log.warn('quiz cannot be decided: not in the show catalog', { showId, quizId });
      return;
    }
    this.commits
      .run(() => {
        const winners = pickWinners(quiz.winnerRule, quiz.winners, this.store.correctAnswers(showId, quizId, quiz.correctIndex), this.randomInt);
        const saved = this.store.saveResult(showId, quizId, quiz.correctIndex, winners, quiz.rewardCouponId, Date.now());
        return { saved, winners: winners.length, answers: this.store.answerCount(showId, quizId) };
      })
      .then(({ saved, winners, answers }) => {
        this.rounds.delete(key);
        if (!saved) return;
        this.live.broadcast(showId, { type: 'quizResult', quizId, correctIndex: quiz.correctIndex, winners, answers });
        this.log.info('quiz decided', { showId, quizId, rule: quiz.winnerRule, answers, winners });
      })
      .catch((e: unknown) => {
        // Left undecided in the database: the next start decides it.
        this.rounds.delete(key);
        this.log.error('quiz decision failed', { showId, quizId, error: (e as Error).message });
      });
  }

  /** What one viewer learns after the result: won / correct / wrong / no answer, and the prize. */
  outcome(show: Show, quizId: string, viewerId: string): QuizOutcome {
    const showId = show.id;
    const quiz = this.definition(show, quizId);
    const result = this.store.result(showId, quizId);
    if (!result) throw new EngagementError(404, 'not_decided', 'the quiz has not been decided yet');
    const answer = this.store.answer(showId, quizId, viewerId);
    const won = result.winners.includes(viewerId);
    const you = won ? 'won' : !answer ? 'no_answer' : answer.choiceIndex === result.correctIndex ? 'correct' : 'wrong';
    const coupon = won && quiz.rewardCouponId ? this.catalogOf(show)?.coupons.find((c) => c.id === quiz.rewardCouponId) : undefined;
    const claim = coupon ? this.coupons.claimOf(showId, coupon.id, viewerId) : null;
    const reward = coupon && claim ? heldCoupon(coupon, claim, this.coupons.usesBy(showId, coupon.id, viewerId)) : null;
    return { quizId, correctIndex: result.correctIndex, you, reward };
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
