import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coupon, Product } from '../../common/commerce/catalog.js';
import type { PaymentSettings } from '../../common/commerce/show-catalog.js';
import { openRelayDbReadOnly } from '../helpers/commerce-api.js';
import { openStudioPage, type StudioPage } from '../helpers/studio-page.js';
import { studioIpc } from '../helpers/studio-ipc.js';
import { fillJejuBuyer } from '../helpers/watch-checkout.js';

/**
 * The seller's shipping and coupon controls in the Korean studio, carried to viewers by the real
 * relay (loopback, no media): the Jeju/island surcharge set on the payment screen is shown and
 * charged in a phone viewer's cart with a Jeju postcode; a coupon limited to one product in the
 * coupon editor is refused for another product with the relay's reason; a deleted product cannot
 * stay in a coupon; the host's "시청자 화면에 보이는 것" panel ticks with the relay's stock events.
 */
let stack: StudioPage;
let studio: Page;
let tee: Product;
let hat: Product;
let coat: Product;
let showId = '';
let watchUrl = '';
const SHOTS = process.env.LC_SCREENSHOTS; // a folder to save screenshots in, when set

beforeAll(async () => {
  stack = await openStudioPage({ locale: 'ko-KR' });
  studio = stack.page;
  await studio.getByTestId('show-title-input').waitFor({ timeout: 30_000 });
  tee = await studioIpc<Product>(studio, 'products.save', { input: { name: '기본 티셔츠', price: 15000, stock: 10 } });
  hat = await studioIpc<Product>(studio, 'products.save', { input: { name: '니트 모자', price: 9000, stock: 5 } });
  coat = await studioIpc<Product>(studio, 'products.save', { input: { name: '울 코트', price: 129000, stock: 2 } });
});
afterAll(async () => {
  await stack?.close();
});

const fieldErrors = () => studio.getByTestId('field-error').allInnerTexts();
const payment = () => studioIpc<PaymentSettings>(studio, 'payment.get', {});
const coupons = () => studioIpc<Coupon[]>(studio, 'coupons.list', {});

describe('Jeju / 도서산간 surcharge on the payment screen', () => {
  it('refuses a negative, fractional or huge amount in Korean, saves nothing, then saves whole won', async () => {
    await studio.getByTestId('nav-payment').click();
    await studio.getByTestId('pay-remote-on').check();
    expect(await studio.getByTestId('pay-remote-zones').innerText()).toBe('제주 63000–63644, 도서산간은 택배사 목록 기준');
    const jeju = studio.getByTestId('pay-jeju-input');
    const island = studio.getByTestId('pay-island-input');
    await jeju.fill('-3,000');
    await studio.getByTestId('payment-save-button').click();
    await expect.poll(fieldErrors).toEqual(['0 이상으로 입력하세요']);
    await jeju.fill('3000.5');
    await expect.poll(fieldErrors).toEqual(['원 단위 정수로 입력하세요 (예: 3,000)']);
    await jeju.fill('4,000');
    await island.fill('2,000,000');
    await expect.poll(fieldErrors).toEqual(['1,000,000 이하여야 합니다']);
    if (SHOTS) await studio.locator('section[aria-labelledby="pay-shipping"]').screenshot({ path: `${SHOTS}/studio-payment-surcharge-refused.png` });
    expect((await payment()).remoteSurcharge).toBeUndefined();

    await island.fill('6,000');
    await expect.poll(fieldErrors).toEqual([]);
    await studio.getByTestId('payment-save-button').click();
    await studio.getByTestId('payment-saved').waitFor();
    expect((await payment()).remoteSurcharge).toEqual({ jeju: 4000, island: 6000 });
    expect(await studio.getByTestId('pay-example').innerText()).toContain('제주는 ₩4,000, 도서산간은 ₩6,000이 더해집니다.');
    if (SHOTS) await studio.locator('section[aria-labelledby="pay-shipping"]').screenshot({ path: `${SHOTS}/studio-payment-surcharge.png` });
  });
});

describe('coupon editor: the products a coupon covers', () => {
  const chip = (name: string) => studio.getByTestId('coupon-products').getByRole('button', { name });

  it('limits a new coupon to the knit hat; the list says so', async () => {
    await studio.getByTestId('nav-catalog').click();
    await studio.getByTestId('catalog-tab-coupons').click();
    await studio.getByTestId('coupons-new-button').click();
    await studio.getByTestId('coupon-code-input').fill('hat5k');
    await studio.getByTestId('coupon-kind-select').selectOption('fixed');
    await studio.getByTestId('coupon-amount-input').fill('5,000');
    await studio.getByTestId('coupon-quota-input').fill('50');
    expect(await studio.getByTestId('coupon-products').innerText()).toContain('적용 상품 (전체 상품)');
    await chip('니트 모자').click();
    expect(await chip('니트 모자').getAttribute('aria-pressed')).toBe('true');
    expect(await studio.getByTestId('coupon-products').innerText()).toContain('적용 상품 (1개 선택)');
    await studio.getByTestId('coupon-save-button').click();
    await expect.poll(() => studio.getByTestId('coupon-item-products').allInnerTexts()).toEqual(['상품 1개 전용']);
    expect((await coupons()).map((c) => [c.code, c.productIds])).toEqual([['HAT5K', [hat.id]]]);
    if (SHOTS) await studio.screenshot({ path: `${SHOTS}/studio-coupon-products.png`, fullPage: true });
  });

  it('a product deleted in another window while the form is open is refused in Korean; taking it out saves', async () => {
    await studio.getByTestId('coupons-new-button').click();
    await studio.getByTestId('coupon-code-input').fill('COAT10');
    await studio.getByTestId('coupon-amount-input').fill('10');
    await studio.getByTestId('coupon-quota-input').fill('20');
    await chip('울 코트').click();
    await chip('니트 모자').click();
    await studioIpc(studio, 'products.delete', { id: coat.id }); // another window
    await studio.getByTestId('coupon-save-button').click();
    await expect.poll(fieldErrors).toEqual(['삭제된 상품은 쿠폰에 남길 수 없어요. ✕ 표시를 눌러 빼 주세요.']);
    await studio.getByTestId('picker-missing').waitFor();
    // Korean only: the core's own (English) refusal is not shown beside the field error.
    expect(await studio.locator('.item-form .form-error').allInnerTexts()).toEqual(['표시된 항목을 고쳐 주세요.']);
    expect((await coupons()).map((c) => c.code)).toEqual(['HAT5K']);
    if (SHOTS) await studio.locator('.item-form').screenshot({ path: `${SHOTS}/studio-coupon-deleted-product.png` });

    await studio.getByTestId('picker-missing').click();
    await expect.poll(fieldErrors).toEqual([]);
    await studio.getByTestId('coupon-save-button').click();
    await expect.poll(async () => (await coupons()).map((c) => [c.code, c.productIds])).toEqual([
      ['HAT5K', [hat.id]],
      ['COAT10', [hat.id]],
    ]);
  });

  it('the core refuses a coupon naming a deleted product, whoever asks', async () => {
    await expect(studioIpc(studio, 'coupons.save', { input: { code: 'GONE', kind: 'percent', amount: 5, totalQuota: 5, productIds: [coat.id] } })).rejects.toThrow('productIds: the product “울 코트” was deleted; take it out of the coupon');
  });

  it('a code another coupon uses is refused by the core and said in Korean, naming the code', async () => {
    await studio.getByTestId('coupons-new-button').click();
    await studio.getByTestId('coupon-code-input').fill('hat5k');
    await studio.getByTestId('coupon-amount-input').fill('10');
    await studio.getByTestId('coupon-quota-input').fill('20');
    await studio.getByTestId('coupon-save-button').click();
    await expect.poll(() => studio.locator('.item-form .form-error').allInnerTexts()).toEqual(['다른 쿠폰이 이미 코드 HAT5K을(를) 쓰고 있습니다. 다른 코드를 정하세요.']);
    expect((await coupons()).map((c) => c.code)).toEqual(['HAT5K', 'COAT10']);
  });

  it('the hat cannot be deleted while a coupon covers it alone; the studio says which coupon, in Korean', async () => {
    await studio.getByTestId('catalog-tab-products').click();
    await studio.locator(`[data-testid="product-item"][data-product-id="${hat.id}"] button`).first().click();
    await studio.getByTestId('product-delete-button').click();
    await studio.getByTestId('product-delete-button-confirm').click();
    await expect.poll(() => studio.locator('.item-form .form-error').allInnerTexts()).toEqual(['쿠폰 HAT5K은(는) “니트 모자”에만 적용됩니다. 먼저 쿠폰의 적용 상품을 바꾸거나 쿠폰을 삭제하세요.']);
    expect((await studioIpc<Product[]>(studio, 'products.list', {})).map((p) => p.name)).toEqual(['기본 티셔츠', '니트 모자']);
  });
});

describe('through the real relay, on a viewer’s phone', () => {
  const phone = () => stack.browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const stageCard = (id: string) => studio.locator(`[data-testid="stage-card"][data-product-id="${id}"]`);

  it('the studio hands the catalog over and pins the tee and the hat', async () => {
    await studio.getByTestId('nav-shows').click();
    await studio.getByTestId('show-title-input').fill('제주 배송 라이브');
    await studio.getByTestId('create-show-button').click();
    const item = studio.getByTestId('show-item').filter({ hasText: '제주 배송 라이브' }).first();
    showId = (await item.getAttribute('data-show-id'))!;
    await studioIpc(studio, 'shows.start', { showId }); // hands off the catalog (payment and coupons included), then starts
    await studioIpc(studio, 'cues.fire', { showId, action: { kind: 'showProducts', productIds: [tee.id, hat.id] }, firingId: 'pin1', captureMs: null, baseVersion: 0 });
    watchUrl = (await studioIpc<{ url: string }>(studio, 'links.create', { showId })).url;
    await item.click();
    await expect.poll(() => stageCard(tee.id).locator('.stock-chip').innerText(), { timeout: 20_000 }).toBe('재고 10개');
  });

  it('a cart to a Jeju postcode shows and is charged the seller’s Jeju surcharge; the host’s panel ticks without a new stage', async () => {
    const version = await studio.getByTestId('stage-preview').getAttribute('data-stage-version');
    const p = await phone();
    await p.goto(watchUrl);
    await p.getByTestId('buy-button').first().waitFor({ timeout: 15_000 });
    await p.getByTestId('buy-button').first().click();
    await p.getByTestId('add-to-cart').click();
    await p.getByTestId('cart-button').click();
    await fillJejuBuyer(p);
    expect(await p.getByTestId('checkout-postcode').inputValue()).toBe('63309');
    await p.getByTestId('cart-pay-cash_on_delivery').check();
    const { shippingFee } = await payment();
    const total = 15000 + shippingFee + 4000;
    await expect.poll(() => p.getByTestId('cart-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(total));
    expect(await p.getByTestId('cart-surcharge').innerText()).toContain('4,000');
    expect(await p.getByText('제주 추가 배송비').count()).toBe(1);
    await p.getByTestId('checkout-consent').check();
    await p.getByTestId('cart-order-button').click();
    await p.getByTestId('cart-done').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('cart-done').getAttribute('data-total')).toBe(String(total));
    const db = openRelayDbReadOnly(stack.relay);
    try {
      const rows = db.prepare('SELECT product_id, total, buyer FROM orders WHERE show_id = ?').all(showId) as { product_id: string; total: number; buyer: string }[];
      expect(rows.map((r) => [r.product_id, r.total])).toEqual([[tee.id, total]]);
      expect(JSON.parse(rows[0]!.buyer).address.postcode).toBe('63309');
    } finally {
      db.close();
    }
    // The relay's stock event reaches the studio: the pinned tee reads 9, the stage itself unchanged.
    await expect.poll(() => stageCard(tee.id).locator('.stock-chip').innerText(), { timeout: 15_000 }).toBe('재고 9개');
    expect(await studio.getByTestId('stage-preview').getAttribute('data-stage-version')).toBe(version);
    if (SHOTS) await studio.getByTestId('stage-preview').screenshot({ path: `${SHOTS}/studio-stage-stock-ticks.png` });
    await p.close();
  });

  it('the hat-only coupon is refused for the tee with the relay’s reason and taken for the hat', async () => {
    const p = await phone();
    await p.goto(watchUrl);
    await p.getByTestId('buy-button').first().waitFor({ timeout: 15_000 });
    await p.getByTestId('buy-button').nth(0).click();
    await p.getByTestId('checkout-coupon-code').fill('hat5k');
    await p.getByTestId('checkout-coupon-apply').click();
    const refused = p.locator('[data-testid="checkout-error"][data-code="coupon_not_applicable"]');
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.innerText()).toBe('주문하시는 상품 중 이 쿠폰을 쓸 수 있는 상품이 없어요.');
    if (SHOTS) await p.screenshot({ path: `${SHOTS}/watch-coupon-other-product-refused-phone.png` });
    await p.getByTestId('sheet-close').click();
    await p.getByTestId('checkout-sheet').waitFor({ state: 'detached' });

    await p.getByTestId('buy-button').nth(1).click();
    await p.getByTestId('checkout-coupon-code').fill('hat5k');
    await p.getByTestId('checkout-coupon-apply').click();
    const { shippingFee } = await payment();
    await expect.poll(() => p.getByTestId('checkout-total').getAttribute('data-total'), { timeout: 15_000 }).toBe(String(9000 - 5000 + shippingFee));
    expect(await p.locator('[data-testid="checkout-error"]').count()).toBe(0);
    await p.close();
  });
});
