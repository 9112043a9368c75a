import type Database from 'better-sqlite3';
import { StudioError } from '../../common/ipc-contract.js';
import { Id, QuizInput, type Quiz } from '../../common/commerce/catalog.js';
import { deletedLabel, forgetDeleted, itemGone, newId, nowIso, parseInput, parseStoredItem, rememberDeleted } from './store-util.js';

interface QuizRow {
  id: string;
  question: string;
  choices: string;
  correct_index: number;
  time_limit_sec: number;
  winners: number;
  winner_rule: string;
  reward_coupon_id: string | null;
  updated_at: string;
}

/** Quizzes. The correct answer stays in the studio's catalog; the stage op sent to viewers leaves it out. */
export class QuizStore {
  constructor(private readonly db: Database.Database) {}

  list(): Quiz[] {
    return (this.db.prepare('SELECT * FROM quizzes ORDER BY created_at, rowid').all() as QuizRow[]).map(toQuiz);
  }

  get(id: string): Quiz | null {
    const row = this.db.prepare('SELECT * FROM quizzes WHERE id = ?').get(id) as QuizRow | undefined;
    return row ? toQuiz(row) : null;
  }

  deletedQuestion(id: string): string | null {
    return deletedLabel(this.db, 'quiz', id);
  }

  save(id: string | undefined, input: unknown): Quiz {
    const quizId = id === undefined ? newId() : parseInput(Id, id);
    const q = parseInput(QuizInput, input);
    const now = nowIso();
    this.db.transaction(() => {
      if (q.rewardCouponId !== null && !this.db.prepare('SELECT 1 FROM coupons WHERE id = ?').pluck().get(q.rewardCouponId))
        throw StudioError.refuse({ reason: 'rewardCouponMissing', args: { couponId: q.rewardCouponId } });
      this.db
        .prepare(
          `INSERT INTO quizzes (id, question, choices, correct_index, time_limit_sec, winners, winner_rule, reward_coupon_id, created_at, updated_at)
           VALUES (@id, @question, @choices, @correctIndex, @timeLimitSec, @winners, @winnerRule, @rewardCouponId, @now, @now)
           ON CONFLICT(id) DO UPDATE SET question = excluded.question, choices = excluded.choices, correct_index = excluded.correct_index,
             time_limit_sec = excluded.time_limit_sec, winners = excluded.winners, winner_rule = excluded.winner_rule,
             reward_coupon_id = excluded.reward_coupon_id, updated_at = excluded.updated_at`,
        )
        .run({ id: quizId, ...q, choices: JSON.stringify(q.choices), now });
      forgetDeleted(this.db, 'quiz', quizId);
    })();
    return this.get(quizId)!;
  }

  delete(id: string): void {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT question FROM quizzes WHERE id = ?').get(id) as { question: string } | undefined;
      if (!row) throw itemGone('quiz');
      this.db.prepare('DELETE FROM quizzes WHERE id = ?').run(id);
      rememberDeleted(this.db, 'quiz', id, row.question);
    })();
  }
}

function toQuiz(r: QuizRow): Quiz {
  const input = parseStoredItem(
    QuizInput,
    {
      question: r.question,
      choices: JSON.parse(r.choices) as unknown,
      correctIndex: r.correct_index,
      timeLimitSec: r.time_limit_sec,
      winners: r.winners,
      winnerRule: r.winner_rule,
      rewardCouponId: r.reward_coupon_id,
    },
    'quiz',
    r.question,
  );
  return { id: r.id, updatedAt: r.updated_at, ...input };
}
