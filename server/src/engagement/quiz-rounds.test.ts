import { describe, expect, it } from 'vitest';
import { roundsFromFirings, type QuizFiring } from './quiz-rounds.js';

const open = (firedAt: number, quizId: string, durationSec: number): QuizFiring => ({ firedAt, op: { op: 'openQuiz', quiz: { quizId }, durationSec } });
const close = (firedAt: number): QuizFiring => ({ firedAt, op: { op: 'closeQuiz' } });
const pin = (firedAt: number): QuizFiring => ({ firedAt, op: { op: 'pin' } });

describe('quiz rounds from the cue log', () => {
  it('opens a round with the cue’s time limit; a round that ran its time has no early close', () => {
    expect(roundsFromFirings('s', [open(1000, 'q', 10), pin(2000), close(20_000)])).toEqual([{ showId: 's', quizId: 'q', openedAt: 1000, limitMs: 10_000, closedAt: null }]);
  });

  it('records an early close by closeQuiz, or by another quiz replacing it', () => {
    expect(roundsFromFirings('s', [open(1000, 'a', 30), close(4000)])[0]!.closedAt).toBe(4000);
    const rounds = roundsFromFirings('s', [open(1000, 'a', 30), open(5000, 'b', 10)]);
    expect(rounds).toEqual([
      { showId: 's', quizId: 'a', openedAt: 1000, limitMs: 30_000, closedAt: 5000 },
      { showId: 's', quizId: 'b', openedAt: 5000, limitMs: 10_000, closedAt: null },
    ]);
  });

  it('keeps only the latest round of a quiz opened twice (one game per quiz per show)', () => {
    expect(roundsFromFirings('s', [open(1000, 'a', 30), close(2000), open(9000, 'a', 20)])).toEqual([{ showId: 's', quizId: 'a', openedAt: 9000, limitMs: 20_000, closedAt: null }]);
  });

  it('ignores ops it cannot read', () => {
    expect(roundsFromFirings('s', [{ firedAt: 1, op: { op: 'openQuiz' } }, { firedAt: 2, op: { op: 'openQuiz', quiz: { quizId: 'x' } } }])).toEqual([]);
  });
});
