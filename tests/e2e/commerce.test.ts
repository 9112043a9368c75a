import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeldCoupon } from '../../common/protocol/watch-api.js';
import { startLiveStack, type LiveStack } from '../helpers/live-stack.js';
import { inboundCounters, waitUntil } from '../helpers/media-pages.js';
import { studioIpc } from '../helpers/studio-ipc.js';

/**
 * Buying inside the stream, end to end with real media: the host pins a product and drops a
 * coupon with the keyboard; a viewer claims the coupon and buys while the video keeps playing;
 * the order reaches the studio with the relay's total and the buyer's details shown as text; the
 * last item sells → every viewer shows Sold out; a quiz → the winner gets the reward coupon; the
 * report shows the show's numbers; the studio's catalog holds the relay's stock afterwards.
 */
let viewerBrowser: Browser;
let host: Page;
let stack: LiveStack;
let showId = '';
let productId = '';
const viewers: Page[] = [];

const MARKUP_NAME = '김민지 <img src=x onerror=alert(1)>';
const PRICE = 29000;
const SHIPPING = 3000;
// LIVE10 is 10 % off; shipping is charged below 50,000.
const FIRST_TOTAL = PRICE - PRICE / 10 + SHIPPING;
const SECOND_TOTAL = PRICE + SHIPPING;
const won = (n: number) => `${n.toLocaleString('ko-KR')}`;

async function openViewer(url: string): Promise<Page> {
  const p = await viewerBrowser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  await p.goto(url);
  return p;
}

const framesDecoded = async (p: Page) => (await inboundCounters(p, 'window.__lcWatch && window.__lcWatch.pc()')).framesDecoded;

async function decoding(p: Page): Promise<void> {
  await waitUntil('video at the viewer', async () => (await framesDecoded(p)) > 10, 60_000);
}

async function fillBuyer(p: Page, name: string): Promise<void> {
  await p.getByTestId('checkout-name').fill(name);
  await p.getByTestId('checkout-phone').fill('010-1234-5678');
  await p.getByTestId('checkout-postcode').fill('06236');
  await p.getByTestId('checkout-line1').fill('서울특별시 강남구 테헤란로 427, 위워크타워');
  await p.getByTestId('checkout-line2').fill('10층 1004호');
  await p.getByTestId('checkout-consent').check();
}

beforeAll(async () => {
  ({ viewerBrowser, host } = stack = await startLiveStack());
  await studioIpc(host, 'payment.save', {
    bankTransfer: { bank: '국민은행', accountNumber: '123-456-789012', holder: '김판매' },
    cashOnDelivery: true,
    card: true,
    shippingFee: SHIPPING,
    freeShippingFrom: 50000,
  });
  await host.getByTestId('show-title-input').fill('린넨 특가 라이브');
  await host.getByTestId('create-show-button').click();
  const item = host.getByTestId('show-item').filter({ hasText: '린넨 특가 라이브' }).first();
  showId = (await item.getAttribute('data-show-id'))!;

  productId = (await studioIpc<{ id: string }>(host, 'products.save', { input: { name: '린넨 셔츠', price: 39000, salePrice: PRICE, stock: 2 } })).id;
  const live10 = await studioIpc<{ id: string }>(host, 'coupons.save', { input: { code: 'LIVE10', kind: 'percent', amount: 10, totalQuota: 100 } });
  const reward = await studioIpc<{ id: string }>(host, 'coupons.save', { input: { code: 'QUIZWIN', kind: 'fixed', amount: 5000, totalQuota: 10 } });
  const quiz = await studioIpc<{ id: string }>(host, 'quizzes.save', {
    input: { question: '린넨의 원료는?', choices: ['아마', '목화'], correctIndex: 0, timeLimitSec: 8, winners: 1, winnerRule: 'first', rewardCouponId: reward.id },
  });
  await studioIpc(host, 'rundowns.save', {
    name: '린넨 특가',
    showId,
    segments: [
      {
        id: 's1',
        title: '린넨 셔츠 소개',
        plannedSec: 300,
        talkingPoints: '통기성 좋은 100% 린넨',
        featuredProductIds: [productId],
        cues: [
          { id: 'c1', label: '셔츠 카드', action: { kind: 'showProducts', productIds: [productId] }, trigger: { type: 'manual' } },
          { id: 'c2', label: '쿠폰', action: { kind: 'dropCoupon', couponId: live10.id, durationSec: 600 }, trigger: { type: 'manual' } },
          { id: 'c3', label: '퀴즈', action: { kind: 'openQuiz', quizId: quiz.id }, trigger: { type: 'manual' } },
        ],
      },
    ],
  });
});

afterAll(async () => {
  await stack?.close();
});

describe('buying inside the stream', () => {
  it('a viewer claims the coupon and buys while the video keeps playing; the studio shows the order with the relay’s total', async () => {
    await host.locator(`[data-testid="show-item"][data-show-id="${showId}"]`).click();
    const url = (await host.getByTestId('watch-link').textContent())!.trim();
    await host.getByTestId('go-live-button').click();
    await expect.poll(() => host.getAttribute('[data-testid="live-state"]', 'data-state'), { timeout: 45_000 }).toBe('live');
    viewers.push(await openViewer(url), await openViewer(url));
    for (const v of viewers) await decoding(v);
    await host.getByTestId('live-host-view').waitFor();
    const [a] = viewers as [Page, Page];
    // Two quick presses are two cues in order (the card, then the coupon), not one lost to the first in flight.
    await host.keyboard.press('Space');
    await host.keyboard.press('Space');
    await a.getByTestId('product-card').waitFor({ timeout: 15_000 });
    await a.getByTestId('coupon-drop').waitFor({ timeout: 15_000 });
    await a.getByTestId('claim-button').click();
    await a.getByTestId('coupon-claimed').waitFor({ timeout: 15_000 });

    await a.getByTestId('buy-button').first().click();
    const before = await framesDecoded(a);
    await fillBuyer(a, MARKUP_NAME);
    await a.getByTestId('checkout-pay-bank_transfer').check();
    await expect.poll(() => a.getByTestId('checkout-total').innerText(), { timeout: 15_000 }).toContain(won(FIRST_TOTAL));
    await a.getByTestId('order-button').click();
    await a.getByTestId('order-number').waitFor({ timeout: 15_000 });
    expect(await a.getByTestId('pay-to-account').innerText()).toContain('123-456-789012');
    expect(await a.getByTestId('pay-to-amount').innerText()).toContain(won(FIRST_TOTAL));
    // The video kept playing under the checkout sheet.
    await waitUntil('video keeps decoding during checkout', async () => (await framesDecoded(a)) > before + 30, 30_000);

    await host.getByTestId('room-orders-button').click();
    const row = host.getByTestId('order-row').first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('order-total').innerText()).toContain(won(FIRST_TOTAL));
    expect(await row.getByTestId('order-buyer-name').innerText()).toContain(MARKUP_NAME);
    expect(await row.locator('img').count()).toBe(0);
    await host.getByTestId('orders-back-button').click();
  });

  it('after a reload the viewer finds the order again', async () => {
    const a = viewers[0]!;
    const number = (await a.getByTestId('order-number').innerText()).trim();
    await a.reload();
    await a.getByTestId('my-orders-button').click();
    await expect.poll(() => a.getByTestId('my-orders-list').innerText(), { timeout: 15_000 }).toContain(number);
    await a.getByTestId('sheet-close').click();
  });

  it('the last item sells: every viewer shows Sold out', async () => {
    const b = viewers[1]!;
    const late = await openViewer(await b.evaluate(() => location.href));
    viewers.push(late);
    await b.getByTestId('buy-button').first().click();
    await fillBuyer(b, '박서준');
    await b.getByTestId('checkout-pay-cash_on_delivery').check();
    await expect.poll(() => b.getByTestId('checkout-total').innerText(), { timeout: 15_000 }).toContain(won(SECOND_TOTAL));
    await b.getByTestId('order-button').click();
    await b.getByTestId('order-number').waitFor({ timeout: 15_000 });
    await b.getByTestId('sheet-close').click();
    for (const v of viewers) {
      await v.getByTestId('sold-out').first().waitFor({ timeout: 15_000 });
      expect(await v.getByTestId('buy-button').first().isDisabled()).toBe(true);
    }
  });

  it('a quiz: the first correct answer wins the reward coupon; a wrong answer does not', async () => {
    const [a, b] = viewers as [Page, Page, Page];
    await host.keyboard.press('Space'); // the quiz
    for (const v of [a, b]) await v.getByTestId('quiz').waitFor({ timeout: 15_000 });
    await a.getByTestId('quiz-choice').nth(0).click();
    await b.getByTestId('quiz-choice').nth(1).click();
    await expect.poll(() => a.getAttribute('[data-testid="quiz-result"]', 'data-you'), { timeout: 40_000 }).toBe('won');
    await expect.poll(() => b.getAttribute('[data-testid="quiz-result"]', 'data-you'), { timeout: 40_000 }).toBe('wrong');
    expect(await a.getByTestId('quiz-verdict').innerText()).toContain('QUIZWIN');
    const held = await a.evaluate(() => (window as unknown as { __lcWatch: { heldCoupons(): HeldCoupon[] } }).__lcWatch.heldCoupons());
    expect(held.map((c) => c.code)).toContain('QUIZWIN');
  });

  it('after the show: the report shows its numbers and the catalog holds the relay’s stock', async () => {
    await host.getByTestId('end-show-button').click();
    await host.getByTestId('confirm-end-button').click();
    await expect.poll(() => host.getAttribute('[data-testid="live-state"]', 'data-state'), { timeout: 20_000 }).toBe('ended');
    await host.getByTestId('nav-shows').click();
    await host.getByTestId('show-report-button').first().click();
    await host.getByTestId('report-screen').waitFor({ timeout: 15_000 });
    expect(await host.getByTestId('report-orders').innerText()).toBe('2');
    expect(await host.getByTestId('report-buyers').innerText()).toBe('2');
    expect(await host.getByTestId('report-revenue').innerText()).toContain(won(FIRST_TOTAL + SECOND_TOTAL));
    expect(Number(await host.getByTestId('report-unique').innerText())).toBeGreaterThanOrEqual(3);
    expect(Number(await host.getByTestId('report-viewers-chart').getAttribute('data-markers'))).toBeGreaterThanOrEqual(3);
    const products = await studioIpc<{ id: string; stock: number }[]>(host, 'products.list', {});
    expect(products.find((p) => p.id === productId)?.stock).toBe(0);
  });
});
