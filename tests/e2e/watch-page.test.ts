import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { CATALOG, relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/**
 * The watch page as it ships, in Chromium, without media (a relay on loopback): its socket still
 * connects under the CSP, while a fetch or WebSocket to any other origin is blocked; it exposes no
 * diagnostics global; the checkout asks before remembering the buyer's details.
 */
let relay: RunningRelay;
let shipped: Browser;
let forTests: Browser;
let other: Server;
let otherHits = 0;
let watchUrl = '';
const api = relayApi(() => relay);
const SHOTS = process.env.LC_SCREENSHOTS; // a folder to save screenshots in, when set

beforeAll(async () => {
  relay = await startRelay();
  const { show, token } = await api.liveShow('봄 린넨 라이브', CATALOG);
  await api.fire(show.id, { op: 'pin', cards: [{ productId: 'p1', name: '린넨 셔츠', imageUrls: [], currency: 'KRW', price: 30000, salePrice: null, stock: 50, externalUrl: null }] });
  watchUrl = `${relay.url}/w/${token}`;
  // Another origin on this machine (another port) that the page must not reach.
  other = createServer((_req, res) => {
    otherHits++;
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end('reached');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  shipped = await launchChromium({ build: 'production' });
  forTests = await launchChromium();
});
afterAll(async () => {
  await shipped?.close();
  await forTests?.close();
  if (other) await new Promise((resolve) => other.close(resolve));
  await relay?.stop();
});

/** A phone-sized page that records the frames its sockets receive. */
async function openPhone(browser: Browser): Promise<{ page: Page; frames: string[] }> {
  const page = await browser.newPage({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(`${ws.url()} ${String(f.payload)}`)));
  await page.goto(watchUrl);
  return { page, frames };
}

describe('watch page CSP', () => {
  it('connects its own WebSocket to the relay and is refused any other origin', async () => {
    const { page, frames } = await openPhone(shipped);
    await expect.poll(() => frames.some((f) => f.includes('/ws/watch') && f.includes('"welcome"')), { timeout: 15_000 }).toBe(true);
    const port = (other.address() as AddressInfo).port;
    const outcome = await page.evaluate(async (origin) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const fetched = await fetch(`http://${origin}/x`).then(
        () => 'reached',
        () => 'blocked',
      );
      const socket = await new Promise<string>((resolve) => {
        try {
          const ws = new WebSocket(`ws://${origin}/`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('blocked');
        } catch {
          resolve('blocked');
        }
      });
      await new Promise((r) => setTimeout(r, 200)); // violation events are queued as tasks
      return { fetched, socket, violations };
    }, `127.0.0.1:${port}`);
    expect(outcome.fetched).toBe('blocked');
    expect(outcome.socket).toBe('blocked');
    expect(outcome.violations.filter((v) => v.startsWith('connect-src')).length).toBeGreaterThanOrEqual(2);
    expect(otherHits).toBe(0);
    await page.close();
  });
});

describe('diagnostics global', () => {
  it('is absent from the page as it ships, present in the build for tests', async () => {
    const { page } = await openPhone(shipped);
    await page.getByTestId('product-card').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => Object.keys(window).filter((k) => k.startsWith('__lc')))).toEqual([]);
    await page.close();
    const { page: tested } = await openPhone(forTests);
    await expect.poll(() => tested.evaluate(() => typeof (window as unknown as { __lcWatch?: unknown }).__lcWatch), { timeout: 15_000 }).toBe('object');
    await tested.close();
  });
});

describe('remembering the buyer', () => {
  it('is off until the buyer ticks "이 기기에 저장"', async () => {
    const { page } = await openPhone(shipped);
    await page.getByTestId('buy-button').first().click();
    const box = page.getByTestId('checkout-remember');
    await box.waitFor({ timeout: 15_000 });
    expect(await box.isChecked()).toBe(false);
    await page.getByTestId('checkout-name').fill('김민지');
    await page.getByTestId('checkout-phone').fill('010-1234-5678');
    await box.scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/watch-remember-off.png` });
    await box.check();
    await box.uncheck();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lc.buyer') || k === 'lc.rememberBuyer'))).toEqual([]);
    await page.close();
  });
});
