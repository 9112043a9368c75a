import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WatchLink } from '../../common/show.js';
import { call, checkoutBody, sampleBuyer, sampleCatalog } from '../helpers/commerce-api.js';
import { ROOT, type RunningRelay } from '../helpers/processes.js';
import { openStudioPage, type StudioPage } from '../helpers/studio-page.js';

/**
 * The host's choice of overlays, end to end (docs/phone-layout.md): the studio's switches in Chromium
 * (real studio shell, real relay on loopback, no media), a phone viewer's watch page, purchases
 * placed through the relay's API. Screenshots go to docs/img/.
 */
let stack: StudioPage;
let studio: Page;
let phone: Page;
let relay: RunningRelay;
let showId = '';
let token = '';
const IMG = `${ROOT}/docs/img`;

const buy = async (name: string) => {
  const viewer = await call<{ viewerId: string }>(relay, 'POST', `/api/watch/${token}/viewers`, { viewerId: null, nickname: null }, { key: null });
  const r = await call(relay, 'POST', `/api/watch/${token}/orders`, checkoutBody(viewer.body.viewerId, { buyer: sampleBuyer({ name }) }), { key: null });
  expect(r.status).toBe(201);
};
/** The phone's card shows the stock the relay holds after each order (the stock message is sent whatever the setting). */
const cardStock = () => phone.getByTestId('product-card').first().getAttribute('data-stock');
const fire = async (op: unknown) => {
  const base = (await call<{ version: number }>(relay, 'GET', `/api/shows/${showId}/stage`)).body.version;
  const r = await call(relay, 'POST', `/api/shows/${showId}/cues`, { firingId: `f${base}`, baseVersion: base, captureMs: null, op });
  expect(r.status).toBe(200);
};
const chatPurchaseLines = async () => {
  await phone.getByTestId('chat-button').tap();
  await phone.getByTestId('chat-sheet').waitFor();
  const n = await phone.getByTestId('chat-purchase').count();
  await phone.getByTestId('chat-sheet').getByRole('button', { name: '닫기' }).first().tap();
  return n;
};

beforeAll(async () => {
  stack = await openStudioPage({ locale: 'ko-KR', viewport: { width: 1440, height: 1000 } });
  ({ page: studio, relay } = stack);
  await studio.getByTestId('show-title-input').fill('린넨 셔츠 라이브');
  await studio.getByTestId('create-show-button').click();
  const item = studio.getByTestId('show-item').filter({ hasText: '린넨 셔츠 라이브' }).first();
  showId = (await item.getAttribute('data-show-id'))!;
  expect((await call(relay, 'PUT', `/api/shows/${showId}/catalog`, sampleCatalog())).status).toBe(200);
  await call(relay, 'POST', `/api/shows/${showId}/start`);
  token = (await call<WatchLink>(relay, 'POST', `/api/shows/${showId}/links`, {})).body.url.split('/w/')[1]!;
  await item.click();
  await studio.getByTestId('viewer-display').waitFor();

  phone = await stack.browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${relay.url}/w/${token}`);
  await phone.getByTestId('watch-video').waitFor();
  const card = { productId: 'tee', name: '기본 티셔츠', imageUrls: [], currency: 'KRW', price: 20000, salePrice: 15000, stock: 10, externalUrl: null };
  await fire({ op: 'pin', cards: [card] });
  await phone.getByTestId('product-card').waitFor();
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

describe('the host chooses what shows on viewers’ screens', () => {
  it('starts with every overlay on: the counter shows and a purchase is announced over the video and in the chat', async () => {
    for (const kind of ['purchases', 'stock', 'results', 'couponBanner']) expect(await studio.getByTestId(`display-${kind}`).isChecked()).toBe(true);
    expect(await phone.getByTestId('stock-left').innerText()).toBe('10개 남음');
    await buy('박보임');
    await phone.getByTestId('purchase-toast').filter({ hasText: '박**' }).waitFor();
    expect(await chatPurchaseLines()).toBeGreaterThanOrEqual(1);
  });

  it('purchase notices and stock counters off: after a purchase the phone shows neither, and the chat has no purchase line', async () => {
    await studio.getByTestId('display-purchases').uncheck();
    await studio.getByTestId('display-stock').uncheck();
    await expect.poll(async () => (await call<{ purchases: boolean; stock: boolean }>(relay, 'GET', `/api/shows/${showId}/display`)).body).toMatchObject({ purchases: false, stock: false });
    await expect.poll(() => phone.getByTestId('stock-left').count()).toBe(0);
    // The toast of the earlier purchase has gone; the chat line of it goes too (the host asked for none).
    await expect.poll(() => phone.getByTestId('purchase-toast').count(), { timeout: 15_000 }).toBe(0);
    await buy('김비밀');
    await expect.poll(cardStock).toBe('8');
    expect(await phone.getByTestId('purchase-toast').count()).toBe(0);
    expect(await phone.getByTestId('stock-left').count()).toBe(0);
    // The Buy button stays: only the counter went.
    expect(await phone.getByTestId('buy-button').isVisible()).toBe(true);
    expect(await chatPurchaseLines()).toBe(0);
    await phone.screenshot({ path: `${IMG}/phone-overlays-reduced.png` });
    await studio.getByTestId('viewer-display').screenshot({ path: `${IMG}/studio-viewer-display.png` });
  });

  it('on again: the counter is back and the next purchase is announced (the one made while off is not)', async () => {
    await studio.getByTestId('display-purchases').check();
    await studio.getByTestId('display-stock').check();
    await expect.poll(() => phone.getByTestId('stock-left').count()).toBe(1);
    expect(await phone.getByTestId('stock-left').innerText()).toBe('8개 남음');
    await buy('이공개');
    await phone.getByTestId('purchase-toast').filter({ hasText: '이**' }).waitFor();
    expect(await phone.getByTestId('purchase-toast').filter({ hasText: '김**' }).count()).toBe(0);
    expect(await chatPurchaseLines()).toBeGreaterThanOrEqual(1);
  });

  it('results and the coupon banner off: a voter sees their choice without tallies, a coupon drop waits as a chip that still opens', async () => {
    await studio.getByTestId('display-results').uncheck();
    await studio.getByTestId('display-couponBanner').uncheck();
    await expect.poll(async () => (await call<{ results: boolean; couponBanner: boolean }>(relay, 'GET', `/api/shows/${showId}/display`)).body).toMatchObject({ results: false, couponBanner: false });
    // The `show` message with the setting left on the viewer's socket before the PUT answered, so before the cues below.
    await fire({ op: 'openPoll', poll: { pollId: 'poll1', question: '다음 색상은?', choices: ['블랙', '화이트', '베이지'] }, durationSec: null });
    await phone.getByTestId('poll-choice').first().tap();
    await phone.locator('[data-testid="poll"][data-voted]').waitFor();
    expect(await phone.getByTestId('poll-result').count()).toBe(3);
    expect(await phone.locator('.poll-pct').count()).toBe(0);
    expect(await phone.getByTestId('poll-total').count()).toBe(0);
    await fire({ op: 'dropCoupon', coupon: { couponId: 'c10', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 600 });
    await phone.getByTestId('chip-coupon').waitFor();
    // The poll the viewer was looking at stays open; the drop did not push itself over it.
    expect(await phone.getByTestId('chip-coupon').getAttribute('aria-expanded')).toBe('false');
    expect(await phone.getByTestId('coupon-drop').isVisible()).toBe(false);
    await phone.screenshot({ path: `${IMG}/phone-coupon-as-chip.png` });
    await phone.getByTestId('chip-coupon').tap();
    expect(await phone.getByTestId('coupon-drop').isVisible()).toBe(true);
    await studio.getByTestId('display-results').check();
    await phone.getByTestId('chip-poll').tap();
    await expect.poll(() => phone.locator('.poll-pct').count()).toBe(3);
  });
});
