import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveStack, type LiveStack } from '../helpers/live-stack.js';
import { inboundCounters, waitUntil } from '../helpers/media-pages.js';
import { studioIpc } from '../helpers/studio-ipc.js';

/**
 * Live selling from the host view, in Chromium against the real relay (docs/live-selling.md): a
 * viewer asks for 재입고 알림 on a sold-out option, the host sees the demand and restocks with +10,
 * the viewer's card is back in stock and that viewer is told; a 라이브 특가 shows its countdown.
 */
let stack: LiveStack;
let viewerBrowser: Browser;
let host: Page;
let viewer: Page;
let showId = '';
let coatId = '';

const card = () => viewer.locator('[data-testid="product-card"]').first();
const blackLine = () => host.locator(`[data-testid="live-stock-product"][data-product-id="${coatId}"] [data-testid="live-stock-line"][data-option="블랙 L"]`);

beforeAll(async () => {
  ({ viewerBrowser, host } = stack = await startLiveStack());
  await host.getByTestId('show-title-input').fill('특가 라이브');
  await host.getByTestId('create-show-button').click();
  showId = (await host.getByTestId('show-item').filter({ hasText: '특가 라이브' }).first().getAttribute('data-show-id'))!;
  const coat = await studioIpc<{ id: string }>(host, 'products.save', {
    input: { name: '울 코트', price: 129000, salePrice: null, stock: 3, options: [{ id: 'navy-m', name: '네이비 M', stock: 3 }, { id: 'black-l', name: '블랙 L', stock: 0 }] },
  });
  coatId = coat.id;
});

afterAll(async () => {
  await stack?.close();
});

describe('studio live controls and the watch page', () => {
  it('goes live and shows the coat to a viewer', async () => {
    await host.getByTestId('nav-shows').click();
    await host.locator(`[data-testid="show-item"][data-show-id="${showId}"]`).click();
    await host.getByTestId('live-shelf').waitFor();
    const url = (await host.getByTestId('watch-link').textContent())!.trim();
    await host.getByTestId('go-live-button').click();
    await expect.poll(() => host.getAttribute('[data-testid="live-state"]', 'data-state'), { timeout: 45_000 }).toBe('live');
    viewer = await viewerBrowser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    await viewer.goto(url);
    await waitUntil('video at the viewer', async () => (await inboundCounters(viewer, 'window.__lcWatch && window.__lcWatch.pc()')).framesDecoded > 10, 60_000);
    await host.getByTestId('shelf-item').filter({ hasText: '울 코트' }).getByTestId('shelf-fire').click();
    await expect.poll(() => viewer.locator('[data-testid="product-card"]').count(), { timeout: 15_000 }).toBe(1);
    await host.getByTestId('live-stock').waitFor();
    await expect.poll(() => blackLine().getAttribute('data-stock')).toBe('0');
  });

  it('the viewer asks for 재입고 알림 ; the host sees who waits', async () => {
    const ask = card().locator('[data-testid="restock-button"][data-option-id="black-l"]');
    await ask.click();
    await expect.poll(() => card().getByTestId('restock-asked').innerText()).toBe('재입고되면 알려드릴게요');
    await expect.poll(() => blackLine().getByTestId('live-stock-waiting').innerText(), { timeout: 15_000 }).toBe('1명 재입고 알림 대기');
    await viewer.screenshot({ path: '/tmp/specials-viewer-asked.png' });
  });

  it('+10 restocks the option: the card is back in stock and the viewer who asked is told', async () => {
    await blackLine().getByTestId('live-stock-plus10').click();
    await expect.poll(() => host.getByTestId('live-stock-note').innerText()).toContain('1명에게 알림');
    await expect.poll(() => blackLine().getAttribute('data-stock')).toBe('10');
    await expect.poll(() => viewer.getByTestId('restock-notice').innerText(), { timeout: 15_000 }).toContain('재입고되었어요');
    await expect.poll(() => card().getAttribute('data-stock'), { timeout: 15_000 }).toBe('13');
    expect(await card().locator('[data-testid="restock-button"]').count()).toBe(0);
  });

  it('a typed figure applies as a guarded delta', async () => {
    await blackLine().getByTestId('live-stock-set').fill('7');
    await blackLine().getByTestId('live-stock-apply').click();
    await expect.poll(() => blackLine().getAttribute('data-stock')).toBe('7');
  });

  it('a 라이브 특가 shows the special price, the struck regular price and a mm:ss countdown; ending it restores the price', async () => {
    const product = host.locator(`[data-testid="live-stock-product"][data-product-id="${coatId}"]`);
    await product.getByTestId('live-special-price').fill('99000');
    await product.getByTestId('live-special-minutes').fill('3');
    await product.getByTestId('live-special-start').click();
    await expect.poll(() => product.getByTestId('live-special-running').innerText()).toMatch(/0[23]:\d\d/);
    await expect.poll(() => card().getByTestId('live-special').innerText(), { timeout: 15_000 }).toMatch(/라이브 특가 0[23]:\d\d 후 종료/);
    expect(await card().locator('.product-now').innerText()).toContain('99,000');
    expect(await card().locator('.product-was').innerText()).toContain('129,000');
    await viewer.screenshot({ path: '/tmp/specials-viewer-special.png' });
    await host.getByTestId('live-stock').screenshot({ path: '/tmp/specials-host.png' });
    await product.getByTestId('live-special-end').click();
    await expect.poll(() => card().getByTestId('live-special').count(), { timeout: 15_000 }).toBe(0);
    expect(await card().locator('.product-now').innerText()).toContain('129,000');
  });
});
