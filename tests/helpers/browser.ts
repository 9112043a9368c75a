import { chromium, type Browser } from 'playwright-core';

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
];

export async function launchChromium(opts: { executablePath?: string; args?: string[]; denyMedia?: boolean } = {}): Promise<Browser> {
  const args = opts.denyMedia ? CHROMIUM_ARGS.filter((a) => a !== '--use-fake-ui-for-media-stream').concat('--deny-permission-prompts') : CHROMIUM_ARGS;
  return chromium.launch({ executablePath: opts.executablePath ?? '/usr/bin/chromium', args: [...args, ...(opts.args ?? [])], headless: true });
}
