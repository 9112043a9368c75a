import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, relayApi } from '../helpers/engagement-api.js';
import { openStudioPage, type StudioPage } from '../helpers/studio-page.js';
import { orderCashOnDelivery } from '../helpers/watch-checkout.js';
import { studioIpc } from '../helpers/studio-ipc.js';

/**
 * 판매자 정보 end to end, loopback only (no media): the seller fills the store profile in the Korean
 * studio; a viewer on a phone-sized page opens "판매자 정보" and sees it, honestly empty before;
 * the order confirmation names the seller and the consent notice does too.
 */
let stack: StudioPage;
let studio: Page;
let watchUrl = '';
const api = relayApi(() => stack.relay);
const SHOTS = process.env.LC_SCREENSHOTS;

beforeAll(async () => {
  stack = await openStudioPage({ locale: 'ko-KR' });
  studio = stack.page;
  const { show, token } = await api.liveShow('봄 린넨 라이브', CATALOG);
  await api.fire(show.id, { op: 'pin', cards: [{ productId: 'p1', name: '린넨 셔츠', imageUrls: [], currency: 'KRW', price: 30000, salePrice: null, stock: 50, externalUrl: null }] });
  watchUrl = `${stack.relay.url}/w/${token}`;
});
afterAll(async () => {
  await stack?.close();
});

const phone = () => stack.browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('store profile', () => {
  it('before the seller fills it, the watch page says so honestly', async () => {
    const p = await phone();
    await p.goto(watchUrl);
    await p.getByTestId('seller-info-link').click();
    await expect.poll(() => p.getByTestId('seller-empty').innerText(), { timeout: 15_000 }).toContain('판매자 정보가 등록되지 않았습니다');
    await p.close();
  });

  it('the go-live card warns, without blocking, while the store info is empty', async () => {
    await studio.getByTestId('show-title-input').fill('판매자 정보 확인');
    await studio.getByTestId('create-show-button').click();
    await studio.getByTestId('show-item').filter({ hasText: '판매자 정보 확인' }).first().click();
    await expect.poll(() => studio.getByTestId('golive-store-missing').innerText(), { timeout: 20_000 }).toContain('판매자 정보를 입력하지 않았어요');
    await expect.poll(() => studio.getByTestId('go-live-button').isEnabled(), { timeout: 20_000 }).toBe(true);
  });

  it('the seller opens it from Settings and fills it; a wrong 사업자등록번호 gets a Korean message and nothing is saved', async () => {
    await studio.getByRole('button', { name: '설정' }).click();
    await studio.getByTestId('settings-store-link').click();
    await studio.getByTestId('store-empty').waitFor();
    const fill = async (id: string, value: string) => studio.getByTestId(`store-${id}-input`).fill(value);
    await fill('businessName', '봄날의옷장');
    await fill('representative', '김봄');
    await fill('businessNumber', '123-45-67890');
    await fill('mailOrderNumber', '제2024-서울마포-01234호');
    await fill('address', '서울특별시 마포구 월드컵북로 12, 3층');
    await fill('phone', '0212345678');
    await fill('email', 'help@bomnal.example');
    await fill('returnAddress', '서울특별시 마포구 월드컵북로 12, 1층 반품센터');
    await studio.getByTestId('store-save-button').click();
    await expect.poll(() => studio.getByTestId('field-error').allInnerTexts()).toEqual(['사업자등록번호의 검증 숫자가 맞지 않아요. 번호를 다시 확인해 주세요']);
    expect((await api.call<{ profile: unknown }>('GET', '/api/store/profile')).body.profile).toBeNull();
    await fill('businessNumber', '2208162517');
    await studio.getByTestId('store-save-button').click();
    await studio.getByTestId('store-saved').waitFor();
    // Written back in the official form.
    expect(await studio.getByTestId('store-businessNumber-input').inputValue()).toBe('220-81-62517');
    expect(await studio.getByTestId('store-phone-input').inputValue()).toBe('02-1234-5678');
    if (SHOTS) await studio.screenshot({ path: `${SHOTS}/studio-store-profile.png`, fullPage: true });
    // Back in the show room, the warning is gone.
    await studio.getByTestId('nav-room').click();
    await expect.poll(() => studio.getByTestId('golive-store-missing').count()).toBe(0);
  });

  it('a viewer on a phone opens 판매자 정보 and sees it under the still-visible video, clear of the Buy button', async () => {
    const p = await phone();
    await p.goto(watchUrl);
    const link = p.getByTestId('seller-info-link');
    const buy = p.getByTestId('buy-button').first();
    await buy.waitFor({ timeout: 15_000 });
    expect(overlaps((await link.boundingBox())!, (await buy.boundingBox())!)).toBe(false);
    if (SHOTS) await p.screenshot({ path: `${SHOTS}/watch-seller-link-phone.png` });
    await link.click();
    const sheet = p.getByTestId('seller-sheet');
    await expect.poll(() => p.getByTestId('seller-businessName').innerText(), { timeout: 15_000 }).toBe('봄날의옷장');
    expect(await p.getByTestId('seller-businessNumber').innerText()).toBe('220-81-62517');
    expect(await p.getByTestId('seller-mailOrderNumber').innerText()).toBe('제2024-서울마포-01234호');
    expect(await p.getByTestId('seller-returns').innerText()).toContain('7일 이내');
    // The picture stays on screen above the sheet.
    const video = (await p.getByTestId('watch-video').boundingBox())!;
    const sheetBox = (await sheet.boundingBox())!;
    expect(video.height).toBeGreaterThan(100);
    expect(video.y + video.height).toBeLessThanOrEqual(sheetBox.y + 1);
    // docs/img/watch-seller-info-phone.png is this screenshot.
    if (SHOTS) await p.screenshot({ path: `${SHOTS}/watch-seller-info-phone.png` });
    await p.getByTestId('sheet-close').click();
    await p.close();
  });

  it('the order confirmation and the consent notice name the seller', async () => {
    const p = await phone();
    await p.goto(watchUrl);
    await p.getByTestId('buy-button').first().click();
    await p.getByTestId('checkout-consent-toggle').click();
    await expect.poll(() => p.getByTestId('checkout-consent-purpose').innerText(), { timeout: 15_000 }).toContain('봄날의옷장(판매자)의 상품 배송');
    await orderCashOnDelivery(p);
    expect(await p.getByTestId('order-seller-name').innerText()).toBe('봄날의옷장');
    await p.getByTestId('order-seller').locator('summary').click();
    expect(await p.getByTestId('order-seller').getByTestId('seller-phone').innerText()).toBe('02-1234-5678');
    if (SHOTS) await p.screenshot({ path: `${SHOTS}/watch-order-seller.png`, fullPage: true });
    await p.close();
  });

  it('the payment page, sharing the same form hook, still refuses a bad amount and saves a good one', async () => {
    await studio.getByTestId('nav-payment').click();
    await studio.getByTestId('pay-fee-input').fill('-5');
    await studio.getByTestId('payment-save-button').click();
    await expect.poll(() => studio.getByTestId('field-error').count()).toBeGreaterThan(0);
    await studio.getByTestId('pay-fee-input').fill('2,500');
    await expect.poll(() => studio.getByTestId('field-error').count()).toBe(0);
    await studio.getByTestId('payment-save-button').click();
    await studio.getByTestId('payment-saved').waitFor();
    expect((await studioIpc<{ shippingFee: number }>(studio, 'payment.get', {})).shippingFee).toBe(2500);
  });

  it('the orders screen exports the CJ대한통운 sheet in CP949 with the orders still to ship', async () => {
    await studio.getByTestId('nav-shows').click();
    await studio.getByTestId('show-item').filter({ hasText: '봄 린넨 라이브' }).first().getByTestId('show-orders-button').click();
    await studio.getByTestId('orders-screen').waitFor();
    await studio.getByTestId('orders-export-format').selectOption('cj');
    await studio.getByTestId('orders-export-encoding').selectOption('cp949');
    await studio.getByTestId('orders-export-button').click();
    // One cash-on-delivery order was placed above: it is to ship.
    await expect.poll(() => studio.getByTestId('orders-export-note').innerText(), { timeout: 15_000 }).toMatch(/^cj-봄-린넨-라이브-\d{4}-\d{2}-\d{2}\.csv 저장됨 \(1건\)\.$/);
    if (SHOTS) await studio.screenshot({ path: `${SHOTS}/studio-orders-export.png` });
  });
});
