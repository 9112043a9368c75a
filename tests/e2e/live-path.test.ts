import { startLiveStack, type LiveStack } from '../helpers/live-stack.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundCounters, pairIsInNamespace, selectedPair, waitUntil } from '../helpers/media-pages.js';
import type { Topology } from '../helpers/netns.js';
import type { RunningRelay } from '../helpers/processes.js';

/**
 * The whole live path with real parts: studio (browser shell, fake camera) in the client namespace,
 * relay + Janus + three viewers in the server namespace, media over the veth pair between them.
 */
let topology: Topology;
let relay: RunningRelay;
let viewerBrowser: Browser;
let host: Page;
const viewers: Page[] = [];
let watchUrl = '';

const WATCH_PC = 'window.__lcWatch && window.__lcWatch.pc()';
const STUDIO_PC = 'window.__lcStudio && window.__lcStudio.pc()';
const studioState = () => host.getAttribute('[data-testid="live-state"]', 'data-state');
const watchState = (p: Page) => p.getAttribute('[data-testid="watch-state"]', 'data-state');

/** Frames decoded so far by the viewer's current peer connection; waits for them to grow. */
async function expectDecoding(p: Page): Promise<void> {
  const first = await waitUntil('video frames and audio at the viewer', async () => {
    const c = await inboundCounters(p, WATCH_PC);
    return c.framesDecoded > 0 && c.audioBytes > 0 ? c : null;
  }, 60_000);
  await waitUntil('more frames decoded', async () => (await inboundCounters(p, WATCH_PC)).framesDecoded > first.framesDecoded + 10, 30_000);
}

let stack: LiveStack;

beforeAll(async () => {
  ({ topology, relay, viewerBrowser, host } = stack = await startLiveStack());
});

afterAll(async () => {
  await stack?.close();
});

describe('go live from the studio and watch through the link', () => {
  it('creates a show and shows a starts-soon page before going live', async () => {
    await host.getByTestId('show-title-input').fill('봄 신상 라이브 <b>특가</b>');
    await host.getByTestId('create-show-button').click();
    await host.getByTestId('show-item').filter({ hasText: '봄 신상 라이브' }).first().click();
    await expect.poll(() => host.getByTestId('watch-link').textContent(), { timeout: 15_000 }).toMatch(/\/w\//);
    watchUrl = (await host.getByTestId('watch-link').textContent())!.trim();
    expect(await host.getByTestId('qr-code').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);

    const early = await viewerBrowser.newPage();
    await early.goto(watchUrl);
    await expect.poll(() => watchState(early), { timeout: 15_000 }).toBe('scheduled');
    // The title is shown as text, never as markup.
    expect(await early.locator('body').innerText()).toContain('봄 신상 라이브 <b>특가</b>');
    viewers.push(early);
  });

  it('goes live; three viewers decode video and audio over the namespace addresses; the studio counts them', async () => {
    await expect.poll(async () => (await host.getByTestId('preview-video').evaluate((v: HTMLVideoElement) => v.videoWidth)) > 0, { timeout: 20_000 }).toBe(true);
    await host.getByTestId('go-live-button').click();
    await expect.poll(studioState, { timeout: 45_000 }).toBe('live');
    const studioPair = await selectedPair(host, STUDIO_PC);
    expect(pairIsInNamespace(studioPair), JSON.stringify(studioPair)).toBe(true);

    for (let i = viewers.length; i < 3; i++) {
      const p = await viewerBrowser.newPage();
      await p.goto(watchUrl);
      viewers.push(p);
    }
    for (const p of viewers) {
      await expect.poll(() => watchState(p), { timeout: 30_000 }).toBe('live');
      await expectDecoding(p);
      const pair = await selectedPair(p, WATCH_PC);
      expect(pairIsInNamespace(pair), JSON.stringify(pair)).toBe(true);
    }
    await expect.poll(async () => (await host.getByTestId('viewer-count').textContent())?.match(/\d+/)?.[0], { timeout: 15_000 }).toBe('3');
    // Stream health is measured, not decorative.
    await expect.poll(async () => Number((await host.getByTestId('health-fps').textContent())?.match(/[\d.]+/)?.[0] ?? 0), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(async () => Number((await host.getByTestId('health-bitrate').textContent())?.replace(/[^\d.]/g, '') || 0), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('a viewer who reloads mid-show gets back in', async () => {
    const p = viewers[1]!;
    await p.reload();
    await expect.poll(() => watchState(p), { timeout: 30_000 }).toBe('live');
    await expectDecoding(p);
    await expect.poll(async () => (await host.getByTestId('viewer-count').textContent())?.match(/\d+/)?.[0], { timeout: 15_000 }).toBe('3');
  });

  it("when the studio's network drops, it shows reconnecting and resumes by itself; viewers resume too", async () => {
    const epochBefore = await viewers[0]!.evaluate(() => (window as unknown as { __lcWatch: { epoch(): number | null } }).__lcWatch.epoch());
    topology.setClientLink(false);
    try {
      await expect.poll(studioState, { timeout: 45_000 }).toBe('reconnecting');
    } finally {
      topology.setClientLink(true);
    }
    await expect.poll(studioState, { timeout: 60_000 }).toBe('live');
    for (const p of viewers) {
      await expect.poll(() => watchState(p), { timeout: 30_000 }).toBe('live');
      await expect
        .poll(() => p.evaluate(() => (window as unknown as { __lcWatch: { epoch(): number | null } }).__lcWatch.epoch()), { timeout: 30_000 })
        .not.toBe(epochBefore);
      await expectDecoding(p);
    }
  });

  it('when the relay restarts mid-show, the studio republishes and viewers come back by themselves', async () => {
    await relay.restart();
    await expect.poll(studioState, { timeout: 60_000 }).toBe('live');
    for (const p of viewers) {
      await expect.poll(() => watchState(p), { timeout: 60_000 }).toBe('live');
      await expectDecoding(p);
    }
    await expect.poll(async () => (await host.getByTestId('viewer-count').textContent())?.match(/\d+/)?.[0], { timeout: 20_000 }).toBe('3');
  });

  it('End show ends it for everyone', async () => {
    await host.getByTestId('end-show-button').click();
    await host.getByTestId('confirm-end-button').click();
    await expect.poll(studioState, { timeout: 20_000 }).toBe('ended');
    for (const p of viewers) await expect.poll(() => watchState(p), { timeout: 20_000 }).toBe('ended');
  });
});
