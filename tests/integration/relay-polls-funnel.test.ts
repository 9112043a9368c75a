import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../common/analytics.js';
import type { Stage } from '../../common/stage.js';
import { CATALOG, eventually, openPoll, relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/** Polls, the product funnel and per-viewer limits over a real relay. */
let relay: RunningRelay;
const api = relayApi(() => relay);
const vote = (token: string, viewerId: string, choiceIndex: number, pollId = 'poll1') =>
  api.watch<{ counts: number[]; error?: string }>(token, 'POST', '/polls/vote', { viewerId, pollId, choiceIndex });
const event = (token: string, viewerId: string, kind: string, productId: string) => api.watch(token, 'POST', '/events', { viewerId, kind, productId });
const dashboard = (showId: string) => api.call<Dashboard>('GET', `/api/shows/${showId}/dashboard`).then((r) => r.body);
const product = (d: Dashboard, id: string) => d.products.find((p) => p.productId === id)!;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

describe('polls', () => {
  it('counts one vote per viewer while the poll is open, tallies to viewers, and shows the counts to late joiners', async () => {
    const { show, token } = await api.liveShow('poll');
    const [a, b] = [await api.viewer(token), await api.viewer(token)];
    const { s } = await api.socket(token, a);
    const opened = await api.fire(show.id, openPoll());
    expect((await vote(token, a, 0)).body).toEqual({ counts: [1, 0, 0] });
    expect((await vote(token, b, 2)).body).toEqual({ counts: [1, 0, 1] });
    expect((await vote(token, a, 1))).toMatchObject({ status: 409, body: { error: 'poll_voted' } });
    expect((await vote(token, b, 3))).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    expect((await vote(token, b, 0, 'no-such-poll'))).toMatchObject({ status: 404, body: { error: 'not_found' } });
    let tally = await s.next('pollTally');
    while ((tally.counts as number[]).reduce((x, y) => x + y, 0) < 2) tally = await s.next('pollTally');
    expect(tally).toEqual({ type: 'pollTally', pollId: 'poll1', counts: [1, 0, 1] });
    const late = await api.socket(token);
    expect((late.welcome.stage as Stage).poll).toMatchObject({ pollId: 'poll1', counts: [1, 0, 1] });
    // Votes are not cues: the studio's stage version is unchanged, so its next firing is not stale.
    expect((await api.call<Stage>('GET', `/api/shows/${show.id}/stage`)).body.version).toBe(opened.version);
    await api.fire(show.id, { op: 'closePoll' });
    const c = await api.viewer(token);
    expect((await vote(token, c, 0))).toMatchObject({ status: 409, body: { error: 'poll_closed' } });
    const polls = (await dashboard(show.id)).polls;
    expect(polls).toEqual([{ pollId: 'poll1', question: '다음 색상은?', choices: ['블랙', '화이트', '베이지'], counts: [1, 0, 1] }]);
    s.close();
    late.s.close();
  });

  it('refuses a vote before any poll opened, bad bodies and votes outside a live show, storing nothing', async () => {
    const { show, token } = await api.liveShow('poll refusals');
    const v = await api.viewer(token);
    expect((await vote(token, v, 0)).body).toMatchObject({ error: 'poll_closed' });
    await api.fire(show.id, openPoll());
    const bad = [
      api.watch(token, 'POST', '/polls/vote', undefined, '[1,2'),
      api.watch(token, 'POST', '/polls/vote', { viewerId: v, pollId: '<script>alert(1)</script>', choiceIndex: 0 }),
      api.watch(token, 'POST', '/polls/vote', { viewerId: '<b>me</b>', pollId: 'poll1', choiceIndex: 0 }),
      api.watch(token, 'POST', '/polls/vote', { viewerId: v, pollId: 'poll1', choiceIndex: -1 }),
      api.watch(token, 'POST', '/events', { viewerId: v, kind: 'card_open', productId: '"><img src=x>' }),
    ];
    for (const r of await Promise.all(bad)) expect(r).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    const huge = await api.watch(token, 'POST', '/polls/vote', undefined, JSON.stringify({ viewerId: v, pollId: 'poll1', choiceIndex: 0, pad: 'x'.repeat(20_000) }));
    expect(huge).toMatchObject({ status: 413, body: { error: 'too_large' } });
    const db = api.db();
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM poll_votes WHERE show_id = ?) + (SELECT COUNT(*) FROM funnel_events WHERE show_id = ?) AS n').get(show.id, show.id)).toEqual({ n: 0 });
    db.close();
    await api.call('POST', `/api/shows/${show.id}/end`);
    expect((await vote(token, v, 0)).body).toMatchObject({ error: 'show_not_live' });
  });
});

describe('funnel', () => {
  it('records "saw" for viewers connected when a card is pinned and for those who join while it is, and each step once per viewer', async () => {
    const { show, token } = await api.liveShow('funnel');
    // A device the relay issued an id to, seen first on its watch socket: joining registers it.
    const early = await api.viewer(token);
    const first = await api.socket(token, early);
    await api.fire(show.id, { op: 'pin', cards: [{ productId: 'p1', name: CATALOG.products[0]!.name, imageUrls: [], currency: 'KRW', price: 30000, salePrice: null, stock: 50, externalUrl: null }] });
    expect(product(await eventually(() => dashboard(show.id), (d) => product(d, 'p1').saw === 1), 'p1').saw).toBe(1);
    const lateId = await api.viewer(token);
    const second = await api.socket(token, lateId);
    expect(product(await eventually(() => dashboard(show.id), (d) => product(d, 'p1').saw === 2), 'p1').saw).toBe(2);

    for (let i = 0; i < 3; i++) expect((await event(token, early, 'card_open', 'p1')).status).toBe(204);
    expect((await event(token, early, 'checkout_start', 'p1')).status).toBe(204);
    expect((await event(token, lateId, 'card_open', 'p1')).status).toBe(204);
    expect((await event(token, early, 'card_open', 'nope'))).toMatchObject({ status: 400, body: { error: 'unknown_product' } });
    expect((await event(token, early, 'bought', 'p1'))).toMatchObject({ status: 400, body: { error: 'bad_request' } });
    const d = await dashboard(show.id);
    expect(product(d, 'p1')).toMatchObject({ saw: 2, opened: 2, startedCheckout: 1, ordered: 0, stockLeft: 50 });
    expect(product(d, 'p2')).toMatchObject({ saw: 0, opened: 0 });
    expect(d.uniqueViewers).toBe(2);
    // A page that only watched: its socket's hello was given an issued id, so it counts as one viewer,
    // can act, and registering (to buy) confirms the same id. A made-up id cannot act.
    const watcher = await api.socket(token, 'made_up_by_the_page_01');
    const issued = watcher.welcome.viewerId as string;
    expect(issued).not.toBe('made_up_by_the_page_01');
    expect((await eventually(() => dashboard(show.id), (x) => x.uniqueViewers === 3)).uniqueViewers).toBe(3);
    expect((await event(token, 'made_up_by_the_page_01', 'card_open', 'p1')).status).toBe(401);
    const reg = await api.watch<{ viewerId: string }>(token, 'POST', '/viewers', { viewerId: issued, nickname: null });
    expect(reg.status, reg.text).toBe(200);
    expect(reg.body.viewerId).toBe(issued);
    expect((await event(token, issued, 'card_open', 'p1')).status).toBe(204);
    expect((await dashboard(show.id)).uniqueViewers).toBe(3);
    watcher.s.close();
    first.s.close();
    second.s.close();
  });

  it('limits one device that hammers the relay', async () => {
    const { token } = await api.liveShow('limits');
    const v = await api.viewer(token);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await event(token, v, 'card_open', 'p1')).status);
    expect(statuses).toContain(204);
    expect(statuses).toContain(429);
    expect((await event(token, v, 'card_open', 'p1')).body).toMatchObject({ error: 'rate_limited' });
  });
});
