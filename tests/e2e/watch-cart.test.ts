import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowCatalog } from '../../common/commerce/show-catalog.js';
import { launchChromium } from '../helpers/browser.js';
import { openRelayDbReadOnly, sampleCatalog } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { fillJejuBuyer, listedProduct } from '../helpers/watch-checkout.js';

/**
 * A viewer on a phone fills a cart with three products, finds a Jeju address, must agree to the
 * personal-data notice before ordering, and is charged one shipping fee plus the Jeju surcharge.
 * Chromium against a real relay and its SQLite file (no media: a relay on loopback).
 */
let relay: RunningRelay;
let browser: Browser;
let watchUrl = '';
let showId = '';
const api = relayApi(() => relay);
const SHOTS = process.env.LC_SCREENSHOTS;

function catalog(): ShowCatalog {
  const c = sampleCatalog();
  c.payment = { ...c.payment, remoteSurcharge: { jeju: 3000, island: 5000 } };
  c.products = [
    c.products[0]!, // 기본 티셔츠 15000
    { id: 'socks', name: '수면 양말', imageUrls: [], currency: 'KRW', price: 5000, salePrice: null, stock: 20, options: [], externalUrl: null },
    { id: 'hat', name: '니트 모자', imageUrls: [], currency: 'KRW', price: 9000, salePrice: null, stock: 4, options: [], externalUrl: null },
  ];
  return c;
}

beforeAll(async () => {
  relay = await startRelay();
  const { show, token } = await api.liveShow('제주 배송 라이브', catalog());
  showId = show.id;
  const card = (id: string, name: string, price: number, salePrice: number | null, stock: number) => listedProduct(id, name, price, salePrice, stock).card;
  await api.fire(show.id, { op: 'pin', cards: [card('tee', '기본 티셔츠', 20000, 15000, 10), card('socks', '수면 양말', 5000, null, 20), card('hat', '니트 모자', 9000, null, 4)] });
  watchUrl = `${relay.url}/w/${token}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

async function addToCart(page: Page, index: number, quantity: number): Promise<void> {
  await page.getByTestId('buy-button').nth(index).click();
  const sheet = page.getByTestId('checkout-sheet');
  await sheet.waitFor();
  for (let q = 1; q < quantity; q++) await page.getByRole('button', { name: '수량 늘리기' }).click();
  await page.getByTestId('add-to-cart').click();
  await sheet.waitFor({ state: 'detached' });
}

describe('a cart of three lines to Jeju', () => {
  it('needs consent, shows the Jeju surcharge and is charged it once for the whole cart', async () => {
    const page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(watchUrl);
    await page.getByTestId('buy-button').first().waitFor({ timeout: 15_000 });
    await addToCart(page, 0, 1);
    await addToCart(page, 1, 2);
    await addToCart(page, 2, 1);
    await expect.poll(() => page.getByTestId('cart-button').getAttribute('data-count')).toBe('3');
    await page.getByTestId('cart-button').click();
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(3);

    await fillJejuBuyer(page);
    expect(await page.getByTestId('checkout-postcode').inputValue()).toBe('63309');
    await page.getByTestId('cart-pay-bank_transfer').check();

    // Everything but the consent: the button is off and says so.
    const button = page.getByTestId('cart-order-button');
    await expect.poll(() => page.getByTestId('cart-missing').getAttribute('data-missing')).toBe('consent');
    expect(await button.isDisabled()).toBe(true);
    expect(await page.getByTestId('cart-missing').textContent()).toContain('개인정보 수집·이용 동의');
    await expect.poll(() => page.getByTestId('cart-total').getAttribute('data-total')).toBe('40000'); // 34000 + 3000 + 3000 제주
    expect(await page.getByTestId('cart-surcharge').textContent()).toContain('3,000');
    expect(await page.getByText('제주 추가 배송비').count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-cart-consent.png`, fullPage: true });

    await page.getByTestId('checkout-consent').check();
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    const done = page.getByTestId('cart-done');
    await done.waitFor({ timeout: 15_000 });
    expect(await done.getAttribute('data-total')).toBe('40000');
    expect(await page.getByTestId('pay-to').textContent()).toContain('40,000');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-cart-done.png`, fullPage: true });

    const db = openRelayDbReadOnly(relay);
    try {
      const rows = db.prepare('SELECT product_id, quantity, total, cart_id, buyer FROM orders WHERE show_id = ? ORDER BY rowid').all(showId) as { product_id: string; quantity: number; total: number; cart_id: string; buyer: string }[];
      expect(rows.map((r) => [r.product_id, r.quantity])).toEqual([['tee', 1], ['socks', 2], ['hat', 1]]);
      expect(rows.reduce((n, r) => n + r.total, 0)).toBe(40000);
      expect(new Set(rows.map((r) => r.cart_id)).size).toBe(1);
      expect(JSON.parse(rows[0]!.buyer).address.postcode).toBe('63309');
    } finally {
      db.close();
    }
    await page.close();
  });
});
