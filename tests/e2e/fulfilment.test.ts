import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { CATALOG, relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { orderCashOnDelivery } from '../helpers/watch-checkout.js';

/**
 * After the order, in Chromium on a phone-sized page (no media needed): the buyer orders cash on
 * delivery, the seller ships it with a tracking number, and the buyer sees "배송 중" with the
 * courier and tracking number on 내 주문; a fresh browser (nothing stored) finds the order by
 * phone number + order number.
 */
let relay: RunningRelay;
let browser: Browser;
let watchUrl = '';
let number = '';
const api = relayApi(() => relay);
const SHOTS = process.env.LC_SCREENSHOTS;

beforeAll(async () => {
  relay = await startRelay();
  const { show, token } = await api.liveShow('봄 린넨 라이브', CATALOG);
  await api.fire(show.id, { op: 'pin', cards: [{ productId: 'p1', name: '린넨 셔츠', imageUrls: [], currency: 'KRW', price: 30000, salePrice: null, stock: 50, externalUrl: null }] });
  watchUrl = `${relay.url}/w/${token}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

const phone = (b: Browser) => b.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function order(p: Page): Promise<string> {
  await p.getByTestId('buy-button').first().click();
  return orderCashOnDelivery(p);
}

describe('after the order', () => {
  it('an order shipped with a tracking number shows as 배송 중 with courier and number on 내 주문', async () => {
    const p = await phone(browser);
    await p.goto(watchUrl);
    number = await order(p);
    // Cash on delivery is pending shipment, never "입금 대기".
    await expect.poll(() => p.getByTestId('order-status').first().innerText()).toBe('착불 · 배송 준비 중');
    const orders = (await api.call<{ id: string; number: string }[]>('GET', `/api/shows/${(await api.call<{ id: string }[]>('GET', '/api/shows')).body[0]!.id}/orders`)).body;
    const id = orders.find((o) => o.number === number)!.id;
    expect((await api.call('POST', `/api/orders/${id}/shipped`, { courier: 'cj', trackingNumber: '6012-3456-7890' })).status).toBe(200);
    await p.getByTestId('back-to-show').click();
    await p.getByTestId('my-orders-button').click();
    const row = p.getByTestId('my-order').filter({ hasText: number });
    await expect.poll(() => row.getByTestId('order-status').innerText(), { timeout: 15_000 }).toBe('배송 중');
    expect(await row.getByTestId('shipment').innerText()).toContain('CJ대한통운');
    expect(await row.getByTestId('tracking-number').innerText()).toBe('601234567890');
    if (SHOTS) await p.screenshot({ path: `${SHOTS}/fulfilment-my-orders.png`, fullPage: true });
    await p.close();
  });

  it('a fresh browser with nothing stored finds the order by phone number and order number, and only with both', async () => {
    const fresh = await browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await fresh.newPage();
    await p.goto(watchUrl);
    await p.getByTestId('my-orders-button').click();
    await p.getByTestId('lookup-number').fill(number);
    await p.getByTestId('lookup-phone').fill('010-2468-1358');
    await p.getByTestId('lookup-submit').click();
    await expect.poll(() => p.getByTestId('lookup-error').innerText(), { timeout: 15_000 }).toContain('주문번호와 전화번호로 된 주문이 없어요');
    expect(await p.getByTestId('lookup-result').count()).toBe(0);
    await p.getByTestId('lookup-phone').fill('01024681357');
    await p.getByTestId('lookup-submit').click();
    const result = p.getByTestId('lookup-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('data-order-number')).toBe(number);
    expect(await result.getByTestId('order-status').innerText()).toBe('배송 중');
    expect(await result.getByTestId('tracking-number').innerText()).toBe('601234567890');
    expect(await p.getByTestId('lookup-error').count()).toBe(0);
    if (SHOTS) await p.screenshot({ path: `${SHOTS}/fulfilment-lookup.png`, fullPage: true });
    await fresh.close();
  });
});
