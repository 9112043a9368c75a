import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { startRelay, startStudio, type RunningRelay, type RunningStudio } from './processes.js';

export interface StudioPage {
  relay: RunningRelay;
  studio: RunningStudio;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** A real relay, the studio shell given its key, and the studio open in Chromium: the loopback studio e2e tests' set-up. */
export async function openStudioPage(opts: { locale: string; viewport?: { width: number; height: number } }): Promise<StudioPage> {
  const relay = await startRelay();
  const studio = await startStudio({ relayUrl: relay.url, keyHandoff: `${relay.dataDir}/studio-key` });
  const browser = await launchChromium();
  const page = await browser.newPage({ locale: opts.locale, viewport: opts.viewport ?? { width: 1440, height: 900 } });
  await page.goto(studio.url);
  return {
    relay,
    studio,
    browser,
    page,
    async close() {
      await browser.close();
      await studio.stop();
      await relay.stop();
    },
  };
}
