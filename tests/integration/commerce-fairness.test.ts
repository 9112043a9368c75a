import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowCatalog } from '../../common/commerce/show-catalog.js';
import type { QuizOutcome } from '../../common/protocol/watch-api.js';
import { VIEWER_ID_HEADER } from '../../common/protocol/viewer-header.js';
import { NETWORK_SHARE } from '../../server/src/commerce/identity.js';
import { call, checkoutBody, sampleBuyer, shopShow, type ShopShow } from '../helpers/commerce-api.js';
import { eventually, sleepUntil } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { requestFrom, sourceAddress, type SourcedAnswer } from '../helpers/source-address.js';

/**
 * A script with 50 fresh device ids on one network among real buyers, each on its own network
 * (distinct 127.x.y.z source addresses), against a real relay: it holds at most the caps, claims and
 * votes at most its share, cannot win a quiz with a forged time, takes at most one prize, and
 * every real buyer still succeeds.
 */
const SCRIPT = '127.66.66.66';
const BOTS = 50;
const REAL = 10;
let relay: RunningRelay;

const catalog: ShowCatalog = {
  products: [
    { id: 'flash', name: '한정 패딩', imageUrls: [], currency: 'KRW', price: 20000, salePrice: null, stock: 40, options: [], externalUrl: null, perBuyerCap: 1 },
    { id: 'flash2', name: '한정 코트', imageUrls: [], currency: 'KRW', price: 20000, salePrice: null, stock: 40, options: [], externalUrl: null, perBuyerCap: 1 },
  ],
  coupons: [
    { id: 'c-drop', code: 'DROP', kind: 'fixed', amount: 2000, currency: 'KRW', minOrder: 0, totalQuota: 100, perViewerCap: 1, validFrom: null, validUntil: null },
    { id: 'c-prize', code: 'PRIZE', kind: 'fixed', amount: 2000, currency: 'KRW', minOrder: 0, totalQuota: 10, perViewerCap: 1, validFrom: null, validUntil: null },
  ],
  quizzes: [
    { id: 'q-forged', question: '소재는?', choices: ['면', '울'], correctIndex: 1, winners: 3, winnerRule: 'first', rewardCouponId: 'c-prize' },
    { id: 'q-fast', question: '색상은?', choices: ['흑', '백'], correctIndex: 0, winners: 3, winnerRule: 'first', rewardCouponId: 'c-prize' },
  ],
  polls: [{ id: 'poll', question: '다음은?', choices: ['A', 'B'] }],
  payment: { bankTransfer: { bank: '국민은행', accountNumber: '123-456-789012', holder: '김판매' }, cashOnDelivery: true, card: true, shippingFee: 0, freeShippingFrom: null },
};

type Json = Record<string, unknown>;
const from = (address: string, shop: ShopShow, method: string, rest: string, body?: unknown, viewerId?: string): Promise<SourcedAnswer<Json>> =>
  requestFrom<Json>(relay.url, address, method, `/api/watch/${shop.token}${rest}`, body, viewerId ? { [VIEWER_ID_HEADER]: viewerId } : {});
const register = async (address: string, shop: ShopShow) => (await from(address, shop, 'POST', '/viewers', { viewerId: null, nickname: null })).body.viewerId as string;
const fire = async (showId: string, op: unknown, n: number) => {
  const base = ((await call(relay, 'GET', `/api/shows/${showId}/stage`)).body as { version: number }).version;
  const r = await call(relay, 'POST', `/api/shows/${showId}/cues`, { firingId: `fair${n}`, baseVersion: base, captureMs: null, op });
  if (r.status !== 200) throw new Error(`cue: ${r.text}`);
  return r.body as { quiz?: { endsAt: number } };
};

let shop: ShopShow;
let bots: string[];
let real: string[];

beforeAll(async () => {
  relay = await startRelay();
  shop = await shopShow(relay, catalog);
  bots = [];
  for (let i = 0; i < BOTS; i++) bots.push(await register(SCRIPT, shop));
  real = await Promise.all(Array.from({ length: REAL }, (_, i) => register(sourceAddress(i), shop)));
}, 60_000);
afterAll(async () => {
  await relay?.stop();
});

describe('a script with 50 device ids on one network, among real buyers', () => {
  it('holds at most the per-buyer cap (one phone) and the network share (fresh phones); every real buyer gets theirs', async () => {
    const tap = (address: string, viewerId: string, productId: string, buyer: Json) =>
      from(address, shop, 'POST', '/orders', checkoutBody(viewerId, { line: { productId, optionId: null, quantity: 1 }, expectedTotal: 20000, buyer }));
    const burst = await Promise.all([
      // Naive: one phone and address for every id (a scalper wants the goods delivered).
      ...bots.map((v) => tap(SCRIPT, v, 'flash', sampleBuyer({ phone: '010-6666-0000', address: { postcode: '04524', line1: '서울 중구 세종대로 110', line2: '' } }))),
      // Careful: fresh phone and address per id, never paying.
      ...bots.map((v, i) => tap(SCRIPT, v, 'flash2', sampleBuyer({ phone: `010-6666-${String(i + 1).padStart(4, '0')}`, address: { postcode: '04524', line1: '서울 중구 세종대로 110', line2: `${i + 1}호` } }))),
      ...real.map((v, i) => tap(sourceAddress(i), v, 'flash', sampleBuyer({ phone: `010-1000-${String(i).padStart(4, '0')}`, address: { postcode: '06236', line1: `서울 강남구 테헤란로 ${i + 1}`, line2: '' } }))),
    ]);
    const botFlash = burst.slice(0, BOTS);
    const botFlash2 = burst.slice(BOTS, 2 * BOTS);
    const realAnswers = burst.slice(2 * BOTS);
    expect(botFlash.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(botFlash.filter((r) => r.status !== 201).map((r) => r.body.error))).toEqual(new Set(['buyer_cap']));
    expect(botFlash2.filter((r) => r.status === 201)).toHaveLength(NETWORK_SHARE);
    expect(new Set(botFlash2.filter((r) => r.status !== 201).map((r) => r.body.error))).toEqual(new Set(['network_cap']));
    expect(realAnswers.map((r) => r.status)).toEqual(Array(REAL).fill(201));
    // The seller sees the script as one network cluster and can cancel it in one go.
    const clusters = (await call(relay, 'GET', `/api/shows/${shop.show.id}/orders/clusters`)).body as unknown as { by: string; orderIds: string[] }[];
    const network = clusters.find((c) => c.by === 'network' && c.orderIds.length === 1 + NETWORK_SHARE)!;
    expect(network).toBeDefined();
    const cancelled = await call(relay, 'POST', `/api/shows/${shop.show.id}/orders/cancel`, { orderIds: network.orderIds, reason: 'script' });
    expect((cancelled.body as { cancelled: string[] }).cancelled).toHaveLength(1 + NETWORK_SHARE);
    const stock = (await call(relay, 'GET', `/api/shows/${shop.show.id}/stock`)).body as unknown as { productId: string; stock: number }[];
    expect(stock.find((s) => s.productId === 'flash')!.stock).toBe(40 - REAL);
    expect(stock.find((s) => s.productId === 'flash2')!.stock).toBe(40);
  });

  it('gets no new ids past its network budget, and a made-up id is not taken', async () => {
    const more = await Promise.all(Array.from({ length: 100 }, () => from(SCRIPT, shop, 'POST', '/viewers', { viewerId: null, nickname: null })));
    expect(more.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect(more.filter((r) => r.status === 429).every((r) => r.body.error === 'device_budget')).toBe(true);
    expect((await from(sourceAddress(500), shop, 'POST', '/viewers', { viewerId: null, nickname: null })).status).toBe(200);
    const madeUp = await from(sourceAddress(501), shop, 'POST', '/viewers', { viewerId: 'made_up_by_script_0001', nickname: null });
    expect(madeUp.body.viewerId).not.toBe('made_up_by_script_0001');
  });

  it('claims a coupon drop and votes in a poll at most its share; every real viewer claims and votes', async () => {
    await fire(shop.show.id, { op: 'dropCoupon', coupon: { couponId: 'c-drop', code: 'DROP', kind: 'fixed', amount: 2000, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 60 }, 1);
    await fire(shop.show.id, { op: 'openPoll', poll: { pollId: 'poll', question: '다음은?', choices: ['A', 'B'] }, durationSec: null }, 2);
    const claims = await Promise.all([...bots.map((v) => from(SCRIPT, shop, 'POST', '/coupons/claim', { viewerId: v, couponId: 'c-drop' })), ...real.map((v, i) => from(sourceAddress(i), shop, 'POST', '/coupons/claim', { viewerId: v, couponId: 'c-drop' }))]);
    expect(claims.slice(0, BOTS).filter((r) => r.status === 200)).toHaveLength(NETWORK_SHARE);
    expect(claims.slice(BOTS).map((r) => r.status)).toEqual(Array(REAL).fill(200));
    const votes = await Promise.all([...bots.map((v) => from(SCRIPT, shop, 'POST', '/polls/vote', { viewerId: v, pollId: 'poll', choiceIndex: 0 })), ...real.map((v, i) => from(sourceAddress(i), shop, 'POST', '/polls/vote', { viewerId: v, pollId: 'poll', choiceIndex: 1 }))]);
    expect(votes.slice(0, BOTS).filter((r) => r.status === 200)).toHaveLength(NETWORK_SHARE);
    expect(votes.slice(BOTS).map((r) => r.status)).toEqual(Array(REAL).fill(200));
    // After the drop ended, its code no longer claims it at checkout.
    await fire(shop.show.id, { op: 'closeCoupon' }, 3);
    const late = await from(sourceAddress(9), shop, 'POST', '/orders', checkoutBody(await register(sourceAddress(300), shop), { line: { productId: 'flash2', optionId: null, quantity: 1 }, couponCode: 'DROP', expectedTotal: 18000 }));
    expect(late.body).toMatchObject({ error: 'coupon_expired' });
  });

  it('cannot win a quiz with a forged shownAt, and takes at most one prize with many ids', async () => {
    const outcome = (address: string, viewerId: string, quizId: string) => from(address, shop, 'GET', `/quizzes/${quizId}/outcome`, undefined, viewerId);
    const answer = (address: string, viewerId: string, quizId: string, choiceIndex: number, shownAt: number) => from(address, shop, 'POST', '/quizzes/answer', { viewerId, quizId, choiceIndex, shownAt });
    // Real viewers answer first; the script answers later with every id, each claiming its screen showed the quiz just now.
    const O = (await fire(shop.show.id, { op: 'openQuiz', quiz: { quizId: 'q-forged', question: '소재는?', choices: ['면', '울'], winners: 3 }, durationSec: 5 }, 4)).quiz!.endsAt - 5000;
    await sleepUntil(O + 300);
    for (const [i, v] of real.slice(0, 3).entries()) expect((await answer(sourceAddress(i), v, 'q-forged', 1, O + 200)).status).toBe(200);
    await sleepUntil(O + 1500);
    const forged = await Promise.all(bots.map((v) => answer(SCRIPT, v, 'q-forged', 1, Date.now() - 1)));
    expect(forged.every((r) => r.status === 200)).toBe(true);
    await fire(shop.show.id, { op: 'closeQuiz' }, 5);
    const realOutcomes = await eventually(() => Promise.all(real.slice(0, 3).map((v, i) => outcome(sourceAddress(i), v, 'q-forged'))), (rs) => rs.every((r) => r.status === 200));
    expect(realOutcomes.map((r) => (r.body as QuizOutcome).you)).toEqual(['won', 'won', 'won']);
    // Now the script is fastest with all 50 ids: it takes one prize, real viewers the other two.
    await fire(shop.show.id, { op: 'openQuiz', quiz: { quizId: 'q-fast', question: '색상은?', choices: ['흑', '백'], winners: 3 }, durationSec: 5 }, 6);
    expect((await Promise.all(bots.map((v) => answer(SCRIPT, v, 'q-fast', 0, Date.now())))).every((r) => r.status === 200)).toBe(true);
    for (const [i, v] of real.slice(3, 6).entries()) expect((await answer(sourceAddress(3 + i), v, 'q-fast', 0, Date.now())).status).toBe(200);
    await fire(shop.show.id, { op: 'closeQuiz' }, 7);
    const botOutcomes = await eventually(() => Promise.all(bots.map((v) => outcome(SCRIPT, v, 'q-fast'))), (rs) => rs.every((r) => r.status === 200));
    expect(botOutcomes.filter((r) => (r.body as QuizOutcome).you === 'won')).toHaveLength(1);
    const realFast = await Promise.all(real.slice(3, 6).map((v, i) => outcome(sourceAddress(3 + i), v, 'q-fast')));
    expect(realFast.filter((r) => (r.body as QuizOutcome).you === 'won')).toHaveLength(2);
  });
});
