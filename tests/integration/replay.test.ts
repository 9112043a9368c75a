import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayChat, type ReadyReplay, type ReplayInfo } from '../../common/replay/replay-view.js';
import type { Show } from '../../common/show.js';
import { checkoutBody, openRelayDbReadOnly, randomId, sampleBuyer, sampleCatalog } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { timelineFile } from '../../server/src/replay/replay-paths.js';
import { setRecording, writeReplayFixture } from '../helpers/replay-fixture.js';

/**
 * The replay routes and replay buying against a real relay (loopback, no media) and its SQLite
 * file, with a real ffmpeg-made VP8/Opus replay where the recording side puts it.
 */
let relay: RunningRelay;
const api = relayApi(() => relay);
let show: Show;
let token = '';
let bytes = 0;
let liveOrderId = '';
let showId = '';
const tee = { productId: 'tee', name: '기본 티셔츠', imageUrls: [] as string[], currency: 'KRW' as const, price: 20000, salePrice: 15000, stock: 10, externalUrl: null };

const info = async () => (await api.watch<ReplayInfo>(token, 'GET', '/replay')).body;
const video = (init: RequestInit = {}) => fetch(`${relay.url}/api/watch/${token}/replay/video`, init);
const sourceOf = (orderId: string) => {
  const db = openRelayDbReadOnly(relay);
  try {
    return db.prepare('SELECT source, segment_id, total FROM orders WHERE id = ?').get(orderId) as { source: string; segment_id: string | null; total: number };
  } finally {
    db.close();
  }
};
const orderCount = () => {
  const db = openRelayDbReadOnly(relay);
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM orders WHERE show_id = ?').get(show.id) as { n: number }).n;
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  relay = await startRelay();
  const live = await api.liveShow('봄 니트 라이브', sampleCatalog());
  token = live.token;
  showId = live.show.id;
  await api.call('POST', `/api/shows/${live.show.id}/segment`, { segmentId: 'intro', title: '인사' });
  await api.call('POST', `/api/shows/${live.show.id}/segment`, { segmentId: 'tee', title: '티셔츠 소개' });
  await api.fire(live.show.id, { op: 'pin', cards: [tee] });
  await api.fire(live.show.id, { op: 'dropCoupon', coupon: { couponId: 'c10', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 60 });
  // A 라이브 특가 still running after the show ends: live-only, so the replay does not sell at it by default.
  expect((await api.call('POST', `/api/shows/${live.show.id}/specials`, { productId: 'tee', price: 12000, minutes: 30 })).status).toBe(201);
  const viewerId = await api.viewer(token);
  await api.fire(live.show.id, { op: 'openPoll', poll: { pollId: 'poll1', question: '다음 색상은?', choices: ['블랙', '화이트'] }, durationSec: null });
  expect((await api.watch(token, 'POST', '/polls/vote', { viewerId, pollId: 'poll1', choiceIndex: 1 })).status).toBe(200);
  await api.fire(live.show.id, { op: 'closePoll' });
  // The live chat: two host lines, one deleted by moderation (never replayed).
  expect((await api.call('POST', `/api/shows/${live.show.id}/chat`, { text: '어서 오세요! <b>봄 니트</b> 라이브예요' })).status).toBe(201);
  const oops = (await api.call<{ id: string }>('POST', `/api/shows/${live.show.id}/chat`, { text: '실수로 보낸 메시지' })).body;
  expect((await api.call('POST', `/api/shows/${live.show.id}/chat/actions`, { action: 'delete', messageId: oops.id })).status).toBe(204);
  const order = await api.watch<{ id: string }>(token, 'POST', '/orders', checkoutBody(viewerId, { expectedTotal: 15000 }));
  expect(order.status).toBe(201);
  liveOrderId = order.body.id;
}, 120_000);
afterAll(async () => {
  await relay?.stop();
});

describe('the replay on the watch link', () => {
  it('has no replay while the show is live', async () => {
    expect(await info()).toEqual({ state: 'none' });
    expect((await api.watch(token, 'GET', '/replay/chat')).status).toBe(404);
    const r = await video();
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: string }).error).toBe('no_replay');
    expect(sourceOf(liveOrderId).source).toBe('live');
    expect(sourceOf(liveOrderId).segment_id).toBe('tee');
  });

  it('says processing with its progress, then ready with cues, chapters and a seekable video', async () => {
    expect((await api.call('POST', `/api/shows/${showId}/end`)).status).toBe(200);
    show = (await api.call<Show>('GET', `/api/shows/${showId}`)).body;
    expect(show.status).toBe('ended');
    expect(await info()).toEqual({ state: 'none' }); // ended, nothing recorded
    const startedAt = Date.parse(show.startedAt!);
    ({ bytes } = await writeReplayFixture(relay.dataDir, show.id, { wallStartMs: startedAt - 2000, durationSec: 12 }));
    setRecording(relay.dataDir, show.id, 'processing', { progress: 0.4 });
    expect(await info()).toEqual({ state: 'processing', progress: 0.4 });
    expect((await video()).status).toBe(404);

    setRecording(relay.dataDir, show.id, 'ready');
    const ready = (await info()) as ReadyReplay;
    expect(ready.state).toBe('ready');
    expect(ready.durationSec).toBe(12);
    expect(ready.liveOffers).toBe(false);
    const pin = ready.cues.find((c) => c.op.op === 'pin')!;
    // Unstamped (no capture time): placed by the relay's clock, 2 s of recording before go-live.
    expect(pin.atSec).toBeGreaterThan(2);
    expect(pin.atSec).toBeLessThan(12);
    expect(pin.op.op === 'pin' && pin.op.cards[0]!.liveSpecial).toBeNull();
    expect(pin.op.op === 'pin' && pin.op.cards[0]!.stock).toBe(9); // today's stock: the live order took one
    expect(ready.cues.some((c) => c.op.op === 'dropCoupon')).toBe(false); // a live-only coupon, left out
    expect(ready.chapters.filter((c) => c.kind === 'segment').map((c) => c.title)).toEqual(['인사', '티셔츠 소개']);
    const product = ready.chapters.find((c) => c.kind === 'product')!;
    expect(product).toMatchObject({ productId: 'tee', title: '기본 티셔츠', atSec: pin.atSec });
    expect(ready.videoPath).toBe(`/api/watch/${token}/replay/video`);
    // The poll's final tally, at the moment the host closed it.
    const poll = ready.results.find((r) => r.kind === 'poll')!;
    expect(poll).toMatchObject({ pollId: 'poll1', question: '다음 색상은?', counts: [0, 1] });
    expect(poll.atSec).toBeGreaterThanOrEqual(pin.atSec);
    expect(ready.cues.filter((c) => c.op.op === 'openPoll' || c.op.op === 'closePoll')).toHaveLength(2);
  });

  it('serves byte ranges, 416 past the end, the whole file for a malformed Range, and HEAD', async () => {
    const part = await video({ headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/webm');
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${bytes}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const beyond = await video({ headers: { range: `bytes=${bytes}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes}`);
    await beyond.text();
    const malformed = await video({ headers: { range: 'bytes=zz-1' } });
    expect(malformed.status).toBe(200);
    expect((await malformed.arrayBuffer()).byteLength).toBe(bytes);
    const head = await video({ method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes));
    expect(head.headers.get('accept-ranges')).toBe('bytes');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const headRange = await video({ method: 'HEAD', headers: { range: 'bytes=10-19' } });
    expect(headRange.status).toBe(206);
    expect(headRange.headers.get('content-length')).toBe('10');
    expect((await fetch(`${relay.url}/api/watch/not-a-token/replay`)).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${relay.url}/api/watch/${token}/replay`, { method: 'POST' })).status).toBe(405);
  });

  it('sells from the replay at the regular price, marked replay by the relay; a forged source is refused', async () => {
    const viewerId = await api.viewer(token);
    const quote = await api.watch<{ unitPrice: number }>(token, 'POST', '/quote', { viewerId, line: { productId: 'tee', optionId: null, quantity: 1 }, couponCode: null });
    expect(quote.body.unitPrice).toBe(15000); // not the 12,000 special
    const before = orderCount();
    const forged = await api.watch<{ error: string }>(token, 'POST', '/orders', { ...checkoutBody(viewerId, { expectedTotal: 18000 }), source: 'live' });
    expect(forged.status).toBe(400);
    expect(forged.body.error).toBe('bad_request');
    expect(orderCount()).toBe(before);
    const liveCoupon = await api.watch<{ error: string }>(token, 'POST', '/orders', checkoutBody(viewerId, { couponCode: 'LIVE10', expectedTotal: 16500 }));
    expect(liveCoupon.status).toBe(409);
    expect(liveCoupon.body.error).toBe('coupon_expired');
    const order = await api.watch<{ id: string; quote: { total: number } }>(token, 'POST', '/orders', checkoutBody(viewerId, { expectedTotal: 18000 }));
    expect(order.status).toBe(201);
    expect(sourceOf(order.body.id)).toEqual({ source: 'replay', segment_id: null, total: 18000 });
    // A cart from the replay too: every line marked replay.
    const lines = [{ productId: 'tee', optionId: null, quantity: 2 }];
    const cart = await api.watch<{ orders: { id: string }[] }>(token, 'POST', '/carts', { viewerId, lines, idempotencyKey: randomId('cart_'), buyer: sampleBuyer(), payment: 'bank_transfer', expectedTotal: 33000, paymentToken: null, consent: true, couponCode: null });
    expect(cart.status).toBe(201);
    expect(cart.body.orders.map((o) => sourceOf(o.id).source)).toEqual(['replay']);
  });

  it("holds live-only offers in the replay when the seller says so", async () => {
    setRecording(relay.dataDir, show.id, 'ready', { liveOffersInReplay: true });
    const ready = (await info()) as ReadyReplay;
    expect(ready.liveOffers).toBe(true);
    expect(ready.cues.some((c) => c.op.op === 'dropCoupon')).toBe(true);
    const viewerId = await api.viewer(token);
    const quote = await api.watch<{ unitPrice: number; discount: number }>(token, 'POST', '/quote', { viewerId, line: { productId: 'tee', optionId: null, quantity: 1 }, couponCode: 'LIVE10' });
    expect(quote.status).toBe(200);
    expect(quote.body).toMatchObject({ unitPrice: 12000, discount: 1200 });
    setRecording(relay.dataDir, show.id, 'ready', { liveOffersInReplay: false });
  });

  it('replays the chat everyone saw live, at its replay seconds, as text; deleted messages stay gone', async () => {
    const chat = await api.watch<ReplayChat>(token, 'GET', '/replay/chat');
    expect(chat.status).toBe(200);
    expect(ReplayChat.safeParse(chat.body).success).toBe(true);
    expect(chat.body.lines.map((l) => l.message.text)).toEqual(['어서 오세요! <b>봄 니트</b> 라이브예요']);
    const [line] = chat.body.lines;
    expect(line!.message).toMatchObject({ role: 'host', nickname: '', visibility: 'all' });
    // Posted after go-live, which the fixture puts 2 s into a 12 s recording.
    expect(line!.atSec).toBeGreaterThan(2);
    expect(line!.atSec).toBeLessThan(12);
  });

  it('answers none, and keeps serving, when the timeline on disk is not valid', async () => {
    const file = timelineFile(relay.dataDir, show.id);
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, '{"version":1,"durationSec":-3,"parts":"x"');
    expect(await info()).toEqual({ state: 'none' });
    writeFileSync(file, good);
    expect((await info()).state).toBe('ready');
  });

  it('says deleted for a deleted recording, serves no video and takes no orders', async () => {
    setRecording(relay.dataDir, show.id, 'deleted');
    expect(await info()).toEqual({ state: 'deleted' });
    expect((await video({ headers: { range: 'bytes=0-9' } })).status).toBe(404);
    const chat = await api.watch<{ error: string }>(token, 'GET', '/replay/chat');
    expect(chat).toMatchObject({ status: 404, body: { error: 'no_replay' } });
    const viewerId = await api.viewer(token);
    const order = await api.watch<{ error: string }>(token, 'POST', '/orders', checkoutBody(viewerId, { expectedTotal: 18000 }));
    expect(order.status).toBe(409);
    expect(order.body.error).toBe('show_not_live');
  });
});
