import Database from 'better-sqlite3';
import path from 'node:path';
import { devices, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip, ClipShape, ShowClips } from '../../common/replay/clips.js';
import type { Show } from '../../common/show.js';
import { CLIP_PAGE_CSP, CLIP_PAGE_TEXT } from '../../server/src/clips/clip-page.js';
import { launchChromium } from '../helpers/browser.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { liveShowWithTeeSegment, setRecording, setSegmentStarts, writeReplayFixture } from '../helpers/replay-fixture.js';

/**
 * The public clip page (docs/clips.md) in Debian's Chromium against a real relay, loopback only: a
 * clip of the T-shirt segment cut by the relay's real ffmpeg from an ffmpeg-made replay, opened on a
 * phone in Korean and on a desktop. Both shapes really play (frames decoded, time moving) for the
 * segment's length, the CSS-only toggle switches them, Buy is on the first screen and lands on the
 * watch page's checkout of the product, and the page runs no script. Issue 12.
 */
const IMG = path.resolve('docs/img');
const KO = CLIP_PAGE_TEXT.ko;
/** The clip page tells a phone by its user agent (it has no script to ask); an Android Chrome's. */
const PHONE = { locale: 'ko-KR', userAgent: devices['Pixel 7'].userAgent, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
/** An iPhone SE's screen: the shortest phone the page is made for. */
const SMALL_PHONE = { width: 375, height: 667 } as const;
const DESKTOP = { locale: 'ko-KR', viewport: { width: 1366, height: 900 } } as const;

let relay: RunningRelay;
let browser: Browser;
const api = relayApi(() => relay);
let showId = '';
let watchToken = '';
let clip: Clip;
/** The T-shirt segment's video in the replay, as the relay lists it: what the clip must last. */
let segmentSec = 0;

const clips = async () => (await api.call<ShowClips>('GET', `/api/shows/${showId}/clips`)).body;
function setClipStatus(status: 'cutting' | 'ready'): void {
  const db = new Database(path.join(relay.dataDir, 'relay.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('UPDATE clips SET status = ? WHERE id = ?').run(status, clip.id);
  } finally {
    db.close();
  }
}

interface Playback {
  visible: boolean;
  readyState: number;
  currentTime: number;
  duration: number;
  width: number;
  height: number;
  error: number | null;
  paused: boolean;
}
const playback = (page: Page, shape: ClipShape) =>
  page.locator(`video.${shape}`).evaluate(
    (v: HTMLVideoElement): Playback => ({ visible: v.getClientRects().length > 0, readyState: v.readyState, currentTime: v.currentTime, duration: v.duration, width: v.videoWidth, height: v.videoHeight, error: v.error?.code ?? null, paused: v.paused }),
  );

/** The shape is on screen and plays: enough data to play on, then its time moves past where it was (no fixed wait). */
async function expectPlays(page: Page, shape: ClipShape): Promise<Playback> {
  await expect.poll(async () => (await playback(page, shape)).readyState, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const before = await playback(page, shape);
  expect(before.visible).toBe(true);
  await expect.poll(async () => (await playback(page, shape)).currentTime, { timeout: 30_000 }).not.toBe(before.currentTime);
  const now = await playback(page, shape);
  expect(now.error).toBeNull();
  expect(now.paused).toBe(false);
  expect(Math.abs(now.duration - segmentSec)).toBeLessThanOrEqual(0.5);
  return now;
}

/** Buy is on the phone's first screen, under the video, with no scrolling. */
async function expectBuyOnFirstScreen(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  const box = (await page.locator('[data-buy]').boundingBox())!;
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

/** No script in the page, and the declared CSP is what Chromium enforced: an inline script put in by hand does not run. */
async function expectNoScript(page: Page): Promise<void> {
  const seen = await page.evaluate(() => {
    const handlers = [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((a) => a.startsWith('on')));
    const s = document.createElement('script');
    s.textContent = 'document.documentElement.dataset.ran = "1"';
    document.head.append(s);
    return { scripts: document.scripts.length - 1, handlers, ran: document.documentElement.dataset.ran ?? null };
  });
  expect(seen).toEqual({ scripts: 0, handlers: [], ran: null });
}

beforeAll(async () => {
  relay = await startRelay();
  ({ showId, token: watchToken } = await liveShowWithTeeSegment(api));
  expect((await api.call('POST', `/api/shows/${showId}/end`)).status).toBe(200);
  const endedMs = Date.parse((await api.call<Show>('GET', `/api/shows/${showId}`)).body.endedAt!);
  // 인사 for 4 s, then 티셔츠 소개 (with the T-shirt pinned in it) for 12 s until the end; the recording covers both.
  setSegmentStarts(relay.dataDir, showId, { intro: endedMs - 16_000, tee: endedMs - 12_000 });
  await writeReplayFixture(relay.dataDir, showId, { wallStartMs: endedMs - 16_000, durationSec: 16 });
  setRecording(relay.dataDir, showId, 'ready');
  browser = await launchChromium({ build: 'production' });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

describe('a product clip page in Chromium', () => {
  it("cuts the T-shirt segment's clip with the relay's ffmpeg", { timeout: 180_000 }, async () => {
    const tee = (await clips()).segments[1]!;
    expect(tee.productIds).toEqual(['tee']);
    segmentSec = tee.video!.outSec - tee.video!.inSec;
    expect(segmentSec).toBeGreaterThanOrEqual(10);
    // The segment's own range (no in/out chosen).
    const cut = await api.call<Clip>('POST', `/api/shows/${showId}/clips`, { segmentNo: 2 });
    expect(cut.status, cut.text).toBe(202);
    await expect.poll(async () => (await clips()).segments[1]!.clip?.status, { timeout: 150_000, interval: 1000 }).toBe('ready');
    clip = (await clips()).segments[1]!.clip!;
    expect([clip.inSec, clip.outSec]).toEqual([tee.video!.inSec, tee.video!.outSec]);
  });

  it('plays the vertical clip on a phone, switches to the wide one with the toggle, and runs no script', async () => {
    const page = await browser.newPage(PHONE);
    try {
      const res = await page.goto(clip.pageUrl);
      expect(res!.status()).toBe(200);
      expect(res!.headers()['content-security-policy']).toBe(CLIP_PAGE_CSP);
      expect(await page.locator('html').getAttribute('lang')).toBe('ko');
      const vertical = await expectPlays(page, 'vertical');
      expect(vertical.width).toBeLessThan(vertical.height);
      expect((await playback(page, 'wide')).visible).toBe(false);
      await page.screenshot({ path: `${IMG}/clip-page-phone-vertical-ko.png` });

      expect(await page.locator('[data-buy]').textContent()).toBe(KO.buy);
      await expectBuyOnFirstScreen(page);

      await page.getByText(KO.wide, { exact: true }).tap();
      const wide = await expectPlays(page, 'wide');
      expect(wide.width).toBeGreaterThan(wide.height);
      expect((await playback(page, 'vertical')).visible).toBe(false);
      // Nothing wider than the phone (a long Korean title or product name would push the page sideways).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
      await page.screenshot({ path: `${IMG}/clip-page-phone-wide-ko.png` });
      await expectNoScript(page);
    } finally {
      await page.close();
    }
  });

  it("keeps Buy on the first screen of a small phone's vertical clip, under a title of two lines", async () => {
    const title = (await api.call<Show>('GET', `/api/shows/${showId}`)).body.title;
    expect((await api.call('PATCH', `/api/shows/${showId}`, { title: '봄 신상 니트와 기본 티셔츠 한정 수량 특가 라이브 방송' })).status).toBe(200);
    const page = await browser.newPage({ ...PHONE, viewport: SMALL_PHONE });
    try {
      await page.goto(clip.pageUrl);
      await page.locator('video.vertical').waitFor();
      const lines = await page.locator('h1').evaluate((h) => {
        const r = document.createRange();
        r.selectNodeContents(h);
        return r.getClientRects().length;
      });
      expect(lines).toBe(2);
      await expectBuyOnFirstScreen(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL_PHONE.width);
      await page.screenshot({ path: `${IMG}/clip-page-small-phone-vertical-ko.png` });
    } finally {
      await page.close();
      await api.call('PATCH', `/api/shows/${showId}`, { title });
    }
  });

  it('Buy leads to the watch page of the show with the T-shirt checkout open', async () => {
    const page = await browser.newPage(PHONE);
    try {
      await page.goto(clip.pageUrl);
      await page.locator('[data-buy]').tap();
      await page.getByTestId('checkout-sheet').waitFor({ timeout: 30_000 });
      const landed = new URL(page.url());
      expect(landed.pathname).toBe(`/w/${watchToken}`);
      expect(landed.searchParams.get('product')).toBe('tee');
      expect(await page.getByTestId('checkout-sheet').textContent()).toContain('기본 티셔츠');
    } finally {
      await page.close();
    }
  });

  it('opens on the wide clip on a desktop', async () => {
    const page = await browser.newPage(DESKTOP);
    try {
      await page.goto(clip.pageUrl);
      const wide = await expectPlays(page, 'wide');
      expect(wide.width).toBeGreaterThan(wide.height);
      expect((await playback(page, 'vertical')).visible).toBe(false);
      await page.screenshot({ path: `${IMG}/clip-page-desktop-ko.png` });
      await expectNoScript(page);
    } finally {
      await page.close();
    }
  });

  it('says a clip still cutting is being prepared, and a deleted clip is gone', async () => {
    const page = await browser.newPage(PHONE);
    try {
      setClipStatus('cutting');
      await page.goto(clip.pageUrl);
      expect(await page.locator('[data-clip-status="cutting"]').textContent()).toBe(KO.notReady);
      expect(await page.locator('video').count()).toBe(0);
      setClipStatus('ready');

      expect((await api.call('DELETE', `/api/shows/${showId}/clips/${clip.id}`)).status).toBe(204);
      const gone = await page.goto(clip.pageUrl);
      expect(gone!.status()).toBe(404);
      expect(gone!.headers()['content-security-policy']).toBe(CLIP_PAGE_CSP);
      expect(await page.locator('[data-clip-gone]').textContent()).toBe(KO.gone);
      expect((await fetch(clip.files.vertical)).status).toBe(404);
    } finally {
      await page.close();
    }
  });
});
