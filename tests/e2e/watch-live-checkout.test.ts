import Database from 'better-sqlite3';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowCatalog } from '../../common/commerce/show-catalog.js';
import { launchChromium } from '../helpers/browser.js';
import { bankPayment, openRelayDbReadOnly } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { listedProduct } from '../helpers/watch-checkout.js';

/**
 * The watch page's sheets against live selling (docs/live-selling.md, docs/checkout.md), Chromium on
 * a phone against a real relay and its SQLite file (no media: a relay on loopback):
 * - the checkout sheet shows a 라이브 특가 like the card; an order during it is stored at the special
 *   price; when it ends with the sheet open the sheet says so and the order is at the regular price;
 * - the cart takes a claimed coupon (discount on the line it covers) and says clearly when a coupon
 *   covers nothing in the cart;
 * - a 재입고 알림 asked before a reload is still "requested" after it, and the host's restock tells
 *   that device and no other.
 */
let relay: RunningRelay;
let browser: Browser;
let watchUrl = '';
let showId = '';
const api = relayApi(() => relay);
const SHOTS = process.env.LC_SCREENSHOTS;
const PHONE = { locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

const COAT = { id: 'coat', name: '울 코트', price: 129000, special: 99000 };
const coupon = (id: string, code: string, amount: number, productIds: string[]) => ({ id, code, kind: 'fixed' as const, amount, currency: 'KRW' as const, minOrder: 0, totalQuota: 100, perViewerCap: 1, validFrom: null, validUntil: null, productIds });

const LISTED = [
  listedProduct(COAT.id, COAT.name, COAT.price, null, 0, [{ id: 'navy-m', name: '네이비 M', stock: 10 }, { id: 'black-l', name: '블랙 L', stock: 0 }]),
  listedProduct('tee', '기본 티셔츠', 20000, 15000, 10),
  listedProduct('socks', '수면 양말', 5000, null, 20),
  listedProduct('hat', '니트 모자', 9000, null, 4),
];
const catalog = (): ShowCatalog => ({
  products: LISTED.map((l) => l.product),
  coupons: [coupon('tee3k', 'TEE3K', 3000, ['tee']), coupon('hat5k', 'HAT5K', 5000, ['hat'])],
  quizzes: [],
  polls: [],
  payment: bankPayment, // shipping 3000, free from 50000
});

beforeAll(async () => {
  // Both take seconds on a busy machine and need nothing from each other.
  [relay, browser] = await Promise.all([startRelay(), launchChromium()]);
  const { show, token } = await api.liveShow('라이브 특가 장바구니', catalog());
  showId = show.id;
  watchUrl = `${relay.url}/w/${token}`;
  // The coat, the tee and the socks are on screen; the hat is only in the catalog (a coupon covers it).
  await api.fire(show.id, { op: 'pin', cards: LISTED.slice(0, 3).map((l) => l.card) });
});
afterAll(async () => {
  await Promise.all([browser?.close(), relay?.stop()]);
});

/** A phone screenshot with the `top` element scrolled to the top of the sheet's body. */
async function shot(page: Page, name: string, top: string): Promise<void> {
  if (!SHOTS) return;
  await page.locator(top).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const cardOf = (page: Page, productId: string) => page.locator(`[data-testid="product-card"][data-product-id="${productId}"]`);
const startSpecial = async (minutes: number) => {
  const r = await api.call('POST', `/api/shows/${showId}/specials`, { productId: COAT.id, price: COAT.special, minutes });
  expect(r.status).toBe(201);
};
const ordersOf = (productId: string) => {
  const db = openRelayDbReadOnly(relay);
  try {
    const sql = "SELECT json_extract(quote, '$.unitPrice') AS unit_price, json_extract(quote, '$.subtotal') AS subtotal, discount, total, coupon_id FROM orders WHERE show_id = ? AND product_id = ? ORDER BY rowid";
    return db.prepare(sql).all(showId, productId) as { unit_price: number; subtotal: number; discount: number; total: number; coupon_id: string | null }[];
  } finally {
    db.close();
  }
};

async function fillBuyer(page: Page): Promise<void> {
  await page.getByTestId('checkout-name').fill('고은비');
  await page.getByTestId('checkout-phone').fill('010-2345-6789');
  await page.getByTestId('checkout-postcode').fill('06236');
  await page.getByTestId('checkout-line1').fill('서울특별시 강남구 테헤란로 427');
  await page.getByTestId('checkout-consent').check();
}

/** Opens the coat's checkout sheet, picks 네이비 M and fills the buyer (cash on delivery); the sheet. */
async function openCoatSheet(page: Page) {
  await cardOf(page, COAT.id).getByTestId('buy-button').click();
  const sheet = page.getByTestId('checkout-sheet');
  await sheet.waitFor();
  await sheet.locator('label.chip', { hasText: '네이비 M' }).click();
  expect(await sheet.locator('input[name="co-option"][value="navy-m"]').isChecked()).toBe(true);
  await fillBuyer(page);
  await page.getByTestId('checkout-pay-cash_on_delivery').check();
  return sheet;
}

describe('라이브 특가 in the checkout sheet', () => {
  it('shows the special like the card, and an order placed during it is stored at the special price', async () => {
    await startSpecial(5);
    const page = await browser.newPage(PHONE);
    await page.goto(watchUrl);
    await expect.poll(() => cardOf(page, COAT.id).getByTestId('live-special').count(), { timeout: 15_000 }).toBe(1);
    const sheet = await openCoatSheet(page);
    const price = sheet.getByTestId('price-line');
    expect(await price.getAttribute('data-now')).toBe(String(COAT.special));
    expect(await price.locator('.product-was').innerText()).toContain('129,000');
    expect(await price.locator('.product-now').innerText()).toContain('99,000');
    expect(await sheet.getByTestId('live-special').innerText()).toMatch(/라이브 특가 0[0-5]:\d\d 후 종료/);
    await expect.poll(() => page.getByTestId('checkout-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(COAT.special)); // free shipping from 50,000
    expect(await page.getByTestId('checkout-special-unit').getAttribute('data-unit')).toBe(String(COAT.special));
    expect(await page.getByTestId('order-button').innerText()).toContain('99,000');
    await shot(page, 'watch-checkout-special-phone', '.co-product');
    await page.getByTestId('order-button').click();
    await page.getByTestId('order-number').waitFor({ timeout: 15_000 });
    expect(ordersOf(COAT.id).map((o) => [o.unit_price, o.total])).toEqual([[COAT.special, COAT.special]]);
    await page.close();
  });

  it('when the special ends with the sheet open, switches to the regular price, says so, and orders at it', async () => {
    await startSpecial(1); // replaces the running one: ends one minute from now, by the relay clock
    const page = await browser.newPage(PHONE);
    await page.goto(watchUrl);
    await expect.poll(() => cardOf(page, COAT.id).getByTestId('live-special').innerText(), { timeout: 15_000 }).toMatch(/0[01]:\d\d 후 종료/);
    const sheet = await openCoatSheet(page);
    await expect.poll(() => page.getByTestId('checkout-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(COAT.special));
    expect(await page.getByTestId('special-ended').count()).toBe(0);
    // No message from the relay is needed: the page's relay clock passes endsAt.
    await page.getByTestId('special-ended').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('special-ended').innerText()).toBe('라이브 특가가 끝났어요. 이제 정상가(₩129,000)로 주문돼요.');
    expect(await sheet.getByTestId('live-special').count()).toBe(0);
    expect(await sheet.getByTestId('price-line').getAttribute('data-now')).toBe(String(COAT.price));
    expect(await sheet.getByTestId('price-line').locator('.product-was').count()).toBe(0);
    await expect.poll(() => page.getByTestId('checkout-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(COAT.price));
    expect(await page.getByTestId('checkout-special-unit').count()).toBe(0);
    expect(await page.getByTestId('order-button').innerText()).toContain('129,000');
    await shot(page, 'watch-checkout-special-ended-phone', '.co-product');
    await page.getByTestId('order-button').click();
    await page.getByTestId('order-number').waitFor({ timeout: 15_000 });
    expect(ordersOf(COAT.id).map((o) => [o.unit_price, o.total])).toEqual([[COAT.special, COAT.special], [COAT.price, COAT.price]]);
    await page.close();
  });
});

describe('a coupon on the cart', () => {
  it('takes a claimed coupon for the line it covers, explains one that covers nothing, and orders with it', async () => {
    const page = await browser.newPage(PHONE);
    await page.goto(watchUrl);
    await cardOf(page, 'tee').waitFor({ timeout: 15_000 });
    await api.fire(showId, { op: 'dropCoupon', coupon: { couponId: 'tee3k', code: 'TEE3K', kind: 'fixed', amount: 3000, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 300 });
    await page.getByTestId('claim-button').click({ timeout: 15_000 });
    await page.getByTestId('coupon-claimed').waitFor({ timeout: 15_000 });
    for (const [productId, quantity] of [['tee', 1], ['socks', 2]] as const) {
      await cardOf(page, productId).getByTestId('buy-button').click();
      await page.getByTestId('checkout-sheet').waitFor();
      for (let q = 1; q < quantity; q++) await page.getByTestId('checkout-qty-plus').click();
      await page.getByTestId('add-to-cart').click();
      await page.getByTestId('checkout-sheet').waitFor({ state: 'detached' });
    }
    await page.getByTestId('cart-button').click();
    await expect.poll(() => page.getByTestId('cart-line').count()).toBe(2);
    // 15,000 + 2 × 5,000 + 3,000 shipping, no coupon until the viewer picks one.
    await expect.poll(() => page.getByTestId('cart-total').getAttribute('data-total'), { timeout: 15_000 }).toBe('28000');

    await page.locator('[data-testid="checkout-coupon-held"][data-code="TEE3K"]').check();
    await expect.poll(() => page.getByTestId('cart-total').getAttribute('data-total'), { timeout: 15_000 }).toBe('25000');
    expect(await page.getByTestId('cart-discount').getAttribute('data-discount')).toBe('3000');
    const line = (productId: string) => page.locator(`[data-testid="cart-line"][data-product-id="${productId}"]`);
    expect(await line('tee').getAttribute('data-discount')).toBe('3000');
    expect(await line('tee').getByTestId('cart-line-discount').innerText()).toBe('쿠폰 −₩3,000');
    expect(await line('socks').getAttribute('data-discount')).toBe('0');
    expect(await line('socks').getByTestId('cart-line-discount').count()).toBe(0);

    // A coupon for a product that is not in the cart: said at the field and by the (disabled) button.
    await page.getByTestId('checkout-coupon-code').fill('hat5k');
    await page.getByTestId('checkout-coupon-apply').click();
    const refused = page.locator('[data-testid="checkout-error"][data-code="coupon_not_applicable"]');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.innerText()).toBe('주문하시는 상품 중 이 쿠폰을 쓸 수 있는 상품이 없어요.');
    expect(await page.getByTestId('cart-coupon-blocked').innerText()).toContain("쿠폰을 바꾸거나 '쿠폰 사용 안 함'을 골라 주세요.");
    expect(await page.getByTestId('cart-order-button').isDisabled()).toBe(true);
    await shot(page, 'watch-cart-coupon-refused-phone', '[data-testid="checkout-coupons"]');

    await page.locator('[data-testid="checkout-coupon-held"][data-code="TEE3K"]').check();
    await expect.poll(() => page.getByTestId('cart-total').getAttribute('data-total'), { timeout: 15_000 }).toBe('25000');
    expect(await refused.count()).toBe(0);
    expect(await page.getByTestId('checkout-coupon-code').inputValue()).toBe(''); // the refused code does not linger in the field
    await fillBuyer(page);
    await page.getByTestId('cart-pay-bank_transfer').check();
    await expect.poll(() => page.getByTestId('cart-total').getAttribute('data-total'), { timeout: 15_000 }).toBe('25000'); // priced again with the postcode
    await shot(page, 'watch-cart-coupon-phone', '[data-testid="cart-lines"]');
    await shot(page, 'watch-cart-coupon-summary-phone', '[data-testid="cart-summary"]');
    await page.getByTestId('cart-order-button').click();
    const done = page.getByTestId('cart-done');
    await done.waitFor({ timeout: 15_000 });
    expect(await done.getAttribute('data-total')).toBe('25000');
    expect(ordersOf('tee').map((o) => [o.subtotal, o.discount, o.coupon_id])).toEqual([[15000, 3000, 'tee3k']]);
    expect(ordersOf('socks').map((o) => [o.subtotal, o.discount, o.coupon_id])).toEqual([[10000, 0, null]]);
    await page.close();
  });
});

describe('라이브 특가 in the cart', () => {
  it('a cart priced under a special that ran out is priced again when the relay refuses the old total', async () => {
    await startSpecial(5);
    const page = await browser.newPage(PHONE);
    await page.goto(watchUrl);
    await cardOf(page, COAT.id).getByTestId('live-special').waitFor({ timeout: 15_000 });
    await cardOf(page, COAT.id).getByTestId('buy-button').click();
    await page.getByTestId('checkout-sheet').locator('label.chip', { hasText: '네이비 M' }).click();
    await page.getByTestId('add-to-cart').click();
    await page.getByTestId('cart-button').click();
    await expect.poll(() => page.getByTestId('cart-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(COAT.special));
    await fillBuyer(page);
    await page.getByTestId('cart-pay-cash_on_delivery').check();
    await expect.poll(() => page.getByTestId('cart-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(COAT.special));
    // The special runs out on the relay's clock with no message to the page (its deadline moved into the past).
    const db = new Database(path.join(relay.dataDir, 'relay.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE live_specials SET ends_at = ? WHERE show_id = ?').run(Date.now() - 1, showId);
    db.close();
    await page.getByTestId('cart-order-button').click();
    const refused = page.getByTestId('cart-order-error');
    await expect.poll(() => refused.getAttribute('data-code'), { timeout: 15_000 }).toBe('total_mismatch');
    await expect.poll(() => page.getByTestId('cart-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(COAT.price));
    expect(await refused.innerText()).toBe('금액이 바뀌었어요: ₩129,000. 확인 후 다시 주문해 주세요.');
    await page.getByTestId('cart-order-button').click();
    await expect.poll(() => page.getByTestId('cart-done').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(COAT.price));
    expect(ordersOf(COAT.id).at(-1)).toMatchObject({ unit_price: COAT.price, total: COAT.price });
    await page.close();
  });
});

describe('재입고 알림 across a reload', () => {
  it('is still requested after a reload, and the restock tells that device only', async () => {
    const asker = await (await browser.newContext(PHONE)).newPage();
    const other = await (await browser.newContext(PHONE)).newPage();
    await asker.goto(watchUrl);
    const ask = cardOf(asker, COAT.id).locator('[data-testid="restock-button"][data-option-id="black-l"]');
    await ask.click({ timeout: 15_000 });
    await expect.poll(() => cardOf(asker, COAT.id).getByTestId('restock-asked').count()).toBe(1);

    await asker.reload();
    await cardOf(asker, COAT.id).waitFor({ timeout: 15_000 });
    expect(await cardOf(asker, COAT.id).getByTestId('restock-asked').innerText()).toBe('재입고되면 알려드릴게요');
    expect(await cardOf(asker, COAT.id).getByTestId('restock-button').count()).toBe(0);
    await other.goto(watchUrl);
    await cardOf(other, COAT.id).getByTestId('restock-button').waitFor({ timeout: 15_000 });

    const r = await api.call<{ notified: number }>('POST', `/api/shows/${showId}/stock/adjust`, { productId: COAT.id, optionId: 'black-l', delta: 5 });
    expect(r.body.notified).toBe(1);
    await expect.poll(() => asker.getByTestId('restock-notice').innerText(), { timeout: 15_000 }).toContain('재입고되었어요: 울 코트 · 블랙 L');
    if (SHOTS) await asker.screenshot({ path: `${SHOTS}/watch-restock-after-reload-phone.png` });
    // The other device saw the restock (its button went with the stock message) but was not told.
    await expect.poll(() => cardOf(other, COAT.id).getByTestId('restock-button').count(), { timeout: 15_000 }).toBe(0);
    expect(await other.getByTestId('restock-notice').count()).toBe(0);

    // Told once: another reload neither shows "requested" nor the notice again.
    await asker.reload();
    await cardOf(asker, COAT.id).waitFor({ timeout: 15_000 });
    expect(await cardOf(asker, COAT.id).getByTestId('restock-asked').count()).toBe(0);
    expect(await asker.getByTestId('restock-notice').count()).toBe(0);
    await asker.context().close();
    await other.context().close();
  });
});
