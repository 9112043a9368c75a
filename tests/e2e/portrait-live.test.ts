import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveStack, type LiveStack } from '../helpers/live-stack.js';
import { inboundCounters, waitUntil } from '../helpers/media-pages.js';

/**
 * A 9:16 show end to end with real parts (studio browser shell with the fake camera in the client
 * namespace; relay, Janus and a phone viewer in the server namespace): the studio crops the camera
 * to portrait in its capture pipeline, viewers receive portrait video that fills an upright phone,
 * and the frame stamps the cues are timed by still arrive with every frame.
 */
let stack: LiveStack;
let host: Page;
let viewerBrowser: Browser;
let phone: Page;
const SHOTS = process.env.LC_SCREENSHOTS; // a folder to save screenshots in, when set
const WATCH_PC = 'window.__lcWatch && window.__lcWatch.pc()';

const videoSize = (p: Page, testId: string) =>
  p.getByTestId(testId).evaluate((v: HTMLVideoElement) => ({ w: v.videoWidth, h: v.videoHeight, fit: getComputedStyle(v).objectFit }));

beforeAll(async () => {
  ({ host, viewerBrowser } = stack = await startLiveStack());
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

describe('a show in 세로 9:16', () => {
  it('crops the camera to 9:16 in the studio preview', async () => {
    await host.getByTestId('show-title-input').fill('세로 라이브');
    await host.getByTestId('create-show-button').click();
    await host.getByTestId('show-item').filter({ hasText: '세로 라이브' }).first().click();
    await expect.poll(async () => (await videoSize(host, 'preview-video')).w, { timeout: 20_000 }).toBeGreaterThan(0);
    const landscape = await videoSize(host, 'preview-video');
    expect(landscape.w).toBeGreaterThan(landscape.h);

    await host.getByTestId('orientation-portrait').click();
    expect(await host.getByTestId('orientation-portrait').getAttribute('aria-checked')).toBe('true');
    await expect.poll(async () => { const s = await videoSize(host, 'preview-video'); return s.w > 0 && s.w < s.h; }, { timeout: 10_000 }).toBe(true);
    const portrait = await videoSize(host, 'preview-video');
    // The full height of the camera, 9:16 of it in width (even pixels).
    expect(portrait.h).toBe(landscape.h);
    expect(Math.abs(portrait.w / portrait.h - 9 / 16)).toBeLessThan(0.01);
    if (SHOTS) await host.screenshot({ path: `${SHOTS}/studio-portrait.png` });
  });

  it('publishes portrait video that a phone viewer decodes full screen, frame stamps and all', async () => {
    await expect.poll(() => host.getByTestId('watch-link').textContent(), { timeout: 15_000 }).toMatch(/\/w\//);
    const watchUrl = (await host.getByTestId('watch-link').textContent())!.trim();
    await host.getByTestId('go-live-button').click();
    await expect.poll(() => host.getAttribute('[data-testid="live-state"]', 'data-state'), { timeout: 45_000 }).toBe('live');
    // On air the frame is fixed: changing its shape mid-show would jolt every viewer.
    expect(await host.getByTestId('orientation-landscape').isDisabled()).toBe(true);

    phone = await (await viewerBrowser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(watchUrl);
    await waitUntil('video at the phone', async () => ((await inboundCounters(phone, WATCH_PC)).framesDecoded > 10 ? true : null), 60_000);
    await expect.poll(async () => (await videoSize(phone, 'watch-video')).h, { timeout: 20_000 }).toBeGreaterThan(0);
    const got = await videoSize(phone, 'watch-video');
    expect(got.w).toBeLessThan(got.h);
    // The encoder may scale the picture down on these 2 cores; its shape stays about 9:16.
    expect(Math.abs(got.w / got.h - 9 / 16)).toBeLessThan(0.03);
    // An upright phone is filled (cover, no letterbox).
    await expect.poll(async () => (await videoSize(phone, 'watch-video')).fit, { timeout: 5_000 }).toBe('cover');

    // Stamps: every rendered frame carries the studio's capture time, and it moves on.
    const stamp = () => phone.evaluate(() => (window as unknown as { __lcWatch?: { lastFrameCaptureMs(): number | null } }).__lcWatch?.lastFrameCaptureMs() ?? null);
    const first = await waitUntil('a stamped frame', stamp, 20_000);
    await expect.poll(async () => ((await stamp()) ?? 0) > first + 200, { timeout: 10_000 }).toBe(true);
    if (SHOTS) await phone.screenshot({ path: `${SHOTS}/phone-portrait-live.png` });
  });
});
