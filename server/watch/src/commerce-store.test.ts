import { describe, expect, it } from 'vitest';
import type { HeldCoupon, QuizOutcome } from '../../../common/protocol/watch-api.js';
import type { QuizOpen, Stage } from '../../../common/stage.js';
import { EMPTY_STAGE } from '../../../common/stage.js';
import type { ApiResult, WatchApi } from './commerce-api.js';
import { CommerceStore, OUTCOME_SPREAD_MS } from './commerce-store.js';
import type { KeyValueStore } from './local-store.js';

const coupon = (code: string): HeldCoupon => ({ couponId: `id-${code}`, code, kind: 'fixed', amount: 3000, currency: 'KRW', minOrder: 0, usesLeft: 1, source: 'quiz', validUntil: null });
const quiz: QuizOpen = { quizId: 'q1', question: '원산지는?', choices: ['한국', '이탈리아'], winners: 3, endsAt: 10_000 };
const fail = (code: string, status = 409) => ({ ok: false as const, error: { code, status, message: null } });

class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

function setup(api: Partial<Record<keyof WatchApi, unknown>>, random = 0.5) {
  const timers: { fn: () => void; ms: number }[] = [];
  let relayNow = 5_000;
  const store = new CommerceStore({
    api: api as unknown as WatchApi,
    token: 'tok',
    storage: new MemoryStore(),
    relayNow: () => relayNow,
    random: () => random,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
    monoNow: () => 0,
  });
  const runTimers = async () => {
    const due = timers.splice(0);
    for (const t of due) t.fn();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { store, timers, runTimers, setRelayNow: (n: number) => (relayNow = n) };
}

describe('quiz', () => {
  it('sends the relay-clock time at which this screen showed the quiz', async () => {
    const sent: unknown[] = [];
    const { store, setRelayNow } = setup({ answerQuiz: async (...args: unknown[]) => (sent.push(args), { ok: true, data: { accepted: true, reactionMs: 900 }, status: 200 }) });
    const shown: Stage = { ...EMPTY_STAGE, version: 2, quiz };
    store.onStageShown(shown);
    setRelayNow(7_500);
    store.onStageShown(shown); // a later render of the same quiz does not move its start
    await store.answer(quiz, 1);
    expect(sent).toEqual([['q1', 1, 5_000]]);
    expect(store.getSnapshot().answers.q1).toEqual({ status: 'done' });
    expect(store.getSnapshot().taken.quiz.q1).toBe(1);
    await store.answer(quiz, 0);
    expect(sent).toHaveLength(1);
  });

  it('asks "did I win?" after a spread-out delay, retries until decided, and holds the reward', async () => {
    const reward = coupon('QUIZWIN');
    const answers: ApiResult<QuizOutcome>[] = [fail('not_decided', 404), { ok: true, data: { quizId: 'q1', correctIndex: 1, you: 'won', reward }, status: 200 }];
    let asked = 0;
    const { store, timers, runTimers } = setup(
      {
        answerQuiz: async () => ({ ok: true, data: { accepted: true, reactionMs: 900 }, status: 200 }),
        quizOutcome: async () => (asked++, answers.shift()!),
      },
      0.999,
    );
    store.onStageShown({ ...EMPTY_STAGE, quiz });
    await store.answer(quiz, 1);
    store.onMessage({ type: 'quizResult', quizId: 'q1', correctIndex: 1, winners: 3, answers: 120 });
    expect(store.getSnapshot().quizResult).toMatchObject({ correctIndex: 1, choice: 1, outcome: null });
    expect(asked).toBe(0);
    expect(timers[0]!.ms).toBeGreaterThanOrEqual(0);
    expect(timers[0]!.ms).toBeLessThan(OUTCOME_SPREAD_MS);
    await runTimers();
    expect(asked).toBe(1);
    await runTimers();
    expect(asked).toBe(2);
    expect(store.getSnapshot().quizResult?.outcome?.you).toBe('won');
    expect(store.getSnapshot().held.map((h) => h.code)).toEqual(['QUIZWIN']);
  });

  it('does not ask when this device did not answer (the broadcast already has the answer)', async () => {
    let asked = 0;
    const { store, timers } = setup({ quizOutcome: async () => (asked++, fail('not_decided', 404)) });
    store.onStageShown({ ...EMPTY_STAGE, quiz });
    store.onMessage({ type: 'quizResult', quizId: 'q1', correctIndex: 0, winners: 3, answers: 10 });
    expect(timers).toHaveLength(0);
    expect(asked).toBe(0);
    expect(store.getSnapshot().quizResult).toMatchObject({ correctIndex: 0, choice: null, quiz: { question: '원산지는?' } });
  });
});

describe('coupons and polls', () => {
  it('a claim holds the coupon, lowers the quota and offers the nickname once', async () => {
    const { store } = setup({ claimCoupon: async () => ({ ok: true, data: { coupon: coupon('LIVE10'), quotaLeft: 41 }, status: 200 }) });
    await store.claim('id-LIVE10');
    const v = store.getSnapshot();
    expect(v.held.map((h) => h.code)).toEqual(['LIVE10']);
    expect(v.facts.couponQuota.get('id-LIVE10')).toBe(41);
    expect(v.claims['id-LIVE10']).toEqual({ status: 'done' });
    expect(v.taken.coupon['id-LIVE10']).toBe(0);
    expect(v.askNickname).toBe(true);
    await store.setNickname(null);
    expect(store.getSnapshot().askNickname).toBe(false);
    expect(store.nicknameOffered).toBe(true);
  });

  it('an exhausted coupon says so and shows 0 left', async () => {
    const { store } = setup({ claimCoupon: async () => fail('coupon_used_up') });
    await store.claim('c1');
    const v = store.getSnapshot();
    expect(v.claims.c1).toMatchObject({ status: 'error', error: { code: 'coupon_used_up' } });
    expect(v.facts.couponQuota.get('c1')).toBe(0);
  });

  it('a vote shows the counts it got back, merged with later tallies', async () => {
    const { store } = setup({ vote: async () => ({ ok: true, data: { counts: [4, 7] }, status: 200 }) });
    await store.vote('p1', 1);
    store.onMessage({ type: 'pollTally', pollId: 'p1', counts: [5, 6] });
    expect(store.getSnapshot().facts.pollCounts.get('p1')).toEqual([5, 7]);
    expect(store.getSnapshot().taken.poll.p1).toBe(1);
  });
});

describe('purchase notices', () => {
  it('show at most two at once', () => {
    const { store } = setup({});
    store.onMessage({
      type: 'purchases',
      items: [
        { buyer: '김**', productName: '린넨 셔츠', quantity: 1 },
        { buyer: '이**', productName: '에코백', quantity: 2 },
        { buyer: '박**', productName: '모자', quantity: 1 },
      ],
    });
    expect(store.getSnapshot().toasts.map((t) => t.item.buyer)).toEqual(['김**', '이**']);
  });
});
