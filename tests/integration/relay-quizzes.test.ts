import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeldCoupon, QuizOutcome } from '../../common/protocol/watch-api.js';
import { CATALOG, eventually, openQuiz, relayApi, sleepUntil } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { requestFrom, sourceAddress } from '../helpers/source-address.js';

/** Quizzes over a real relay: the deadline rule, refusals, winners, rewards, outcomes, a restart. */
let relay: RunningRelay;
const api = relayApi(() => relay);
type Answer = { accepted?: boolean; reactionMs: number; error?: string; message?: string };
const answer = (token: string, viewerId: string, quizId: string, choiceIndex: number, shownAt: number) => api.watch<Answer>(token, 'POST', '/quizzes/answer', { viewerId, quizId, choiceIndex, shownAt });
/** An answer from its own network (a distinct 127.x.y.z source address): prizes are one per network. */
const answerFrom = (i: number, token: string, viewerId: string, quizId: string, choiceIndex: number, shownAt: number) =>
  requestFrom<Answer>(relay.url, sourceAddress(i), 'POST', `/api/watch/${token}/quizzes/answer`, { viewerId, quizId, choiceIndex, shownAt });
const outcome = (token: string, quizId: string, viewerId: string) => api.mine<QuizOutcome & { error?: string }>(token, `/quizzes/${quizId}/outcome`, viewerId);

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

describe('quiz answers', () => {
  it('applies the deadline per viewer: late video within the 3 s grace is accepted, shownAt is clamped, forged future times earn nothing', async () => {
    const { show, token } = await api.liveShow('deadline');
    const [honest, cheat, onTime, late, liar, clamped, silent] = await Promise.all(Array.from({ length: 7 }, () => api.viewer(token)));
    const { s } = await api.socket(token, honest);
    const opened = (await api.fire(show.id, openQuiz('q-first'))).quiz!;
    const O = opened.endsAt - 5000;

    const fast = await answer(token, honest!, 'q-first', 1, Date.now());
    expect(fast).toMatchObject({ status: 200, body: { accepted: true } });
    // A screen "showing" the quiz a minute from now: the claim counts as the opening moment.
    const sentAt = Date.now();
    const forged = await answer(token, cheat!, 'q-first', 1, O + 60_000);
    expect(forged.status).toBe(200);
    expect(forged.body.reactionMs).toBeGreaterThanOrEqual(sentAt - O);
    expect((await answer(token, honest!, 'q-first', 0, Date.now())).body).toMatchObject({ error: 'quiz_answered' });

    // 1.5 s after the quiz ended on the host's clock: only screens that showed it late may still answer.
    await sleepUntil(O + 6500);
    expect((await answer(token, onTime!, 'q-first', 1, O + 100)).body).toMatchObject({ error: 'quiz_closed' });
    const lateVideo = await answer(token, late!, 'q-first', 0, O + 2500);
    expect(lateVideo).toMatchObject({ status: 200, body: { accepted: true } });
    expect(lateVideo.body.reactionMs).toBeGreaterThanOrEqual(6500 - 2500);
    expect((await answer(token, liar!, 'q-first', 1, Date.now() + 10_000)).body).toMatchObject({ error: 'quiz_closed' });
    // Claims a 6 s late video; only 3 s count, so its reaction is measured from O + 3 s.
    const sent2 = Date.now();
    const capped = await answer(token, clamped!, 'q-first', 1, O + 6000);
    expect(capped.status).toBe(200);
    expect(capped.body.reactionMs).toBeGreaterThanOrEqual(sent2 - O - 3000);

    expect(await s.next('quizResult', 15_000)).toMatchObject({ quizId: 'q-first', correctIndex: 1, winners: 1, answers: 4 });
    expect((await answer(token, silent!, 'q-first', 1, Date.now())).body).toMatchObject({ error: 'quiz_closed' });
    // 'first': the smallest reaction among the correct answers wins.
    expect((await outcome(token, 'q-first', honest!)).body).toMatchObject({ you: 'won', correctIndex: 1, reward: { couponId: 'c-prize', code: 'QUIZWIN', source: 'quiz' } });
    expect((await outcome(token, 'q-first', cheat!)).body).toMatchObject({ you: 'correct', reward: null });
    expect((await outcome(token, 'q-first', late!)).body).toMatchObject({ you: 'wrong', reward: null });
    expect((await outcome(token, 'q-first', silent!)).body).toMatchObject({ you: 'no_answer', reward: null });
    s.close();
  });

  it("'first' ranks by the relay's own reaction time, so a shownAt claiming a later screen (or the send time) does not win; the prize is a held coupon", async () => {
    const { show, token } = await api.liveShow('first-n');
    const [fastFinger, forger] = [await api.viewer(token), await api.viewer(token)];
    const O = (await api.fire(show.id, openQuiz('q-first', 30))).quiz!.endsAt - 30_000;
    await sleepUntil(O + 1000);
    const a = await answerFrom(1, token, fastFinger, 'q-first', 1, O);
    await sleepUntil(O + 2600);
    // Sent later, claiming its screen showed the quiz 5 ms ago: under the old rule this was a 5 ms reaction.
    const b = await answerFrom(2, token, forger, 'q-first', 1, Date.now() - 5);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body.reactionMs).toBeGreaterThan(a.body.reactionMs);
    // Closed early by the host: decided once answers already in flight are in.
    const { s } = await api.socket(token);
    await api.fire(show.id, { op: 'closeQuiz' });
    expect((await outcome(token, 'q-first', fastFinger)).body).toMatchObject({ error: 'not_decided' });
    expect(await s.next('quizResult', 15_000)).toMatchObject({ quizId: 'q-first', winners: 1, answers: 2 });
    expect((await outcome(token, 'q-first', fastFinger)).body).toMatchObject({ you: 'won', reward: { code: 'QUIZWIN', usesLeft: 1 } });
    expect((await outcome(token, 'q-first', forger)).body).toMatchObject({ you: 'correct', reward: null });
    const held = await api.mine<HeldCoupon[]>(token, '/coupons', fastFinger);
    expect(held.body).toEqual([expect.objectContaining({ couponId: 'c-prize', source: 'quiz' })]);
    s.close();
  });

  it('ranks each viewer from when the relay delivered the quiz to its socket; a socket that joins after the opening is ranked from the fire time', async () => {
    const { show, token } = await api.liveShow('delivered');
    const [watcher, joiner] = [await api.viewer(token), await api.viewer(token)];
    const { s } = await api.socket(token, watcher);
    const O = (await api.fire(show.id, openQuiz('q-first', 30))).quiz!.endsAt - 30_000;
    expect(await s.next('stage')).toMatchObject({ stage: { quiz: { quizId: 'q-first' } } });
    const a = await answerFrom(1, token, watcher, 'q-first', 1, Date.now());
    expect(a.status).toBe(200);
    expect(a.body.reactionMs).toBeLessThanOrEqual(Date.now() - O);
    // Reads the quiz from a welcome 1.5 s in and answers at once: a fresh socket must not buy a fast reaction.
    await sleepUntil(O + 1500);
    const late = await api.socket(token, joiner);
    expect(late.welcome).toMatchObject({ stage: { quiz: { quizId: 'q-first' } } });
    const sentAt = Date.now();
    const b = await answerFrom(2, token, joiner, 'q-first', 1, sentAt);
    expect(b.status).toBe(200);
    expect(b.body.reactionMs).toBeGreaterThanOrEqual(sentAt - O);
    s.close();
    late.s.close();
  });

  it("'draw' picks N winners among the correct answers only, and every winner gets the prize even past the coupon's quota", async () => {
    const { show, token } = await api.liveShow('draw');
    const viewers = await Promise.all(Array.from({ length: 6 }, () => api.viewer(token)));
    await api.fire(show.id, openQuiz('q-draw', 30));
    const correct = viewers.slice(0, 4);
    const wrong = viewers.slice(4);
    for (const [i, v] of correct.entries()) expect((await answerFrom(10 + i, token, v, 'q-draw', 0, Date.now())).status).toBe(200);
    for (const [i, v] of wrong.entries()) expect((await answerFrom(20 + i, token, v, 'q-draw', 1, Date.now())).status).toBe(200);
    await api.fire(show.id, { op: 'closeQuiz' });
    const results = await eventually(
      () => Promise.all(viewers.map((v) => outcome(token, 'q-draw', v))),
      (rs) => rs.every((r) => r.status === 200),
    );
    const you = results.map((r) => r.body.you);
    expect(you.filter((y) => y === 'won')).toHaveLength(2);
    expect(you.slice(4)).toEqual(['wrong', 'wrong']);
    for (const [i, r] of results.entries()) if (r.body.you === 'won') expect(correct).toContain(viewers[i]);
    // c-prize has a quota of 1: the host promised two winners, both get it.
    for (const r of results.filter((x) => x.body.you === 'won')) expect(r.body.reward).toMatchObject({ couponId: 'c-prize', source: 'quiz' });
    const db = api.db();
    expect(db.prepare("SELECT COUNT(*) AS n FROM coupon_claims WHERE show_id = ? AND coupon_id = 'c-prize' AND source = 'quiz'").get(show.id)).toEqual({ n: 2 });
    db.close();
  });

  it('refuses answers to a quiz that was never opened, an unknown quiz, twice, outside a live show, from unknown devices and in bad bodies, storing nothing', async () => {
    const { show, token } = await api.liveShow('refusals');
    const v = await api.viewer(token);
    expect((await answer(token, v, 'q-never', 0, Date.now())).body).toMatchObject({ error: 'quiz_not_open' });
    await api.fire(show.id, openQuiz('q-first', 60));
    expect((await answer(token, v, 'nope', 0, Date.now())).body).toMatchObject({ error: 'not_found' });
    expect((await answer(token, v, 'q-first', 3, Date.now()))).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect((await answer(token, 'x'.repeat(22), 'q-first', 1, Date.now()))).toMatchObject({ status: 401, body: { error: 'unknown_viewer' } });
    expect((await outcome(token, 'q-first', v))).toMatchObject({ status: 404, body: { error: 'not_decided' } });
    expect((await outcome(token, 'nope', v))).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const bad = [
      api.watch(token, 'POST', '/quizzes/answer', undefined, '{"viewerId":'),
      api.watch(token, 'POST', '/quizzes/answer', { viewerId: v, quizId: '<img src=x onerror=alert(1)>', choiceIndex: 0, shownAt: 1 }),
      api.watch(token, 'POST', '/quizzes/answer', { viewerId: v, quizId: 'q-first', choiceIndex: 0, shownAt: 1, admin: true }),
      api.watch(token, 'POST', '/quizzes/answer', { viewerId: v, quizId: 'q-first', choiceIndex: 0, shownAt: 'soon' }),
    ];
    for (const r of await Promise.all(bad)) expect(r).toMatchObject({ status: 400, body: { error: 'bad_request', message: expect.any(String) } });
    const huge = await api.watch(token, 'POST', '/quizzes/answer', undefined, JSON.stringify({ viewerId: v, quizId: 'q-first', choiceIndex: 0, shownAt: 1, pad: 'x'.repeat(17 * 1024) }));
    expect(huge).toMatchObject({ status: 413, body: { error: 'too_large' } });
    expect((await api.watch('not-a-token', 'POST', '/quizzes/answer', { viewerId: v, quizId: 'q-first', choiceIndex: 1, shownAt: 1 })).status).toBe(404);
    const db = api.db();
    expect(db.prepare('SELECT COUNT(*) AS n FROM quiz_answers WHERE show_id = ?').get(show.id)).toEqual({ n: 0 });
    db.close();
    await api.call('POST', `/api/shows/${show.id}/end`);
    expect((await answer(token, v, 'q-first', 1, Date.now())).body).toMatchObject({ error: 'show_not_live' });
  });
});

describe('quiz across a relay restart', () => {
  it('decides a quiz that was open when the relay restarted', async () => {
    const { show, token } = await api.liveShow('restart');
    const v = await api.viewer(token);
    await api.fire(show.id, openQuiz('q-first', 5));
    expect((await answer(token, v, 'q-first', 1, Date.now())).status).toBe(200);
    await relay.restart();
    const decided = await eventually(() => outcome(token, 'q-first', v), (r) => r.status === 200, 30_000);
    expect(decided.body).toMatchObject({ you: 'won', reward: { code: CATALOG.coupons[0]!.code } });
  });
});
