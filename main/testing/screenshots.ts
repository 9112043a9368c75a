import { chromium, type Page } from 'playwright-core';
import { pngBytes } from './images.js';

/**
 * Screenshots of the studio's commerce screens (docs/img/studio-*.png and the report as PDF),
 * taken against a running studio (browser shell) pointed at main/testing/demo-relay.ts or a real
 * relay. Development only:
 *
 *   npx tsx main/testing/screenshots.ts <studio url with #token> <out dir> [demo-live show id] [ended show id]
 *
 * Debian's Chromium, never a downloaded browser. Loopback only.
 */
const [url, out = 'docs/img', liveId = 'demo-live', endedId = 'demo-ended', lang = 'ko'] = process.argv.slice(2);
if (!url) throw new Error('usage: screenshots.ts <studio url> [out dir] [live show id] [ended show id] [ko|en]');

async function ipc<T>(page: Page, channel: string, request: unknown): Promise<T> {
  // A string, so this Node file needs no DOM types; it runs in the studio page with the page's own token.
  const call = `fetch('/ipc/${channel}', { method: 'POST', headers: { 'content-type': 'application/json', 'x-studio-token': sessionStorage.getItem('lc.shellToken') ?? '' }, body: ${JSON.stringify(JSON.stringify(request))} }).then((r) => r.json())`;
  const result = (await page.evaluate(call)) as { ok: boolean; data?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message}`);
  return result.data as T;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'], headless: true });
try {
  const page = await browser.newPage({ locale: lang === 'ko' ? 'ko-KR' : 'en-US', viewport: { width: 1440, height: 900 } });
  await page.addInitScript(`localStorage.setItem('lc.lang', '${lang}')`);
  await page.emulateMedia({ reducedMotion: 'reduce' }); // no arriving-row animation caught half-way
  await page.goto(url);
  await page.getByTestId('nav-catalog').waitFor();

  if ((await ipc<unknown[]>(page, 'products.list', {})).length === 0) {
    const { ref } = await ipc<{ ref: string }>(page, 'images.add', { dataBase64: pngBytes(4, 4).toString('base64') });
    const knit = await ipc<{ id: string }>(page, 'products.save', { input: { name: '캐시미어 라운드 니트', price: 89000, salePrice: 68000, stock: 30, images: [ref], options: [{ id: 'S', name: 'S', stock: 8 }, { id: 'M', name: 'M', stock: 14 }, { id: 'L', name: 'L', stock: 8 }] } });
    const cardigan = await ipc<{ id: string }>(page, 'products.save', { input: { name: '울 블렌드 가디건', price: 59000, stock: 20, options: [{ id: 'ivory', name: '아이보리', stock: 12 }, { id: 'black', name: '블랙', stock: 8 }] } });
    await ipc(page, 'products.save', { input: { name: '린넨 셔츠', price: 39000, salePrice: 29000, stock: 12 } });
    await ipc(page, 'products.save', { input: { name: '니트 양말 3켤레', price: 12000, stock: 40 } });
    await ipc(page, 'coupons.save', { input: { code: 'LIVE10', kind: 'percent', amount: 10, totalQuota: 100 } });
    await ipc(page, 'rundowns.save', {
      name: '봄 니트 라이브',
      showId: liveId,
      segments: [
        { id: 'seg-intro', title: '오프닝 · 인사', plannedSec: 300, talkingPoints: '오늘 준비한 니트 3종 소개\n쿠폰은 방송 중에만!' },
        { id: 'seg-knit', title: '캐시미어 니트', plannedSec: 900, talkingPoints: '캐시미어 30% 혼방, 보풀 적음\n사이즈 S/M/L — 모델 170cm M 착용', featuredProductIds: [knit.id], cues: [{ id: 'c1', label: '니트 카드', action: { kind: 'showProducts', productIds: [knit.id] }, trigger: { type: 'manual' } }] },
        { id: 'seg-cardigan', title: '울 가디건 · 코디', plannedSec: 900, featuredProductIds: [cardigan.id], cues: [] },
      ],
    });
    await ipc(page, 'payment.save', { bankTransfer: { bank: '국민은행', accountNumber: '123456-01-234567', holder: '봄날상회' }, cashOnDelivery: true, card: true, shippingFee: 3000, freeShippingFrom: 50000 });
  }
  // Hands the catalog to the live show, so (with the demo relay) orders start to arrive.
  await ipc(page, 'shows.start', { showId: liveId });

  await page.getByTestId('nav-payment').click();
  await page.getByTestId('payment-form').waitFor();
  await page.screenshot({ path: `${out}/studio-payment.png`, fullPage: true });

  await page.getByTestId('nav-shows').click();
  await page.locator(`[data-show-id="${liveId}"] .show-open`).click();
  await page.getByTestId('room-tab-dashboard').click();
  await page.getByTestId('dash-product').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(9000); // a few orders and viewer samples
  // The main column: tabs, the Orders badge and the whole dashboard (the side column's Go live
  // button would only say that this demo does not publish video).
  await page.locator('.room-main').screenshot({ path: `${out}/studio-dashboard.png` });
  await page.getByTestId('room-tab-host').click();
  await page.waitForTimeout(4000);
  await page.locator('.room-main').screenshot({ path: `${out}/studio-host-kpis.png` });

  await page.getByTestId('room-orders-button').click();
  await page.getByTestId('order-row').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(2500);
  // A buyer named like markup shows as text: the name is there literally and no <img> was made of it.
  const names = await page.getByTestId('order-buyer-name').allInnerTexts();
  if (names.some((n) => n.includes('<img')) && (await page.locator('img[src="x"]').count()) !== 0) throw new Error('a buyer name became markup');
  await page.getByTestId('order-cancel').first().click();
  await page.screenshot({ path: `${out}/studio-orders.png` });

  await page.getByTestId('orders-back-button').click();
  await page.getByTestId('nav-shows').isDisabled();
  await ipc(page, 'shows.list', {});
  await page.reload();
  await page.locator(`[data-show-id="${endedId}"] [data-testid="show-report-button"]`).click();
  await page.getByTestId('report-summary').waitFor();
  await page.screenshot({ path: `${out}/studio-report.png`, fullPage: true });
  await page.pdf({ path: `${out}/studio-report.pdf`, format: 'A4', printBackground: true });
} finally {
  await browser.close();
}
