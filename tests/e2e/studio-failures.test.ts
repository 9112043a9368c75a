import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { freePort, startRelay, startStudio, type RunningRelay, type RunningStudio } from '../helpers/processes.js';

/** What the seller sees when something is wrong. No media flows here, so everything stays on loopback. */
let browser: Browser;
let denied: Browser;
const running: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  denied = await launchChromium({ denyMedia: true });
});
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});
afterAll(async () => {
  await browser?.close();
  await denied?.close();
});

async function stack(opts: { janusDown?: boolean; handoff?: boolean } = {}): Promise<{ relay: RunningRelay; studio: RunningStudio }> {
  const relay = await startRelay(opts.janusDown ? { env: { RELAY_JANUS_URL: `ws://127.0.0.1:${await freePort()}/` } } : {});
  running.push(relay);
  const studio = await startStudio({ relayUrl: relay.url, keyHandoff: opts.handoff === false ? undefined : `${relay.dataDir}/studio-key` });
  running.push(studio);
  return { relay, studio };
}

describe('studio failure paths', () => {
  it('a wrong studio key gets a clear message; the right one connects', async () => {
    const { relay, studio } = await stack({ handoff: false });
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(studio.url);
    await page.getByTestId('studio-key-input').fill('sk_definitely_not_the_right_key');
    await page.getByTestId('connect-button').click();
    await expect.poll(() => page.getByTestId('connect-error').textContent(), { timeout: 15_000 }).toMatch(/studio key/i);
    await page.getByTestId('studio-key-input').fill(relay.studioKey);
    await page.getByTestId('connect-button').click();
    await expect.poll(() => page.getByTestId('show-title-input').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('a denied camera and microphone are explained and other sources are offered', async () => {
    const { studio } = await stack();
    const page = await denied.newPage({ locale: 'en-US' });
    await page.goto(studio.url);
    await page.getByTestId('show-title-input').fill('no camera');
    await page.getByTestId('create-show-button').click();
    await page.getByTestId('show-item').filter({ hasText: 'no camera' }).first().click();
    await expect.poll(() => page.getByTestId('source-error').textContent(), { timeout: 20_000 }).toMatch(/camera|microphone|denied|blocked/i);
    expect(await page.getByTestId('source-screen-button').isVisible()).toBe(true);
    await page.close();
  });

  it('when Janus is not reachable the studio says so and what to do', async () => {
    const { studio } = await stack({ janusDown: true });
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(studio.url);
    await page.getByTestId('show-title-input').fill('janus down');
    await page.getByTestId('create-show-button').click();
    await page.getByTestId('show-item').filter({ hasText: 'janus down' }).first().click();
    await expect.poll(async () => (await page.getByTestId('preview-video').evaluate((v: HTMLVideoElement) => v.videoWidth)) > 0, { timeout: 20_000 }).toBe(true);
    await page.getByTestId('go-live-button').click();
    await expect.poll(() => page.getByTestId('media-error').first().textContent(), { timeout: 30_000 }).toMatch(/Janus|media server/i);
    await page.close();
  });
});
