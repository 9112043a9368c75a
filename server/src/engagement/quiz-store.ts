import type { Db } from '../db/database.js';
import type { CorrectAnswer } from './quiz-rules.js';

export interface QuizResultRow {
  correctIndex: number;
  winners: string[];
}

export interface StoredAnswer {
  choiceIndex: number;
  correct: boolean;
}

/** quiz_answers and quiz_results: one answer per viewer per quiz, one result per quiz. */
export class QuizStore {
  constructor(private readonly db: Db) {}

  /** false when this viewer already answered this quiz (the primary key holds it, even in a race). */
  addAnswer(showId: string, quizId: string, viewerId: string, choiceIndex: number, correct: boolean, reactionMs: number, arrival: number, net: string | null = null): boolean {
    const r = this.db
      .prepare('INSERT OR IGNORE INTO quiz_answers (show_id, quiz_id, viewer_id, choice_index, correct, reaction_ms, answered_at, net) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(showId, quizId, viewerId, choiceIndex, correct ? 1 : 0, reactionMs, new Date(arrival).toISOString(), net);
    return r.changes === 1;
  }

  answer(showId: string, quizId: string, viewerId: string): StoredAnswer | null {
    const row = this.db.prepare('SELECT choice_index, correct FROM quiz_answers WHERE show_id = ? AND quiz_id = ? AND viewer_id = ?').get(showId, quizId, viewerId) as
      | { choice_index: number; correct: number }
      | undefined;
    return row ? { choiceIndex: row.choice_index, correct: row.correct === 1 } : null;
  }

  /** Answers that chose `correctIndex`, with what "first N" ranks by. */
  correctAnswers(showId: string, quizId: string, correctIndex: number): CorrectAnswer[] {
    const rows = this.db
      .prepare('SELECT viewer_id, reaction_ms, answered_at, net FROM quiz_answers WHERE show_id = ? AND quiz_id = ? AND choice_index = ? ORDER BY rowid')
      .all(showId, quizId, correctIndex) as { viewer_id: string; reaction_ms: number; answered_at: string; net: string | null }[];
    return rows.map((r) => ({ viewerId: r.viewer_id, reactionMs: r.reaction_ms, arrivedAt: Date.parse(r.answered_at), net: r.net }));
  }

  answerCount(showId: string, quizId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM quiz_answers WHERE show_id = ? AND quiz_id = ?').get(showId, quizId) as { n: number }).n;
  }

  result(showId: string, quizId: string): QuizResultRow | null {
    const row = this.db.prepare('SELECT correct_index, winners FROM quiz_results WHERE show_id = ? AND quiz_id = ?').get(showId, quizId) as
      | { correct_index: number; winners: string }
      | undefined;
    return row ? { correctIndex: row.correct_index, winners: JSON.parse(row.winners) as string[] } : null;
  }

  /**
   * Writes the result and the winners' reward claims in one transaction, so a crash never leaves
   * winners without their coupon or coupons without a result. false when it was already decided.
   * Reward claims do not check the coupon's quota: the host promised N winners a coupon, and a
   * drop that ran out must not take the prize away (quota counts them afterwards all the same).
   * A winner who already holds the coupon (claimed from a drop) keeps that one claim.
   */
  saveResult(showId: string, quizId: string, correctIndex: number, winners: string[], rewardCouponId: string | null, now: number): boolean {
    const at = new Date(now).toISOString();
    return this.db.transaction(() => {
      const r = this.db.prepare('INSERT OR IGNORE INTO quiz_results (show_id, quiz_id, correct_index, winners, decided_at) VALUES (?, ?, ?, ?, ?)').run(showId, quizId, correctIndex, JSON.stringify(winners), at);
      if (r.changes === 0) return false;
      if (rewardCouponId) {
        const claim = this.db.prepare("INSERT OR IGNORE INTO coupon_claims (show_id, coupon_id, viewer_id, source, claimed_at) VALUES (?, ?, ?, 'quiz', ?)");
        for (const viewerId of winners) claim.run(showId, rewardCouponId, viewerId, at);
      }
      return true;
    })();
  }
}
