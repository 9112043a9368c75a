import { PollInput, QuizInput, type Poll, type Quiz } from '../../../../common/commerce/catalog.js';
import { fieldErrors, intOf, type FieldErrors } from '../../catalog/validation.js';
import type { Strings } from '../../i18n/strings.js';

export interface QuizDraft {
  question: string;
  choices: string[];
  correctIndex: number;
  timeLimitSec: string;
  winners: string;
  winnerRule: 'first' | 'draw';
  rewardCouponId: string;
}
export const emptyQuiz = (): QuizDraft => ({ question: '', choices: ['', ''], correctIndex: 0, timeLimitSec: '30', winners: '1', winnerRule: 'first', rewardCouponId: '' });
export const quizDraftOf = (q: Quiz): QuizDraft => ({
  question: q.question,
  choices: [...q.choices],
  correctIndex: q.correctIndex,
  timeLimitSec: String(q.timeLimitSec),
  winners: String(q.winners),
  winnerRule: q.winnerRule,
  rewardCouponId: q.rewardCouponId ?? '',
});

type Checked<I> = { input: I; errors: null } | { input: null; errors: FieldErrors };

export function checkQuiz(d: QuizDraft, t: Strings): Checked<QuizInput> {
  const input: QuizInput = { question: d.question, choices: d.choices, correctIndex: d.correctIndex, timeLimitSec: intOf(d.timeLimitSec), winners: intOf(d.winners), winnerRule: d.winnerRule, rewardCouponId: d.rewardCouponId || null };
  const parsed = QuizInput.safeParse(input);
  return parsed.success ? { input, errors: null } : { input: null, errors: fieldErrors(parsed.error, t) };
}

export interface PollDraft {
  question: string;
  choices: string[];
  durationSec: string;
}
export const emptyPoll = (): PollDraft => ({ question: '', choices: ['', ''], durationSec: '' });
export const pollDraftOf = (p: Poll): PollDraft => ({ question: p.question, choices: [...p.choices], durationSec: p.durationSec === null ? '' : String(p.durationSec) });

export function checkPoll(d: PollDraft, t: Strings): Checked<PollInput> {
  const input: PollInput = { question: d.question, choices: d.choices, durationSec: d.durationSec.trim() ? intOf(d.durationSec) : null };
  const parsed = PollInput.safeParse(input);
  return parsed.success ? { input, errors: null } : { input: null, errors: fieldErrors(parsed.error, t) };
}
