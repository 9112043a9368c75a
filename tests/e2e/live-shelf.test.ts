import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../common/stage.js';
import { startLiveStack, type LiveStack } from '../helpers/live-stack.js';
import { inboundCounters, waitUntil } from '../helpers/media-pages.js';
import { studioIpc } from '../helpers/studio-ipc.js';

/**
 * Improvising with the live shelf, in Chromium: a show with NO run-down goes live; the host types
 * a colour into the shelf and presses Enter, and the product card reaches the viewer; a coupon is
 * one click away; C hides the cards again (docs/live-selling.md).
 */
let stack: LiveStack;
let viewerBrowser: Browser;
let host: Page;
let viewer: Page;
let showId = '';
let coatId = '';

const state = () => host.getAttribute('[data-testid="live-state"]', 'data-state');
const cards = (p: Page) => p.locator('[data-testid="product-card"]');

beforeAll(async () => {
  ({ viewerBrowser, host } = stack = await startLiveStack());
  await host.getByTestId('show-title-input').fill('즉흥 라이브');
  await host.getByTestId('create-show-button').click();
  const item = host.getByTestId('show-item').filter({ hasText: '즉흥 라이브' }).first();
  showId = (await item.getAttribute('data-show-id'))!;
  await studioIpc(host, 'products.save', { input: { name: '린넨 셔츠', price: 39000, salePrice: 29000, stock: 12 } });
  const coat = await studioIpc<{ id: string }>(host, 'products.save', {
    input: { name: '울 코트', price: 129000, salePrice: null, stock: 5, options: [{ id: 'navy-m', name: '네이비 M', stock: 3 }, { id: 'black-l', name: '블랙 L', stock: 2 }] },
  });
  coatId = coat.id;
  await studioIpc(host, 'coupons.save', { input: { code: 'NAVY5', kind: 'fixed', amount: 5000, totalQuota: 50 } });
});

afterAll(async () => {
  await stack?.close();
});

describe('the live shelf, with no run-down', () => {
  it('goes live on a show without a run-down; the shelf lists the catalog', async () => {
    await host.getByTestId('nav-shows').click();
    await host.locator(`[data-testid="show-item"][data-show-id="${showId}"]`).click();
    await host.getByTestId('live-shelf').waitFor();
    expect(await host.getByTestId('live-host-view').count()).toBe(0); // no run-down: no host view
    const url = (await host.getByTestId('watch-link').textContent())!.trim();
    await host.getByTestId('go-live-button').click();
    await expect.poll(state, { timeout: 45_000 }).toBe('live');
    viewer = await viewerBrowser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    await viewer.goto(url);
    await waitUntil('video at the viewer', async () => (await inboundCounters(viewer, 'window.__lcWatch && window.__lcWatch.pc()')).framesDecoded > 10, 60_000);
    expect(await host.getByTestId('shelf-item').count()).toBe(3);
  });

  it('typing "네이비" and Enter shows the coat to the viewer, fired through the cue path', async () => {
    // "/" focuses the search from anywhere in the room.
    await host.locator('body').click({ position: { x: 5, y: 5 } });
    await host.keyboard.press('/');
    await expect.poll(() => host.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('shelf-search');
    await host.keyboard.type('네이비');
    await expect.poll(() => host.getByTestId('shelf-item').count()).toBe(1); // the coat, by its option 네이비 M
    expect(await host.getByTestId('shelf-item').first().getAttribute('data-key')).toBe(`product:${coatId}`);
    await host.keyboard.press('Enter');
    await expect.poll(() => cards(viewer).count(), { timeout: 15_000 }).toBe(1);
    expect(await cards(viewer).first().getAttribute('data-product-id')).toBe(coatId);
    expect(await cards(viewer).first().innerText()).toContain('울 코트');
    // Frame accuracy is the run-down's: the relay holds a cue stamped with the keypress's capture time.
    const stage = await studioIpc<Stage>(host, 'stage.get', { showId });
    expect(stage.pinned.map((c) => c.productId)).toEqual([coatId]);
  });

  it('recently used comes first; a coupon is one click away; C hides the cards', async () => {
    await host.getByTestId('shelf-search').fill('');
    await expect.poll(() => host.getByTestId('shelf-item').first().getAttribute('data-key')).toBe(`product:${coatId}`);
    await host.getByTestId('shelf-item').filter({ hasText: 'NAVY5' }).getByTestId('shelf-fire').click();
    await expect.poll(() => viewer.getByTestId('coupon-drop').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await viewer.getByTestId('coupon-drop').innerText()).toContain('NAVY5');
    await host.screenshot({ path: '/tmp/shelf-host.png' });
    await viewer.screenshot({ path: '/tmp/shelf-viewer.png' });
    await host.locator('body').click({ position: { x: 5, y: 5 } });
    await host.keyboard.press('KeyC');
    await expect.poll(() => cards(viewer).count(), { timeout: 15_000 }).toBe(0);
    expect(await viewer.getByTestId('coupon-drop').isVisible()).toBe(true);
  });
});
