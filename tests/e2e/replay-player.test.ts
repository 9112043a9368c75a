import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { openRelayDbReadOnly, sampleCatalog } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import type { StudioReplay } from '../../common/replay/replay-studio.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { setRecording, writeReplayFixture } from '../helpers/replay-fixture.js';
import { orderCashOnDelivery } from '../helpers/watch-checkout.js';

/**
 * An ended show's watch link plays its replay in Chromium on a phone: the card the host fired
 * appears when the video is past its moment and not before, a product chapter lands in the
 * product's segment, and Buy stores an order marked `replay` at the regular price. A real relay on
 * loopback (no media: the replay is a file) with a replay made by ffmpeg where the recorder puts it.
 */
let relay: RunningRelay;
let browser: Browser;
const api = relayApi(() => relay);
let showId = '';
let watchUrl = '';
/** Where the card lands in the replay: the fixture's timeline puts the pin 9 s in. */
const PIN_SEC = 9;
const SHOTS = process.env.LC_SCREENSHOTS;
const tee = { productId: 'tee', name: '기본 티셔츠', imageUrls: [] as string[], currency: 'KRW' as const, price: 20000, salePrice: 15000, stock: 10, externalUrl: null };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  relay = await startRelay();
  const live = await api.liveShow('봄 니트 라이브', sampleCatalog());
  showId = live.show.id;
  watchUrl = `${relay.url}/w/${live.token}`;
  await api.call('POST', `/api/shows/${showId}/segment`, { segmentId: 'intro', title: '오프닝 인사' });
  await sleep(2500);
  await api.call('POST', `/api/shows/${showId}/segment`, { segmentId: 'tee', title: '기본 티셔츠 소개' });
  await sleep(1500);
  await api.fire(showId, { op: 'pin', cards: [tee] });
  // A 라이브 특가 that outlives the show: the replay still sells at the regular price.
  await api.call('POST', `/api/shows/${showId}/specials`, { productId: 'tee', price: 12000, minutes: 30 });
  // The host's chat line right after the card: the replay shows it from (about) the same second.
  expect((await api.call('POST', `/api/shows/${showId}/chat`, { text: '지금 보시는 티셔츠 <i>15,000원</i>!' })).status).toBe(201);
  await sleep(3000);
  await api.call('POST', `/api/shows/${showId}/segment`, { segmentId: 'outro', title: '마무리' });
  await sleep(1000);
  expect((await api.call('POST', `/api/shows/${showId}/end`)).status).toBe(200);
  const db = openRelayDbReadOnly(relay);
  const firedAt = Date.parse((db.prepare("SELECT fired_at FROM cue_firings WHERE show_id = ? AND json_extract(op, '$.op') = 'pin'").get(showId) as { fired_at: string }).fired_at);
  db.close();
  await writeReplayFixture(relay.dataDir, showId, { wallStartMs: firedAt - PIN_SEC * 1000, durationSec: 24 });
  setRecording(relay.dataDir, showId, 'processing', { progress: 0.35 });
  browser = await launchChromium({ build: 'production' });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

const videoTime = (page: Page) => page.getByTestId('replay-video').evaluate((v: HTMLVideoElement) => v.currentTime);
async function seek(page: Page, sec: number): Promise<void> {
  await page.getByTestId('replay-video').evaluate(
    (v: HTMLVideoElement, s: number) =>
      new Promise<void>((resolve) => {
        v.pause();
        v.addEventListener('seeked', () => resolve(), { once: true });
        v.currentTime = s;
      }),
    sec,
  );
}

describe('the replay on an ended show’s watch link (phone)', () => {
  let page: Page;

  it('says it is preparing the replay, then plays it when it is ready', async () => {
    page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(watchUrl);
    const state = page.getByTestId('replay-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('processing');
    expect(await page.getByTestId('replay-progress').getAttribute('data-progress')).toBe('35');
    expect(await page.getByText('다시보기를 준비하고 있어요').count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-replay-preparing-phone.png` });

    setRecording(relay.dataDir, showId, 'ready');
    // The page asks again by itself every few seconds.
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
    await expect.poll(() => videoTime(page), { timeout: 20_000 }).toBeGreaterThan(0.5); // it plays
    expect(await page.getByTestId('replay-video').evaluate((v: HTMLVideoElement) => v.duration)).toBeCloseTo(24, 0);
    // The page counted its device as a view of the ready replay (not while preparing): the studio's Replays screen shows it.
    await expect.poll(async () => (await api.call<StudioReplay>('GET', `/api/shows/${showId}/replay`)).body.numbers.views, { timeout: 10_000 }).toBe(1);
  });

  it('shows the card after the moment the host fired it, and not before', async () => {
    await seek(page, PIN_SEC - 3);
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(0);
    await seek(page, PIN_SEC + 1);
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(1);
    const card = page.getByTestId('product-card');
    expect(await card.getAttribute('data-product-id')).toBe('tee');
    expect(await card.innerText()).toContain('15,000');
    expect(await card.innerText()).not.toContain('12,000'); // the live special does not hold
    expect(await page.getByTestId('live-special').count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-replay-card-phone.png` });
    await seek(page, PIN_SEC - 0.5);
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(0);
  });

  it('replays the live chat beside the video: a message shows from the second it was posted, as text', async () => {
    const chat = page.getByTestId('replay-chat');
    await seek(page, PIN_SEC - 3);
    await expect.poll(() => chat.getAttribute('data-shown')).toBe('0');
    expect(await chat.innerText()).not.toContain('지금 보시는 티셔츠');
    await seek(page, PIN_SEC + 2);
    await expect.poll(() => chat.getAttribute('data-shown')).toBe('1');
    // Markup in a message is text, never markup.
    expect(await chat.innerText()).toContain('지금 보시는 티셔츠 <i>15,000원</i>!');
    expect(await chat.locator('i').count()).toBe(0);
    expect(await chat.innerText()).toContain('호스트');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-replay-chat-phone.png`, fullPage: true });
  });

  it("jumps to the product's chapter inside its segment", async () => {
    await seek(page, 1);
    const segment = page.getByTestId('chapter-segment').filter({ hasText: '기본 티셔츠 소개' });
    const [from, to] = [Number(await segment.getAttribute('data-at')), Number(await segment.getAttribute('data-end'))];
    expect(from).toBeLessThan(PIN_SEC);
    expect(to).toBeGreaterThan(PIN_SEC);
    const chapter = page.getByTestId('chapter-product').filter({ hasText: '기본 티셔츠' });
    expect(await chapter.innerText()).toContain('이 상품으로 이동');
    await chapter.click();
    await expect.poll(() => page.getByTestId('product-card').count()).toBe(1);
    const at = await videoTime(page);
    expect(at).toBeGreaterThanOrEqual(from);
    expect(at).toBeLessThan(to);
    await expect.poll(() => segment.getAttribute('aria-current')).toBe('true');
    await page.getByTestId('replay-chapters').scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-replay-chapters-phone.png` });
  });

  it('buys from the replay: stored with source replay at the regular price', async () => {
    await page.getByTestId('buy-button').click();
    await page.getByTestId('checkout-sheet').waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-replay-checkout-phone.png` });
    const number = await orderCashOnDelivery(page);
    const db = openRelayDbReadOnly(relay);
    try {
      const row = db.prepare('SELECT source, total, quote FROM orders WHERE show_id = ? AND number = ?').get(showId, number) as { source: string; total: number; quote: string };
      expect(row.source).toBe('replay');
      expect(JSON.parse(row.quote).unitPrice).toBe(15000);
      expect(row.total).toBe(18000); // 15,000 + 3,000 shipping
    } finally {
      db.close();
    }
  });

  it('speaks English to an English browser, with the cards beside the video on a desktop', async () => {
    const desk = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    await desk.goto(watchUrl);
    await expect.poll(() => desk.getByTestId('replay-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    await seek(desk, PIN_SEC + 1);
    await expect.poll(() => desk.getByTestId('product-card').count()).toBe(1);
    expect(await desk.getByTestId('chapter-product').innerText()).toContain('Jump to this product');
    expect(await desk.getByText('Parts of the show').count()).toBe(1);
    if (SHOTS) await desk.screenshot({ path: `${SHOTS}/watch-replay-desktop-en.png` });
    await desk.close();
  });

  it('keeps the "show ended" screen for an ended show that was not recorded', async () => {
    const other = await api.liveShow('녹화 없는 라이브', sampleCatalog());
    expect((await api.call('POST', `/api/shows/${other.show.id}/end`)).status).toBe(200);
    const p = await browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await p.goto(`${relay.url}/w/${other.token}`);
    await p.getByText('방송이 종료되었습니다').waitFor({ timeout: 15_000 });
    expect(await p.getByTestId('replay-video').count()).toBe(0);
    expect(await p.getByTestId('my-orders-button').count()).toBe(1);
    await p.close();
  });

  it('explains a deleted replay', async () => {
    setRecording(relay.dataDir, showId, 'deleted');
    await page.reload();
    await expect.poll(() => page.getByTestId('replay-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('deleted');
    expect(await page.getByText('다시보기가 삭제되었어요').count()).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-replay-deleted-phone.png` });
    await page.close();
  });
});
