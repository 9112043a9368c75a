import { startLiveStack, type LiveStack } from '../helpers/live-stack.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../common/stage.js';
import { inboundCounters, waitUntil } from '../helpers/media-pages.js';
import { studioIpc } from '../helpers/studio-ipc.js';

/**
 * Cues end to end: the host rehearses, then goes live and fires a product card and a coupon with
 * the keyboard; viewers (and a late joiner) show them; clearing the cards removes them everywhere.
 */
let viewerBrowser: Browser;
let host: Page;
let showId = '';
let productId = '';
const viewers: Page[] = [];

const state = () => host.getAttribute('[data-testid="live-state"]', 'data-state');
const cards = (p: Page) => p.locator('[data-testid="product-card"]');

async function openViewer(url: string): Promise<Page> {
  const p = await viewerBrowser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  await p.goto(url);
  return p;
}

async function decoding(p: Page): Promise<void> {
  await waitUntil('video at the viewer', async () => (await inboundCounters(p, 'window.__lcWatch && window.__lcWatch.pc()')).framesDecoded > 10, 60_000);
}

async function openShow(id: string): Promise<void> {
  await host.getByTestId('nav-shows').click();
  await host.locator(`[data-testid="show-item"][data-show-id="${id}"]`).click();
}

let stack: LiveStack;

beforeAll(async () => {
  ({ viewerBrowser, host } = stack = await startLiveStack());
  await host.getByTestId('show-title-input').fill('린넨 특가 라이브');
  await host.getByTestId('create-show-button').click();
  const item = host.getByTestId('show-item').filter({ hasText: '린넨 특가 라이브' }).first();
  showId = (await item.getAttribute('data-show-id'))!;

  const product = await studioIpc<{ id: string }>(host, 'products.save', { input: { name: '린넨 셔츠', price: 39000, salePrice: 29000, stock: 12 } });
  productId = product.id;
  const coupon = await studioIpc<{ id: string }>(host, 'coupons.save', { input: { code: 'LIVE10', kind: 'percent', amount: 10, totalQuota: 100 } });
  await studioIpc(host, 'rundowns.save', {
    name: '린넨 특가',
    showId,
    segments: [
      {
        id: 's1',
        title: '린넨 셔츠 소개',
        plannedSec: 300,
        talkingPoints: '통기성 좋은 100% 린넨\n오늘만 29,000원',
        featuredProductIds: [productId],
        cues: [
          { id: 'c1', label: '셔츠 카드', action: { kind: 'showProducts', productIds: [productId] }, trigger: { type: 'manual' } },
          { id: 'c2', label: '쿠폰', action: { kind: 'dropCoupon', couponId: coupon.id, durationSec: 600 }, trigger: { type: 'manual' } },
        ],
      },
    ],
  });
});

afterAll(async () => {
  await stack?.close();
});

describe('cues from the run-down, fired with the keyboard', () => {
  it('a rehearsal runs on its own private link and touches nothing of the real show', async () => {
    await openShow(showId);
    await host.getByTestId('rehearse-button').click();
    await expect.poll(() => host.getByTestId('rehearsal-badge').first().isVisible(), { timeout: 15_000 }).toBe(true);
    const rehearsalUrl = (await host.getByTestId('watch-link').textContent())!.trim();
    await host.getByTestId('go-live-button').click();
    await expect.poll(state, { timeout: 45_000 }).toBe('live');
    const rehearsalViewer = await openViewer(rehearsalUrl);
    await decoding(rehearsalViewer);
    expect(await rehearsalViewer.getByTestId('rehearsal-badge').isVisible()).toBe(true);
    await host.getByTestId('live-host-view').waitFor();
    await host.keyboard.press('Space');
    await expect.poll(() => cards(rehearsalViewer).count(), { timeout: 15_000 }).toBe(1);
    const real = await studioIpc<Stage>(host, 'stage.get', { showId });
    expect(real).toMatchObject({ version: 0, pinned: [] });
    await host.getByTestId('end-show-button').click();
    await host.getByTestId('confirm-end-button').click();
    await expect.poll(state, { timeout: 20_000 }).toBe('ended');
    await rehearsalViewer.close();
  });

  it('goes live; Space fires the product card, then the coupon; two viewers show them', async () => {
    await openShow(showId);
    const url = (await host.getByTestId('watch-link').textContent())!.trim();
    await host.getByTestId('go-live-button').click();
    await expect.poll(state, { timeout: 45_000 }).toBe('live');
    viewers.push(await openViewer(url), await openViewer(url));
    for (const v of viewers) await decoding(v);
    await expect.poll(() => host.getByTestId('talking-points').textContent()).toContain('통기성 좋은 100% 린넨');
    await host.keyboard.press('Space');
    for (const v of viewers) {
      await expect.poll(() => cards(v).count(), { timeout: 15_000 }).toBe(1);
      expect(await cards(v).first().getAttribute('data-product-id')).toBe(productId);
      expect(await cards(v).first().innerText()).toContain('린넨 셔츠');
    }
    await host.keyboard.press('Space');
    for (const v of viewers) {
      await expect.poll(() => v.getByTestId('coupon-drop').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await v.getByTestId('coupon-drop').innerText()).toContain('LIVE10');
    }
  });

  it('a viewer who joins afterwards sees exactly what is on screen', async () => {
    const url = await viewers[0]!.evaluate(() => location.href);
    const late = await openViewer(url);
    viewers.push(late);
    await expect.poll(() => cards(late).count(), { timeout: 15_000 }).toBe(1);
    expect(await late.getByTestId('coupon-drop').isVisible()).toBe(true);
    expect(await late.getByTestId('coupon-countdown').innerText()).toMatch(/\d+:\d\d/);
  });

  it('C clears the cards everywhere; the coupon stays', async () => {
    await host.keyboard.press('KeyC');
    for (const v of viewers) {
      await expect.poll(() => cards(v).count(), { timeout: 15_000 }).toBe(0);
      expect(await v.getByTestId('coupon-drop').isVisible()).toBe(true);
    }
    expect(await studioIpc<Stage>(host, 'stage.get', { showId })).toMatchObject({ pinned: [], coupon: { code: 'LIVE10' } });
  });
});
