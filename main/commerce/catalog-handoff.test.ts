import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../common/commerce/catalog.js';
import type { ShowCatalog } from '../../common/commerce/show-catalog.js';
import type { Show } from '../../common/show.js';
import { startCoreHarness, until, type CoreHarness } from '../testing/core-harness.js';
import { pngBytes } from '../testing/images.js';

// The relay is a FAKE (main/testing/fake-relay.ts + fake-relay-commerce.ts): a real HTTP server on
// 127.0.0.1 that keeps the stock it already holds on a re-hand-off, as docs/commerce-api.md says.
let h: CoreHarness;
beforeEach(async () => {
  h = await startCoreHarness();
});
afterEach(() => h.close());

const scheduled = (id: string, extra: Partial<Show> = {}): Show => ({ id, title: '봄 니트 라이브', status: 'scheduled', scheduledAt: null, startedAt: null, endedAt: null, createdAt: new Date(0).toISOString(), rehearsalOf: null, ...extra });
const catalogPuts = (showId = 'show1') => h.relay.requests.filter((r) => r.method === 'PUT' && r.url === `/api/shows/${showId}/catalog`);
const lastCatalog = (showId = 'show1') => JSON.parse(catalogPuts(showId).at(-1)!.body.toString('utf8')) as ShowCatalog;
const products = () => h.ok<Product[]>('products.list', {});
const fire = (showId = 'show1') => h.ok('cues.fire', { showId, action: { kind: 'close', target: 'cards' }, firingId: `f${Math.random().toString(36).slice(2, 10)}`, captureMs: null, baseVersion: 0 }).catch(() => undefined);

async function seed() {
  const { ref } = await h.ok<{ ref: string }>('images.add', { dataBase64: pngBytes(2, 2).toString('base64') });
  const knit = await h.ok<Product>('products.save', { input: { name: '캐시미어 니트', price: 39000, salePrice: 29000, stock: 6, images: [ref], options: [{ id: 'S', name: 'S', stock: 2 }, { id: 'M', name: 'M', stock: 4 }] } });
  const socks = await h.ok<Product>('products.save', { input: { name: '양말', price: 3000, stock: 10 } });
  const coupon = await h.ok<{ id: string }>('coupons.save', { input: { code: 'live10', kind: 'percent', amount: 10, totalQuota: 100 } });
  const quiz = await h.ok<{ id: string }>('quizzes.save', { input: { question: '소재는?', choices: ['면', '캐시미어'], correctIndex: 1, timeLimitSec: 20, winners: 3, rewardCouponId: coupon.id } });
  const poll = await h.ok<{ id: string }>('polls.save', { input: { question: '다음 색상?', choices: ['블랙', '아이보리'] } });
  h.relay.shows.set('show1', scheduled('show1'));
  return { ref, knit, socks, coupon, quiz, poll };
}

describe('catalog hand-off', () => {
  it('hands the whole catalog with image URLs and payment settings to the relay before the show starts', async () => {
    const { ref, knit, socks, coupon, quiz, poll } = await seed();
    await h.ok('shows.start', { showId: 'show1' });
    const order = h.relay.requests.filter((r) => r.url.startsWith('/api/shows/show1')).map((r) => `${r.method} ${r.url}`);
    expect(order.indexOf('PUT /api/shows/show1/catalog')).toBeLessThan(order.indexOf('POST /api/shows/show1/start'));
    expect(lastCatalog()).toEqual({
      products: [
        { id: knit.id, name: '캐시미어 니트', imageUrls: [`${h.relay.url}/assets/${ref}`], currency: 'KRW', price: 39000, salePrice: 29000, stock: 6, options: [{ id: 'S', name: 'S', stock: 2 }, { id: 'M', name: 'M', stock: 4 }], externalUrl: null },
        { id: socks.id, name: '양말', imageUrls: [], currency: 'KRW', price: 3000, salePrice: null, stock: 10, options: [], externalUrl: null },
      ],
      coupons: [{ id: coupon.id, code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, totalQuota: 100, perViewerCap: 1, validFrom: null, validUntil: null }],
      quizzes: [{ id: quiz.id, question: '소재는?', choices: ['면', '캐시미어'], correctIndex: 1, winners: 3, winnerRule: 'first', rewardCouponId: coupon.id }],
      polls: [{ id: poll.id, question: '다음 색상?', choices: ['블랙', '아이보리'] }],
      payment: { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000, freeShippingFrom: 50000 },
    });
    expect(h.relay.requests.filter((r) => r.url === '/api/assets')).toHaveLength(1);
  });

  it('re-sends before a cue only when the catalog or payment settings changed, never for stock alone', async () => {
    const { socks } = await seed();
    await h.ok('shows.start', { showId: 'show1' });
    await fire();
    await fire();
    expect(catalogPuts()).toHaveLength(1); // unchanged: not re-sent

    // Stock moves during a show (the relay owns it): no reason to hand off again.
    await h.ok('products.save', { id: socks.id, input: { name: '양말', price: 3000, stock: 7 } });
    await fire();
    expect(catalogPuts()).toHaveLength(1);

    await h.ok('products.save', { id: socks.id, input: { name: '양말', price: 2500, stock: 7 } });
    await fire();
    expect(catalogPuts()).toHaveLength(2);
    expect(lastCatalog().products[1]).toMatchObject({ price: 2500 });

    await h.ok('payment.save', { bankTransfer: { bank: '국민은행', accountNumber: '123-456', holder: '김판매' }, cashOnDelivery: true, card: false, shippingFee: 0, freeShippingFrom: null });
    await fire();
    expect(catalogPuts()).toHaveLength(3);
    expect(lastCatalog().payment).toMatchObject({ shippingFee: 0, bankTransfer: { accountNumber: '123-456' } });
    await fire();
    expect(catalogPuts()).toHaveLength(3);
  });

  it('sends the products a coupon covers and the Jeju/island surcharge; a limited coupon changes what is sent, an unlimited one hashes as before', async () => {
    const { knit, socks, coupon } = await seed();
    await h.ok('shows.start', { showId: 'show1' });
    expect(lastCatalog().coupons[0]).not.toHaveProperty('productIds');
    await h.ok('coupons.save', { id: coupon.id, input: { code: 'live10', kind: 'percent', amount: 10, totalQuota: 100, productIds: [socks.id] } });
    await h.ok('payment.save', { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000, freeShippingFrom: 50000, remoteSurcharge: { jeju: 3000, island: 5000 } });
    await fire();
    expect(catalogPuts()).toHaveLength(2);
    expect(lastCatalog().coupons[0]).toMatchObject({ code: 'LIVE10', productIds: [socks.id] });
    expect(lastCatalog().payment.remoteSurcharge).toEqual({ jeju: 3000, island: 5000 });
    // Out of range, the core refuses the settings and keeps what it had.
    expect((await h.core.handle('payment.save', { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000, freeShippingFrom: null, remoteSurcharge: { jeju: 2_000_000, island: 5000 } })).ok).toBe(false);
    await h.ok('products.delete', { id: knit.id });
    await fire();
    expect(lastCatalog().coupons[0]!.productIds).toEqual([socks.id]);
    expect(lastCatalog().payment.remoteSurcharge).toEqual({ jeju: 3000, island: 5000 });
  });

  it('hands a show it never saw (studio restarted mid-show) its catalog before the first cue', async () => {
    await seed();
    await fire();
    expect(catalogPuts()).toHaveLength(1);
  });

  it('writes the relay’s stock back: options first, product stock is their sum; the relay keeps what it holds on a re-hand-off', async () => {
    const { knit, socks } = await seed();
    await h.ok('shows.start', { showId: 'show1' });
    h.relay.commerce.addOrder('show1', { productId: knit.id, optionId: 'M', quantity: 3 });
    h.relay.commerce.addOrder('show1', { productId: socks.id, quantity: 4 });
    await until(() => h.events.filter(([e]) => e === 'relay.stock').length >= 3, 'stock events');
    const after = await products();
    expect(after.find((p) => p.id === knit.id)).toMatchObject({ stock: 3, options: [{ id: 'S', stock: 2 }, { id: 'M', stock: 1 }] });
    expect(after.find((p) => p.id === socks.id)).toMatchObject({ stock: 6 });
    expect(h.events).toContainEqual(['relay.stock', { showId: 'show1', items: [{ productId: knit.id, optionId: 'M', stock: 1 }] }]);

    // The seller edits the name (and types an old stock figure): the relay keeps its stock and the answer rewrites ours.
    await h.ok('products.save', { id: socks.id, input: { name: '울 양말', price: 3000, stock: 10 } });
    await fire();
    expect(lastCatalog().products[1]).toMatchObject({ name: '울 양말', stock: 10 });
    expect((await products()).find((p) => p.id === socks.id)).toMatchObject({ name: '울 양말', stock: 6 });
  });

  it('hands a rehearsal its own catalog and never writes a rehearsal’s stock into the catalog', async () => {
    const { socks } = await seed();
    const { show } = await h.ok<{ show: Show }>('shows.rehearse', { showId: 'show1' });
    expect(show.rehearsalOf).toBe('show1');
    expect(catalogPuts(show.id)).toHaveLength(1);
    h.relay.commerce.addOrder(show.id, { productId: socks.id, quantity: 5 });
    await until(() => h.events.some(([e, p]) => e === 'relay.stock' && (p as { showId: string }).showId === show.id), 'rehearsal stock event');
    expect((await products()).find((p) => p.id === socks.id)).toMatchObject({ stock: 10 });
  });

  it('after a reconnect, fetches the stock of live shows and writes it back', async () => {
    const { socks } = await seed();
    await h.ok('shows.start', { showId: 'show1' });
    h.relay.commerce.stock.get('show1')!.set(`${socks.id}/`, 1); // sold while the studio was away
    const before = h.relay.requests.length;
    h.relay.dropEventClients();
    await until(() => h.relay.requests.slice(before).some((r) => r.url === '/api/shows/show1/stock'), 'a stock fetch');
    // The hand-off's own event carries stock 10; wait for the reconciled 1 itself.
    await until(() => h.events.some(([e, p]) => e === 'relay.stock' && (p as { items: { productId: string; stock: number }[] }).items.some((i) => i.productId === socks.id && i.stock === 1)), 'written back');
    expect((await products()).find((p) => p.id === socks.id)).toMatchObject({ stock: 1 });
    // The relay may have been replaced: the next cue hands the catalog off again.
    await fire();
    expect(catalogPuts()).toHaveLength(2);
  });

  it('refuses to start the show when the relay does not take the catalog, and says why', async () => {
    await seed();
    h.relay.failNextCatalog = { status: 503, error: 'busy', message: 'try again' };
    expect(await h.core.handle('shows.start', { showId: 'show1' })).toEqual({
      ok: false,
      error: { error: 'busy', message: 'The relay did not take the show’s products and payment settings: try again', refusal: { reason: 'handoffRefusedByRelay', args: { relayCode: 'busy', relayMessage: 'try again' } } },
    });
    expect(h.relay.requests.some((r) => r.url === '/api/shows/show1/start')).toBe(false);
  });
});
