import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveStack, type LiveStack } from '../helpers/live-stack.js';
import { expectVideoDecoding, inboundCounters } from '../helpers/media-pages.js';

/**
 * Publisher loss both ways, with real parts (studio shell + Chromium in the client namespace,
 * relay + Janus + a viewer in the server namespace): the studio tab is closed mid-show, the viewer
 * shows "잠시 후 다시 연결됩니다" over the frozen picture while the show stays live, the studio is
 * reopened, offers Resume (and nothing that contradicts it), and the viewer decodes again.
 * On the way: rehearsal wording and the G key's confirmation.
 */
let stack: LiveStack;
let host: Page;
let viewerBrowser: Browser;
let viewer: Page;
let watchUrl = '';

const WATCH_PC = 'window.__lcWatch && window.__lcWatch.pc()';
const phase = (p: Page) => p.getAttribute('[data-testid="live-state"]', 'data-phase');
const studioState = (p: Page) => p.getAttribute('[data-testid="live-state"]', 'data-state');
const watchState = (p: Page) => p.getAttribute('[data-testid="watch-state"]', 'data-state');

const expectDecoding = (p: Page) => expectVideoDecoding(p, WATCH_PC);

async function previewReady(p: Page): Promise<void> {
  await expect.poll(async () => (await p.getByTestId('preview-video').evaluate((v: HTMLVideoElement) => v.videoWidth)) > 0, { timeout: 20_000 }).toBe(true);
}

/** The End button is inside the laptop-sized viewport (no jump that hides it). */
async function endButtonVisible(p: Page): Promise<boolean> {
  const box = await p.getByTestId('end-show-button').boundingBox();
  const vp = p.viewportSize();
  return !!box && !!vp && box.y >= 0 && box.y + box.height <= vp.height;
}

beforeAll(async () => {
  stack = await startLiveStack();
  ({ host, viewerBrowser } = stack);
  await host.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await stack?.close();
});

describe('publisher loss, resume, rehearsal wording and G confirmation', () => {
  it('a rehearsal says it is a rehearsal everywhere, and ending it says how to go live for real', async () => {
    await host.getByTestId('show-title-input').fill('겨울 니트 라이브');
    await host.getByTestId('create-show-button').click();
    await host.getByTestId('show-item').filter({ hasText: '겨울 니트 라이브' }).first().click();
    await expect.poll(() => host.getByTestId('watch-link').textContent(), { timeout: 15_000 }).toMatch(/\/w\//);
    watchUrl = (await host.getByTestId('watch-link').textContent())!.trim();
    // Prepared, not live: one main button, no End, and the pill agrees.
    expect(await phase(host)).toBe('preparing');
    expect(await host.getByTestId('end-show-button').count()).toBe(0);

    await host.getByTestId('rehearse-button').click();
    await expect.poll(() => host.getByTestId('rehearsal-badge').first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await host.getByTestId('go-live-button').innerText()).toContain('리허설 시작');
    expect(await host.getByTestId('live-state').innerText()).toContain('리허설');
    await previewReady(host);
    await host.getByTestId('go-live-button').click();
    await expect.poll(() => studioState(host), { timeout: 45_000 }).toBe('live');
    expect(await host.getByTestId('live-state').innerText()).toContain('리허설 중');
    expect(await host.getByTestId('live-state').innerText()).not.toContain('LIVE');
    await host.getByTestId('end-show-button').click();
    expect(await host.getByTestId('confirm-end-body').innerText()).toContain('실제 방송으로 돌아가');
    await host.getByTestId('confirm-end-button').click();
    await expect.poll(() => studioState(host), { timeout: 20_000 }).toBe('ended');
    const note = await host.getByTestId('ended-note').innerText();
    expect(note).toContain('리허설이 끝났습니다');
    expect(note).not.toContain('다시 방송하려면 새 방송');
    await host.getByTestId('leave-rehearsal-button').click();
    await expect.poll(() => phase(host), { timeout: 15_000 }).toBe('preparing');
  });

  it('G asks before going live; confirming goes live and the End button stays in view', async () => {
    viewer = await (await viewerBrowser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } })).newPage();
    await viewer.goto(watchUrl);
    await expect.poll(() => watchState(viewer), { timeout: 15_000 }).toBe('scheduled');

    await previewReady(host);
    await host.locator('body').click({ position: { x: 5, y: 5 } });
    await host.keyboard.press('g');
    await host.getByTestId('confirm-go-live').waitFor();
    expect(await studioState(host)).toBe('idle');
    // Cancel leaves the show unstarted.
    await host.getByRole('button', { name: '취소' }).click();
    expect(await host.getByTestId('confirm-go-live').count()).toBe(0);
    expect(await studioState(host)).toBe('idle');

    await host.keyboard.press('g');
    await host.getByTestId('confirm-go-live-button').click();
    await expect.poll(() => studioState(host), { timeout: 45_000 }).toBe('live');
    expect(await host.getByTestId('go-live-button').count()).toBe(0);
    expect(await endButtonVisible(host)).toBe(true);
    await host.screenshot({ path: '/tmp/pub/studio-live-1366.png' });

    await expect.poll(() => watchState(viewer), { timeout: 30_000 }).toBe('live');
    await expectDecoding(viewer);
  });

  it('closing the studio tab mid-show: the viewer shows reconnecting and the show stays live', async () => {
    const closedAt = Date.now();
    await host.close();
    await expect.poll(() => watchState(viewer), { timeout: 120_000, interval: 100 }).toBe('reconnecting');
    const noticedMs = Date.now() - closedAt;
    console.log(`[measure] studio tab closed → viewer shows reconnecting: ${noticedMs} ms`);
    expect(await viewer.getByTestId('watch-busy').innerText()).toContain('잠시 후 다시 연결됩니다');
    await viewer.screenshot({ path: '/tmp/pub/viewer-reconnecting.png' });
  });

  it('the reopened studio knows the show is live and offers one clear Resume; the viewer decodes again', async () => {
    const page = await (await host.context().browser()!.newContext({ locale: 'ko-KR', viewport: { width: 1366, height: 768 } })).newPage();
    host = page;
    await page.goto(stack.studio.url);
    await page.getByTestId('still-live').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('still-live').innerText()).toContain('겨울 니트 라이브');
    await page.screenshot({ path: '/tmp/pub/studio-still-live.png' });
    await page.getByTestId('still-live-open').first().click();
    await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('interrupted');
    // One truth on screen: Resume, no Go live, no "방송 전".
    expect(await page.getByTestId('go-live-button').count()).toBe(0);
    expect(await page.getByTestId('live-state').innerText()).not.toContain('방송 전');
    expect(await page.getByTestId('resume-button').innerText()).toContain('방송 재개');
    await previewReady(page);
    await page.screenshot({ path: '/tmp/pub/studio-resume.png' });

    const before = await inboundCounters(viewer, WATCH_PC);
    await page.getByTestId('resume-button').click();
    await expect.poll(() => studioState(page), { timeout: 45_000 }).toBe('live');
    await expect.poll(() => watchState(viewer), { timeout: 60_000 }).toBe('live');
    await expectDecoding(viewer);
    const after = await inboundCounters(viewer, WATCH_PC);
    // A new subscription (new peer connection) that decodes: its count grows past what the frozen one had, or restarts and grows.
    expect(after.framesDecoded).toBeGreaterThan(0);
    expect(after.framesDecoded === before.framesDecoded).toBe(false);
    expect(await viewer.getByTestId('watch-busy').count()).toBe(0);
  });
});
