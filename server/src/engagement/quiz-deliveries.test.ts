import { describe, expect, it } from 'vitest';
import { EMPTY_STAGE, type Stage } from '../../../common/stage.js';
import { QuizDeliveries } from './quiz-deliveries.js';

const withQuiz = (version: number, quizId: string, endsAt: number): Stage => ({ ...EMPTY_STAGE, version, quiz: { quizId, question: 'Q?', choices: ['a', 'b'], winners: 1, endsAt } });

describe('quiz deliveries', () => {
  it('keep the first delivery of the broadcast that opened the quiz, per device', () => {
    const d = new QuizDeliveries();
    d.published('s', withQuiz(3, 'q', 9000));
    d.delivered('s', 3, ['a', 'b'], 1010);
    d.delivered('s', 3, ['a', 'c'], 1050); // a second socket of device a (another worker) changes nothing
    expect(d.deliveredAt('s', 'q', 'a')).toBe(1010);
    expect(d.deliveredAt('s', 'q', 'c')).toBe(1050);
    expect(d.deliveredAt('s', 'other', 'a')).toBeNull();
    expect(d.deliveredAt('t', 'q', 'a')).toBeNull();
  });

  it('ignore later broadcasts: a device that joined or reconnected after the opening has no delivery', () => {
    const d = new QuizDeliveries();
    d.published('s', withQuiz(3, 'q', 9000));
    d.published('s', withQuiz(4, 'q', 9000)); // a card pinned while the quiz runs
    d.delivered('s', 4, ['late'], 2000);
    d.delivered('s', 3, ['early'], 1000);
    expect(d.deliveredAt('s', 'q', 'late')).toBeNull();
    expect(d.deliveredAt('s', 'q', 'early')).toBe(1000);
    // The quiz ended on screen: answers in flight still find their delivery.
    d.published('s', { ...EMPTY_STAGE, version: 5 });
    expect(d.deliveredAt('s', 'q', 'early')).toBe(1000);
  });

  it('start over when a quiz opens again (a new round) or another opens', () => {
    const d = new QuizDeliveries();
    d.published('s', withQuiz(3, 'q', 9000));
    d.delivered('s', 3, ['a'], 1000);
    d.published('s', withQuiz(6, 'q', 19000));
    expect(d.deliveredAt('s', 'q', 'a')).toBeNull();
    d.delivered('s', 6, ['a'], 11000);
    expect(d.deliveredAt('s', 'q', 'a')).toBe(11000);
    d.forget('s');
    expect(d.deliveredAt('s', 'q', 'a')).toBeNull();
  });
});
