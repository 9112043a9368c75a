import type { Db } from '../db/database.js';
import type { QuizRound } from './quiz-rules.js';

/**
 * When each quiz of a show ran, derived from the cue log (cue_firings) rather than kept in
 * memory: the log is durable, so a relay restarted mid-quiz knows exactly when it opened, how
 * long it had and whether the host closed it early, and decides it on time.
 */
export interface ShowQuizRound extends QuizRound {
  showId: string;
  quizId: string;
}

export interface QuizFiring {
  firedAt: number;
  op: { op: string; quiz?: { quizId?: string }; durationSec?: number };
}

/**
 * Rounds from a show's firings in stage order. An openQuiz opens a round; the next closeQuiz or
 * openQuiz before its end closes it early. A quiz opened twice keeps only its latest round: a quiz
 * is one game per show (one answer per viewer, one result).
 */
export function roundsFromFirings(showId: string, firings: readonly QuizFiring[]): ShowQuizRound[] {
  const latest = new Map<string, ShowQuizRound>();
  firings.forEach((f, i) => {
    const quizId = f.op.quiz?.quizId;
    if (f.op.op !== 'openQuiz' || !quizId || typeof f.op.durationSec !== 'number') return;
    const limitMs = f.op.durationSec * 1000;
    const closer = firings.slice(i + 1).find((g) => g.op.op === 'closeQuiz' || g.op.op === 'openQuiz');
    const closedAt = closer && closer.firedAt < f.firedAt + limitMs ? closer.firedAt : null;
    latest.set(quizId, { showId, quizId, openedAt: f.firedAt, limitMs, closedAt });
  });
  return [...latest.values()];
}

/** Reads the quiz-related firings of one show. Only quiz ops are read: a show has few of them. */
export function loadQuizRounds(db: Db, showId: string): ShowQuizRound[] {
  const rows = db
    .prepare("SELECT fired_at, op FROM cue_firings WHERE show_id = ? AND json_extract(op, '$.op') IN ('openQuiz', 'closeQuiz') ORDER BY stage_version")
    .all(showId) as { fired_at: string; op: string }[];
  return roundsFromFirings(
    showId,
    rows.map((r) => ({ firedAt: Date.parse(r.fired_at), op: JSON.parse(r.op) as QuizFiring['op'] })),
  );
}

/** Shows with an opened quiz that has no result yet (decided late after a restart). */
export function showsWithUndecidedQuizzes(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT f.show_id AS id FROM cue_firings f
       WHERE json_extract(f.op, '$.op') = 'openQuiz'
         AND NOT EXISTS (SELECT 1 FROM quiz_results r WHERE r.show_id = f.show_id AND r.quiz_id = json_extract(f.op, '$.quiz.quizId'))`,
    )
    .all() as { id: string }[];
  return rows.map((r) => r.id);
}
