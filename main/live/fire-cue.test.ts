import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../common/ipc-contract.js';
import type { CueAction } from '../../common/rundown.js';
import { Catalog } from '../catalog/catalog.js';
import { RelayClient } from '../relay-client.js';
import type { StudioDb } from '../store/studio-db.js';
import { fakeShow, startFakeRelay, type FakeRelay } from '../testing/fake-relay.js';
import { JPEG_2X4, pngBytes } from '../testing/images.js';
import { tempStudioDb } from '../testing/temp-db.js';
import { fireCue } from './fire-cue.js';
import { RelayAssets } from './relay-assets.js';

// The relay here is a FAKE (main/testing/fake-relay.ts): a real HTTP server on 127.0.0.1 that
// records requests, standing in for server/ in these unit tests.
let relay: FakeRelay;
let db: StudioDb;
let catalog: Catalog;
let client: RelayClient;
let assets: RelayAssets;
let firing = 0;

beforeEach(async () => {
  relay = await startFakeRelay();
  relay.shows.set('show1', fakeShow('show1', 'live'));
  db = tempStudioDb();
  catalog = new Catalog(db);
  client = new RelayClient(relay.url, relay.key);
  assets = new RelayAssets((ref) => catalog.images.read(ref));
});
afterEach(async () => {
  await relay.close();
  db.close();
});

const fire = (action: CueAction, baseVersion = relay.stages.get('show1')?.version ?? 0) =>
  fireCue({ showId: 'show1', action, firingId: `f${++firing}`, captureMs: 1234.5, baseVersion }, catalog, client, assets);

async function rejection(p: Promise<unknown>): Promise<StudioError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StudioError) return e;
    throw e;
  }
  throw new Error('expected a StudioError');
}

const cuePosts = () => relay.requests.filter((r) => r.url.endsWith('/cues'));
const uploads = () => relay.requests.filter((r) => r.url === '/api/assets');

describe('firing cues', () => {
  it('uploads product images once per relay, then pins cards with the relay’s absolute image URLs', async () => {
    const png = pngBytes(2, 2);
    const pngRef = catalog.images.addBytes(png).ref;
    const jpgRef = catalog.images.addBytes(JPEG_2X4).ref;
    const knit = catalog.products.save(undefined, { name: '캐시미어 니트', price: 39000, salePrice: 29000, stock: 15, images: [pngRef, jpgRef], externalUrl: 'https://shop.example/knit' });
    const tee = catalog.products.save(undefined, { name: 'Tee', price: 1999, currency: 'USD', stock: 0, images: [pngRef] });

    const stage = await fire({ kind: 'showProducts', productIds: [knit.id, tee.id] });
    expect(uploads().map((u) => [u.headers['content-type'], u.headers.authorization, u.body.length])).toEqual([
      ['image/png', `Bearer ${relay.key}`, png.length],
      ['image/jpeg', `Bearer ${relay.key}`, JPEG_2X4.length],
    ]);
    expect(uploads()[0]!.body).toEqual(png);
    const [post] = cuePosts();
    expect(post!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(post!.body.toString()) as Record<string, unknown>;
    expect(body).toEqual({
      firingId: 'f1',
      baseVersion: 0,
      captureMs: 1234.5,
      op: {
        op: 'pin',
        cards: [
          {
            productId: knit.id,
            name: '캐시미어 니트',
            price: 39000,
            salePrice: 29000,
            currency: 'KRW',
            stock: 15,
            externalUrl: 'https://shop.example/knit',
            imageUrls: [`${relay.url}/assets/${pngRef}`, `${relay.url}/assets/${jpgRef}`],
            options: [],
          },
          { productId: tee.id, name: 'Tee', price: 1999, salePrice: null, currency: 'USD', stock: 0, externalUrl: null, imageUrls: [`${relay.url}/assets/${pngRef}`], options: [] },
        ],
      },
    });
    expect(stage).toMatchObject({ version: 1, pinned: [{ productId: knit.id }, { productId: tee.id }] });

    await fire({ kind: 'close', target: 'cards' });
    await fire({ kind: 'showProducts', productIds: [knit.id] });
    expect(uploads()).toHaveLength(2); // the relay already has both pictures
    // A different relay (the seller switched) gets its own uploads.
    const other = await startFakeRelay();
    other.shows.set('show1', fakeShow('show1', 'live'));
    try {
      await fireCue({ showId: 'show1', action: { kind: 'showProducts', productIds: [tee.id] }, firingId: 'o1', captureMs: null, baseVersion: 0 }, catalog, new RelayClient(other.url, other.key), assets);
      expect(other.requests.filter((r) => r.url === '/api/assets')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('opens a quiz without ever sending its correct answer', async () => {
    const quiz = catalog.quizzes.save(undefined, { question: '이 니트의 소재는?', choices: ['면', '캐시미어', '울'], correctIndex: 1, timeLimitSec: 20, winners: 3 });
    const stage = await fire({ kind: 'openQuiz', quizId: quiz.id });
    const raw = cuePosts()[0]!.body.toString();
    expect(JSON.parse(raw).op).toEqual({ op: 'openQuiz', quiz: { quizId: quiz.id, question: '이 니트의 소재는?', choices: ['면', '캐시미어', '울'], winners: 3 }, durationSec: 20 });
    expect(raw).not.toMatch(/correct|winnerRule|reward/i);
    expect(stage.quiz).toMatchObject({ quizId: quiz.id });
    expect(stage.quiz).not.toHaveProperty('correctIndex');
  });

  it('drops a coupon, opens a poll, and closes each of them', async () => {
    const coupon = catalog.coupons.save(undefined, { code: 'live10', kind: 'fixed', amount: 3000, minOrder: 20000, totalQuota: 50, perViewerCap: 2 });
    const poll = catalog.polls.save(undefined, { question: '다음 색상은?', choices: ['블랙', '아이보리'] });
    await fire({ kind: 'dropCoupon', couponId: coupon.id, durationSec: 90 });
    await fire({ kind: 'openPoll', pollId: poll.id });
    const ops = () => cuePosts().map((p) => JSON.parse(p.body.toString()).op);
    expect(ops()).toEqual([
      { op: 'dropCoupon', coupon: { couponId: coupon.id, code: 'LIVE10', kind: 'fixed', amount: 3000, currency: 'KRW', minOrder: 20000, quotaTotal: 50 }, durationSec: 90 },
      { op: 'openPoll', poll: { pollId: poll.id, question: '다음 색상은?', choices: ['블랙', '아이보리'] }, durationSec: null },
    ]);
    await fire({ kind: 'close', target: 'coupon' });
    await fire({ kind: 'close', target: 'poll' });
    await fire({ kind: 'close', target: 'quiz' }).catch(() => undefined);
    expect(ops().slice(2)).toEqual([{ op: 'closeCoupon' }, { op: 'closePoll' }, { op: 'closeQuiz' }]);
  });

  it('refuses a cue whose product, coupon, quiz or poll was deleted, naming it, and sends nothing', async () => {
    const ref = catalog.images.addBytes(pngBytes()).ref;
    const knit = catalog.products.save(undefined, { name: '캐시미어 니트', price: 39000, stock: 1, images: [ref] });
    const tee = catalog.products.save(undefined, { name: 'Tee', price: 1000, stock: 1 });
    const coupon = catalog.coupons.save(undefined, { code: 'LIVE10', kind: 'percent', amount: 10, totalQuota: 10 });
    const quiz = catalog.quizzes.save(undefined, { question: 'Q1?', choices: ['a', 'b'], correctIndex: 0, timeLimitSec: 10, winners: 1 });
    const poll = catalog.polls.save(undefined, { question: 'P1?', choices: ['a', 'b'] });
    catalog.products.delete(knit.id);
    catalog.coupons.delete(coupon.id);
    catalog.quizzes.delete(quiz.id);
    catalog.polls.delete(poll.id);

    const e = await rejection(fire({ kind: 'showProducts', productIds: [tee.id, knit.id] }));
    expect(e.code).toBe('not_found');
    expect(e.message).toMatch(/^This cue shows “캐시미어 니트”, which is no longer in the catalog\./);
    expect((await rejection(fire({ kind: 'showProducts', productIds: [knit.id, 'never-existed'] }))).message).toMatch(
      /shows “캐시미어 니트” and a product \(id never-existed\), which are no longer/,
    );
    expect((await rejection(fire({ kind: 'dropCoupon', couponId: coupon.id, durationSec: 30 }))).message).toMatch(/drops the coupon LIVE10, which is no longer/);
    expect((await rejection(fire({ kind: 'openQuiz', quizId: quiz.id }))).message).toMatch(/opens the quiz “Q1\?”/);
    expect((await rejection(fire({ kind: 'openPoll', pollId: poll.id }))).message).toMatch(/opens the poll “P1\?”/);
    expect(relay.requests).toEqual([]);
  });

  it.each([
    [409, 'not_live', 'The show is not live; start it first.'],
    [409, 'too_many_pinned', 'at most 3 products can be pinned; unpin one first'],
    [409, 'nothing_to_close', 'nothing to close'],
    [404, 'not_found', 'no such show'],
  ])('passes the relay’s %i %s through as a StudioError', async (status, error, message) => {
    relay.failNextCue = { status, error, message };
    const e = await rejection(fire({ kind: 'close', target: 'cards' }));
    expect({ code: e.code, message: e.message }).toEqual({ code: error, message });
  });

  it('reports a stale stage when another window fired first', async () => {
    const tee = catalog.products.save(undefined, { name: 'Tee', price: 1000, stock: 1 });
    await fire({ kind: 'showProducts', productIds: [tee.id] }, 0);
    const e = await rejection(fire({ kind: 'close', target: 'cards' }, 0));
    expect(e.code).toBe('stale_stage');
    expect(relay.stages.get('show1')!.pinned).toHaveLength(1);
  });

  it('does not fire the card when an image upload fails, and uploads again next time', async () => {
    const ref = catalog.images.addBytes(pngBytes()).ref;
    const tee = catalog.products.save(undefined, { name: 'Tee', price: 1000, stock: 1, images: [ref] });
    relay.failAssets = true;
    expect((await rejection(fire({ kind: 'showProducts', productIds: [tee.id] }))).message).toBe('disk full on the relay');
    expect(cuePosts()).toHaveLength(0);
    relay.failAssets = false;
    await fire({ kind: 'showProducts', productIds: [tee.id] });
    expect(uploads()).toHaveLength(2);
    expect(cuePosts()).toHaveLength(1);
  });

  it('shares one upload between firings in flight at the same moment', async () => {
    const ref = catalog.images.addBytes(pngBytes(3, 3)).ref;
    const [a, b] = await Promise.all([assets.urlFor(client, ref), assets.urlFor(client, ref)]);
    expect(a).toBe(`${relay.url}/assets/${ref}`);
    expect(b).toBe(a);
    expect(uploads()).toHaveLength(1);
  });

  it('reads the stage and starts a rehearsal through the relay client', async () => {
    expect(await client.getStage('show1')).toEqual({ version: 0, pinned: [], coupon: null, quiz: null, poll: null });
    expect(await client.rehearse('show1')).toMatchObject({ show: { rehearsalOf: 'show1' }, link: { url: expect.any(String) } });
    expect(relay.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/shows/show1/stage', 'POST /api/shows/show1/rehearsal']);
  });
});
