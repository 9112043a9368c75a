import { chromium, type Browser } from 'playwright-core';
import { withDiagnosticsBuild } from './diagnostics-build.js';

/** Debian's Chromium with the flags that work on these machines; never a downloaded browser. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  '--autoplay-policy=no-user-gesture-required',
  // Show real host addresses in getStats (not mDNS names), so tests can check which addresses ICE chose.
  '--disable-features=WebRtcHideLocalIpsWithMdns',
];

/**
 * `build`: which scripts the pages run. `diagnostics` (default): the build for tests, with
 * window.__lcWatch / window.__lcStudio (see ./diagnostics-build.ts). `production`: exactly what ships.
 */
export async function launchChromium(opts: { executablePath?: string; args?: string[]; denyMedia?: boolean; build?: 'diagnostics' | 'production' } = {}): Promise<Browser> {
  const args = opts.denyMedia ? CHROMIUM_ARGS.filter((a) => a !== '--use-fake-ui-for-media-stream').concat('--deny-permission-prompts') : CHROMIUM_ARGS;
  const browser = await chromium.launch({ executablePath: opts.executablePath ?? '/usr/bin/chromium', args: [...args, ...(opts.args ?? [])], headless: true });
  return opts.build === 'production' ? browser : withDiagnosticsBuild(browser);
}

/**
 * tsx (esbuild keepNames) wraps named functions in `__name(…)`; functions shipped to the page with
 * page.evaluate then need that helper to exist there too.
 */
export async function newPageForEvaluate(browser: Browser): Promise<import('playwright-core').Page> {
  const page = await browser.newPage();
  await page.addInitScript('window.__name = (f) => f');
  return page;
}
