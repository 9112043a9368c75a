import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, Report } from '../../common/analytics.js';
import type { Show, WatchLink } from '../../common/show.js';
import { CATALOG, eventually, openPoll, openQuiz, relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/** Segments, the live dashboard (pulled and pushed), the report and its CSV, over a real relay with real orders. */
let relay: RunningRelay;
const api = relayApi(() => relay);
const dashboard = (showId: string) => api.call<Dashboard>('GET', `/api/shows/${showId}/dashboard`).then((r) => r.body);
const report = (showId: string) => api.call<Report>('GET', `/api/shows/${showId}/report`).then((r) => r.body);
const segment = (showId: string, segmentId: string, title: string) => api.call('POST', `/api/shows/${showId}/segment`, { segmentId, title });

/** Places an order through the checkout route, as the watch page does. */
async function order(token: string, viewerId: string, productId: string, quantity: number, phone = '010-1234-5678') {
  const line = { productId, optionId: null, quantity };
  const quote = await api.watch<{ total: number }>(token, 'POST', '/quote', { viewerId, line, couponCode: null });
  const r = await api.watch<{ id: string }>(token, 'POST', '/orders', {
    viewerId,
    line,
    couponCode: null,
    idempotencyKey: randomBytes(16).toString('base64url'),
    buyer: { name: '김하늘', phone, address: { postcode: '06236', line1: '서울특별시 강남구 테헤란로 427' } },
    payment: 'cash_on_delivery',
    expectedTotal: quote.body.total,
    consent: true,
  });
  if (r.status !== 201) throw new Error(`order failed: ${r.text}`);
  return { id: r.body.id, total: quote.body.total };
}

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

describe('dashboard', () => {
  it('counts orders, revenue, buyers and conversion (buyers ÷ unique viewers) per product and segment, and pushes changes to the studio', async () => {
    const { show, token } = await api.liveShow('numbers');
    const studio = new TestSocket(relay.url.replace('http', 'ws') + '/api/studio/events', { authorization: `Bearer ${relay.studioKey}` });
    await studio.opened;
    const [v1, v2, v3, v4] = [await api.viewer(token), await api.viewer(token), await api.viewer(token), await api.viewer(token)];
    expect((await segment(show.id, 'seg-a', '오프닝'))).toMatchObject({ status: 200 });
    const o1 = await order(token, v1, 'p1', 1);
    const o2 = await order(token, v1, 'p1', 2);
    const o3 = await order(token, v2, 'p2', 1);
    await segment(show.id, 'seg-b', '린넨 셔츠');
    const o4 = await order(token, v3, 'p1', 1);

    let d = await dashboard(show.id);
    expect(d).toMatchObject({ showId: show.id, currency: 'KRW', orders: 4, buyers: 3, uniqueViewers: 4, revenue: o1.total + o2.total + o3.total + o4.total });
    expect(d.conversion).toBeCloseTo(3 / 4);
    expect(d.products.find((p) => p.productId === 'p1')).toMatchObject({ ordered: 2, units: 4, revenue: o1.total + o2.total + o4.total, stockLeft: 46 });
    expect(d.segments).toEqual([
      expect.objectContaining({ segmentId: 'seg-a', title: '오프닝', orders: 3, revenue: o1.total + o2.total + o3.total }),
      expect.objectContaining({ segmentId: 'seg-b', orders: 1, revenue: o4.total }),
    ]);

    // A cancelled order no longer counts; v2 is then no buyer.
    expect((await api.call('POST', `/api/orders/${o3.id}/cancel`, { reason: 'test' })).status).toBe(200);
    d = await dashboard(show.id);
    expect(d).toMatchObject({ orders: 3, buyers: 2, revenue: o1.total + o2.total + o4.total });
    expect(d.conversion).toBeCloseTo(2 / 4);
    expect(v4).toBeTruthy();

    let pushed = await studio.next('dashboard');
    while ((pushed.dashboard as Dashboard).showId !== show.id || (pushed.dashboard as Dashboard).orders !== 3) pushed = await studio.next('dashboard');
    expect(pushed).toMatchObject({ showId: show.id, dashboard: { buyers: 2, uniqueViewers: 4 } });
    studio.close();
  });

  it('keeps a rehearsal’s numbers apart from the real show’s', async () => {
    const { show, token } = await api.liveShow('real');
    const real = await api.viewer(token);
    await order(token, real, 'p1', 1);
    const rehearsal = (await api.call<{ show: Show; link: WatchLink }>('POST', `/api/shows/${show.id}/rehearsal`)).body;
    await api.call('POST', `/api/shows/${rehearsal.show.id}/start`);
    const rToken = rehearsal.link.url.split('/w/')[1]!;
    const rv = await api.viewer(rToken);
    await order(rToken, rv, 'p1', 2);
    await api.fire(rehearsal.show.id, openPoll());
    expect((await api.watch(rToken, 'POST', '/polls/vote', { viewerId: rv, pollId: 'poll1', choiceIndex: 0 })).status).toBe(200);
    expect(await dashboard(show.id)).toMatchObject({ orders: 1, buyers: 1, uniqueViewers: 1, polls: [] });
    expect(await dashboard(rehearsal.show.id)).toMatchObject({ orders: 1, buyers: 1, uniqueViewers: 1, polls: [{ counts: [1, 0, 0] }] });
  });

  it('refuses segments without the studio key, with bad bodies, for unknown or ended shows', async () => {
    const { show } = await api.liveShow('segments');
    expect((await api.call('POST', `/api/shows/${show.id}/segment`, { segmentId: 's', title: 'x' }, null)).status).toBe(401);
    expect((await api.call('POST', `/api/shows/${show.id}/segment`, { segmentId: '../x', title: 'x' })).body).toMatchObject({ error: 'bad_request' });
    expect((await api.call('POST', `/api/shows/${show.id}/segment`, { segmentId: 's', title: '' })).body).toMatchObject({ error: 'bad_request' });
    expect((await api.call('POST', `/api/shows/${show.id}/segment`, undefined, relay.studioKey, '{nope')).body).toMatchObject({ error: 'bad_request' });
    expect((await api.call('POST', '/api/shows/sh_missing/segment', { segmentId: 's', title: 'x' })).status).toBe(404);
    expect((await api.call('GET', '/api/shows/sh_missing/dashboard')).status).toBe(404);
    expect((await api.call('GET', `/api/shows/${show.id}/report`, undefined, null)).status).toBe(401);
    await api.call('POST', `/api/shows/${show.id}/end`);
    expect((await segment(show.id, 's', 'late')).status).toBe(409);
    expect((await dashboard(show.id)).segments).toEqual([]);
  });
});

describe('report', () => {
  it('has cue markers, viewer samples, the funnel and repeat buyers (by device or phone, earlier real shows only)', async () => {
    const earlier = await api.liveShow('earlier');
    const [returning, samePhone, cancelled] = [await api.viewer(earlier.token), await api.viewer(earlier.token), await api.viewer(earlier.token)];
    await order(earlier.token, returning, 'p1', 1, '010-1111-1111');
    await order(earlier.token, samePhone, 'p1', 1, '010-2222-2222');
    const gone = await order(earlier.token, cancelled, 'p1', 1, '010-3333-3333');
    await api.call('POST', `/api/orders/${gone.id}/cancel`, { reason: 'test' });
    await api.call('POST', `/api/shows/${earlier.show.id}/end`);

    const { show, token } = await api.liveShow('the show');
    const watcher = await api.socket(token);
    await api.fire(show.id, { op: 'pin', cards: [{ productId: 'p1', name: '린넨 셔츠', imageUrls: [], currency: 'KRW', price: 30000, salePrice: null, stock: 50, externalUrl: null }] });
    await api.fire(show.id, { op: 'dropCoupon', coupon: { couponId: 'c-drop', code: 'LIVE10', kind: 'fixed', amount: 3000, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 60 });
    await api.fire(show.id, openQuiz('q-first', 60));
    await api.fire(show.id, openPoll());
    await api.fire(show.id, { op: 'unpin', productId: 'p1' });
    await api.fire(show.id, { op: 'clearCards' });
    // Same device as before; a new device with an earlier buyer's phone; a device whose earlier order was cancelled; a newcomer.
    for (const v of [returning, cancelled]) await api.watch(token, 'POST', '/viewers', { viewerId: v, nickname: null });
    const newDevice = await api.viewer(token);
    const newcomer = await api.viewer(token);
    await order(token, returning, 'p1', 1, '010-9999-0000');
    await order(token, newDevice, 'p2', 1, '010 2222 2222');
    await order(token, cancelled, 'p2', 1, '010-3333-3333');
    await order(token, newcomer, 'p2', 1, '010-4444-4444');

    const r = await eventually(() => report(show.id), (x) => x.viewersOverTime.some((s) => s.viewers >= 1) && x.products.some((p) => p.saw > 0), 20_000);
    expect(r).toMatchObject({ title: 'the show', startedAt: expect.any(String), endedAt: null, repeatBuyers: 2, orders: 4, buyers: 4 });
    expect(r.viewersPeak).toBeGreaterThanOrEqual(1);
    expect(r.cues.map((c) => c.label)).toEqual(['Pinned: 린넨 셔츠', 'Coupon: LIVE10', 'Quiz: 오늘 셔츠의 소재는?', 'Poll: 다음 색상은?', 'Unpinned: 린넨 셔츠', 'Cleared cards']);
    for (const c of r.cues) expect(c.at).toBeGreaterThanOrEqual(Date.parse(r.startedAt!));
    expect(r.products.find((p) => p.productId === 'p1')).toMatchObject({ saw: 1, ordered: 1 });
    expect(r.coupons).toEqual([expect.objectContaining({ couponId: 'c-prize' }), expect.objectContaining({ couponId: 'c-drop', code: 'LIVE10', quota: 100, claimed: 0 })]);
    expect(r.quizzes).toEqual([{ quizId: 'q-first', question: CATALOG.quizzes[0]!.question, answers: 0, correct: 0, winners: 0 }]);
    watcher.s.close();
  });

  it('exports a CSV with a BOM and no formula a spreadsheet would run', async () => {
    const { show, token } = await api.liveShow('=HYPERLINK("http://evil")');
    const v = await api.viewer(token);
    await order(token, v, 'p2', 1);
    await segment(show.id, 'seg', '+SUM(A1:A9)');
    const res = await api.call('GET', `/api/shows/${show.id}/report.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    // Read as bytes: fetch's text() drops a leading BOM.
    const raw = Buffer.from(await (await fetch(`${relay.url}/api/shows/${show.id}/report.csv`, { headers: { authorization: `Bearer ${relay.studioKey}` } })).arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const cells = res.text.split('\r\n').flatMap((line) => line.split(','));
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^\s*[=+\-@]/);
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.text).toContain("p2,'=cmd|' /C calc'!A0,");
    expect(res.text).toContain("seg,'+SUM(A1:A9)");
    expect((await api.call('GET', `/api/shows/${show.id}/report.csv`, undefined, null)).status).toBe(401);
  });
});
