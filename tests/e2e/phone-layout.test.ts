import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_SHARE } from '../../server/watch/src/overlay-budget.js';
import { launchChromium } from '../helpers/browser.js';
import { CATALOG, openQuiz, relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/**
 * The watch page on an upright phone (390×844, touch) with everything the host can put up at once:
 * a decided quiz's result, a poll, a coupon drop and two product cards. Whatever is open, the
 * overlays together never cover more than OVERLAY_SHARE of the video, and Buy stays reachable.
 * A relay on loopback, no media: the video element is the whole screen, the worst case (a 9:16
 * picture filling the phone).
 */
let relay: RunningRelay;
let browser: Browser;
let page: Page;
let showId = '';
const api = relayApi(() => relay);
const SHOTS = process.env.LC_SCREENSHOTS; // a folder to save screenshots in, when set
const card = (productId: string, name: string, price: number) => ({ productId, name, imageUrls: [], currency: 'KRW' as const, price, salePrice: null, stock: 50, externalUrl: null });

beforeAll(async () => {
  relay = await startRelay();
  const { show, token } = await api.liveShow('가을 니트 라이브 🧶', CATALOG);
  showId = show.id;
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(`${relay.url}/w/${token}`);
  await page.getByTestId('watch-video').waitFor();
  // A quiz that closes unanswered leaves its result ("정답: 린넨") on screen after it is decided.
  await api.fire(showId, openQuiz('q-first', 5));
  await page.getByTestId('quiz-result').waitFor({ state: 'attached', timeout: 20_000 });
  await api.fire(showId, { op: 'pin', cards: [card('p1', '린넨 셔츠', 30000), card('p2', '울 카디건', 45000)] });
  await api.fire(showId, { op: 'openPoll', poll: { pollId: 'poll1', question: '다음 색상은?', choices: ['블랙', '화이트', '베이지'] }, durationSec: null });
  await api.fire(showId, { op: 'dropCoupon', coupon: { couponId: 'c-drop', code: 'LIVE10', kind: 'fixed', amount: 3000, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 600 });
  await page.getByTestId('chip-coupon').waitFor();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

/** The share of the video element covered by the union of the overlays' boxes (counted per CSS pixel, edges rounded to the nearest). */
function coveredShare(p: Page): Promise<{ share: number; boxes: number }> {
  return p.evaluate(() => {
    // The picture itself: the element's box, or with frames the part object-fit/object-position put them in.
    const el = document.querySelector<HTMLVideoElement>('[data-testid="watch-video"]')!;
    const box = el.getBoundingClientRect();
    let video = { left: box.left, top: box.top, width: box.width, height: box.height, right: box.right, bottom: box.bottom };
    const style = getComputedStyle(el);
    if (el.videoWidth && el.videoHeight && style.objectFit === 'contain') {
      const scale = Math.min(box.width / el.videoWidth, box.height / el.videoHeight);
      const [px, py] = style.objectPosition.split(' ').map((v) => parseFloat(v) / 100);
      const width = el.videoWidth * scale;
      const height = el.videoHeight * scale;
      const left = box.left + (box.width - width) * px!;
      const top = box.top + (box.height - height) * py!;
      video = { left, top, width, height, right: left + width, bottom: top + height };
    }
    const selectors = ['.dock', '.dock > *', '.dock-panel.is-open > *', '.toasts', '.product', '.coupon', '.panel', '[data-testid="quiz-result"]'];
    const rects = selectors.flatMap((s) => [...document.querySelectorAll(s)].map((e) => e.getBoundingClientRect())).filter((r) => r.width > 0 && r.height > 0);
    const W = Math.round(video.width);
    const H = Math.round(video.height);
    const grid = new Uint8Array(W * H);
    for (const r of rects) {
      const x0 = Math.max(0, Math.round(r.left - video.left));
      const x1 = Math.min(W, Math.round(r.right - video.left));
      const y0 = Math.max(0, Math.round(r.top - video.top));
      const y1 = Math.min(H, Math.round(r.bottom - video.top));
      for (let y = y0; y < y1; y++) grid.fill(1, y * W + x0, y * W + Math.max(x0, x1));
    }
    let n = 0;
    for (const v of grid) n += v;
    return { share: n / (W * H), boxes: rects.length };
  });
}

/** True when a tap at the centre of the element lands on it (nothing covers it) and it is on screen. */
function reachable(p: Page, testId: string): Promise<boolean> {
  return p.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const inView = r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return inView && !!hit && (hit === el || el.contains(hit));
  }, testId);
}

describe('watch page on an upright phone with every overlay up', () => {
  it('shows each interaction as a chip, newest first, with only the newest open', async () => {
    const chips = await page.locator('.dock-chip').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}:${e.getAttribute('aria-expanded')}`));
    expect(chips).toEqual(['chip-coupon:true', 'chip-poll:false', 'chip-result:false']);
    expect(await page.locator('.dock-panel.is-open').count()).toBe(1);
    expect(await page.locator('.dock-panel.is-open .coupon').isVisible()).toBe(true);
    expect(await page.locator('.product').count()).toBe(2);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-all-overlays.png` });
  });

  it('keeps the overlays within the declared share of the video, whichever is open', async () => {
    const covered: number[] = [];
    const withCoupon = await coveredShare(page);
    expect(withCoupon.boxes).toBeGreaterThanOrEqual(4);
    covered.push(withCoupon.share);
    // The poll (three rows) and the quiz result are the tallest panels.
    for (const chip of ['chip-poll', 'chip-result']) {
      await page.getByTestId(chip).tap();
      await expect.poll(() => page.getByTestId(chip).getAttribute('aria-expanded')).toBe('true');
      covered.push((await coveredShare(page)).share);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-${chip}.png` });
    }
    expect(await page.locator('.dock-panel.is-open').count()).toBe(1);
    // Closing the open one leaves only chips and cards.
    await page.getByTestId('chip-result').tap();
    expect(await page.locator('.dock-panel.is-open').count()).toBe(0);
    covered.push((await coveredShare(page)).share);
    for (const share of covered) expect(share).toBeLessThanOrEqual(OVERLAY_SHARE);
    expect(covered.at(-1)!).toBeLessThan(covered[0]!);
  });

  it('opens a new cue by itself, even after the viewer closed everything', async () => {
    await api.fire(showId, openQuiz('q-draw', 60));
    await expect.poll(() => page.getByTestId('chip-quiz').getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('quiz').isVisible()).toBe(true);
    const first = await page.locator('.dock-chip').first().getAttribute('data-testid');
    expect(first).toBe('chip-quiz');
    expect((await coveredShare(page)).share).toBeLessThanOrEqual(OVERLAY_SHARE);
  });

  it('keeps Buy reachable and opens the checkout from it', async () => {
    expect(await reachable(page, 'buy-button')).toBe(true);
    await page.getByTestId('buy-button').first().tap();
    await page.getByTestId('order-button').waitFor();
    await page.getByRole('button', { name: '닫기' }).first().tap();
  });

  it('sets a 16:9 picture high on an upright phone, clear of the dock', async () => {
    // A 1280×720 picture into the page's video element, as a landscape show's frames would arrive.
    await page.evaluate(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 1280;
      canvas.height = 720;
      const g = canvas.getContext('2d')!;
      const paint = () => {
        g.fillStyle = '#2f6fb3';
        g.fillRect(0, 0, 1280, 720);
        g.fillStyle = '#fff';
        g.fillRect(560, 280, 160, 160);
        requestAnimationFrame(paint);
      };
      paint();
      const v = document.querySelector<HTMLVideoElement>('[data-testid="watch-video"]')!;
      v.srcObject = canvas.captureStream(30);
      void v.play();
    });
    await page.locator('.stage.video-wide').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('watch-video').evaluate((v: HTMLVideoElement) => getComputedStyle(v).objectFit)).toBe('contain');
    const { share } = await coveredShare(page);
    expect(share).toBeLessThanOrEqual(OVERLAY_SHARE);
    // High on the screen: the picture's top is above the middle, its bottom above the dock.
    const geometry = await page.evaluate(() => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="watch-video"]')!;
      const dock = document.querySelector('.dock')!.getBoundingClientRect();
      const h = (v.clientWidth * v.videoHeight) / v.videoWidth;
      const top = (v.clientHeight - h) * (parseFloat(getComputedStyle(v).objectPosition.split(' ')[1]!) / 100);
      return { top, bottom: top + h, dockTop: dock.top, screen: v.clientHeight };
    });
    expect(geometry.bottom).toBeLessThanOrEqual(geometry.dockTop);
    expect(geometry.top).toBeLessThan(geometry.screen / 2 - (geometry.bottom - geometry.top) / 2);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-wide-show.png` });
  });

  it('holds the budget on a small phone too (360×640)', async () => {
    await page.setViewportSize({ width: 360, height: 640 });
    await page.getByTestId('chip-poll').tap();
    expect((await coveredShare(page)).share).toBeLessThanOrEqual(OVERLAY_SHARE);
    expect(await reachable(page, 'buy-button')).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-small.png` });
  });
});
