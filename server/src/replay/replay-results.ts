import { z } from 'zod';
import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import type { ReplayResult } from '../../../common/replay/replay-view.js';
import type { Db } from '../db/database.js';
import type { Firing } from './replay-service.js';

const MAX_RESULTS = 500;
const Winners = z.array(z.unknown()).max(100_000);

/**
 * Quiz and poll results as the replay shows them, at the moment they came live: a quiz when the
 * relay decided it (quiz_results.decided_at), a poll when it closed (the host's close, its timer, or
 * the end of the show), with the final tallies. `at` places a relay instant in the replay.
 */
export function replayResults(db: Db, showId: string, firings: readonly Firing[], endedAtMs: number | null, at: (wallMs: number) => number | null, catalog: ShowCatalog | null): ReplayResult[] {
  return [...quizResults(db, showId, firings, at, catalog), ...pollResults(db, showId, firings, endedAtMs, at)].sort((a, b) => a.atSec - b.atSec).slice(0, MAX_RESULTS);
}

function quizResults(db: Db, showId: string, firings: readonly Firing[], at: (wallMs: number) => number | null, catalog: ShowCatalog | null): ReplayResult[] {
  const rows = db.prepare<[string], { quiz_id: string; correct_index: number; winners: string; decided_at: string }>('SELECT quiz_id, correct_index, winners, decided_at FROM quiz_results WHERE show_id = ? LIMIT 500').all(showId);
  const answers = new Map(db.prepare<[string], { quiz_id: string; n: number }>('SELECT quiz_id, COUNT(*) AS n FROM quiz_answers WHERE show_id = ? GROUP BY quiz_id').all(showId).map((r) => [r.quiz_id, r.n]));
  return rows.flatMap((r): ReplayResult[] => {
    // The question as viewers saw it (the fired cue), else as the catalog has it.
    const fired = firings.find((f) => f.op.op === 'openQuiz' && f.op.quiz.quizId === r.quiz_id)?.op;
    const quiz = fired?.op === 'openQuiz' ? fired.quiz : catalog?.quizzes.find((q) => q.id === r.quiz_id);
    const atSec = at(Date.parse(r.decided_at));
    const winners = Winners.safeParse(safeJson(r.winners));
    if (!quiz || atSec === null || !winners.success || r.correct_index >= quiz.choices.length) return [];
    return [{ kind: 'quiz', quizId: r.quiz_id, atSec, question: quiz.question, choices: quiz.choices, correctIndex: r.correct_index, answers: answers.get(r.quiz_id) ?? 0, winners: winners.data.length }];
  });
}

function pollResults(db: Db, showId: string, firings: readonly Firing[], endedAtMs: number | null, at: (wallMs: number) => number | null): ReplayResult[] {
  const votes = db.prepare<[string], { poll_id: string; choice_index: number; n: number }>('SELECT poll_id, choice_index, COUNT(*) AS n FROM poll_votes WHERE show_id = ? GROUP BY poll_id, choice_index').all(showId);
  const out: ReplayResult[] = [];
  firings.forEach((f, i) => {
    if (f.op.op !== 'openPoll') return;
    const { poll, durationSec } = f.op;
    // Closed by the host, replaced by another poll, by its own timer, or by the end of the show: the first of these.
    const next = firings.slice(i + 1).find((g) => g.op.op === 'closePoll' || g.op.op === 'openPoll');
    const ends = [next?.firedAtMs, durationSec === null ? undefined : f.firedAtMs + durationSec * 1000, endedAtMs ?? undefined].filter((v): v is number => v !== undefined);
    if (!ends.length) return;
    const atSec = at(Math.min(...ends));
    if (atSec === null) return;
    const counts = poll.choices.map((_, c) => votes.find((v) => v.poll_id === poll.pollId && v.choice_index === c)?.n ?? 0);
    out.push({ kind: 'poll', pollId: poll.pollId, atSec, question: poll.question, choices: poll.choices, counts });
  });
  return out;
}

/** Stored JSON read back: undefined instead of a throw, so the schema check refuses it. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
