import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import { launchChromium } from '../helpers/browser.js';
import { sampleCatalog } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { setRecording, writeReplayFixture } from '../helpers/replay-fixture.js';

/**
 * The watch page offers a camera replay's MP4 rendition as a second <source> (docs/replay.md, "MP4
 * rendition"). Chromium plays VP8 WebM, so it must keep the WebM (the first source); the rendition
 * the relay made must itself be a video a browser decodes. No iPhone is available here: the choice
 * an old iPhone makes is the browser's own source selection by `type` (replay-sources.test.ts).
 */
let relay: RunningRelay;
let browser: Browser;
const api = relayApi(() => relay);
let showId = '';
let token = '';

beforeAll(async () => {
  relay = await startRelay();
  const live = await api.liveShow('봄 니트 라이브', sampleCatalog());
  showId = live.show.id;
  token = live.token;
  expect((await api.call('POST', `/api/shows/${showId}/end`)).status).toBe(200);
  await writeReplayFixture(relay.dataDir, showId, { wallStartMs: Date.now() - 10_000, durationSec: 4 });
  setRecording(relay.dataDir, showId, 'ready');
  // The restart finds the ready replay without a rendition and makes it.
  await relay.restart();
  browser = await launchChromium({ build: 'production' });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
});

describe('the replay player with an MP4 rendition', () => {
  it('lists the WebM then the MP4; Chromium plays the WebM, and the MP4 decodes on its own', { timeout: 240_000 }, async () => {
    await expect.poll(async () => (await api.call<ShowRecording>('GET', `/api/shows/${showId}/recording`)).body.rendition.state, { timeout: 120_000, interval: 500 }).toBe('ready');
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      await page.goto(`${relay.url}/w/${token}`);
      const video = page.getByTestId('replay-video');
      await video.waitFor();
      const sources = await video.evaluate((v: HTMLVideoElement) => [...v.querySelectorAll('source')].map((s) => ({ src: new URL(s.src).pathname, type: s.type })));
      expect(sources).toEqual([
        { src: `/api/watch/${token}/replay/video`, type: 'video/webm; codecs="vp8, opus"' },
        { src: `/api/watch/${token}/replay/video.mp4`, type: 'video/mp4; codecs="avc1.64001F, mp4a.40.2"' },
      ]);
      await expect.poll(() => video.evaluate((v: HTMLVideoElement) => (v.readyState >= 2 ? new URL(v.currentSrc).pathname : '')), { timeout: 30_000 }).toBe(`/api/watch/${token}/replay/video`);
      expect(await page.getByTestId('replay-cannot-play').count()).toBe(0);
      // The rendition alone, as an old iPhone gets it: decoded frames of the fixture's 640×360 picture.
      const decoded = await page.evaluate(async (src) => {
        const v = document.createElement('video');
        v.muted = true;
        v.src = src;
        await new Promise<void>((resolve, reject) => {
          v.addEventListener('loadeddata', () => resolve(), { once: true });
          v.addEventListener('error', () => reject(new Error(`error ${v.error?.code}`)), { once: true });
        });
        return { width: v.videoWidth, height: v.videoHeight, duration: v.duration };
      }, `/api/watch/${token}/replay/video.mp4`);
      expect(decoded.width).toBe(640);
      expect(decoded.height).toBe(360);
      expect(decoded.duration).toBeCloseTo(4, 0);
    } finally {
      await page.close();
    }
  });
});
