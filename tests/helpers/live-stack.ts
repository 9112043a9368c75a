import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { createTopology, type Topology } from './netns.js';
import { startRelay, startStudio, type RunningRelay, type RunningStudio } from './processes.js';

/**
 * The end-to-end media stack: relay + Janus and viewer browsers in the server namespace; the studio
 * (browser shell, fake camera) and its Chromium in the client namespace. The relay is "on a server",
 * so the host page is opened and connected with the studio key once, as a seller would.
 */
export interface LiveStack {
  topology: Topology;
  relay: RunningRelay;
  studio: RunningStudio;
  viewerBrowser: Browser;
  host: Page;
  close(): Promise<void>;
}

export async function startLiveStack(): Promise<LiveStack> {
  const topology = createTopology();
  const stops: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    topology.destroy();
  };
  try {
    const relay = await startRelay({ topology });
    stops.push(() => relay.stop());
    const studio = await startStudio({ topology, relayUrl: relay.url });
    stops.push(() => studio.stop());
    const studioBrowser = await launchChromium({ executablePath: topology.chromium('client') });
    stops.push(() => studioBrowser.close());
    const viewerBrowser = await launchChromium({ executablePath: topology.chromium('server') });
    stops.push(() => viewerBrowser.close());
    const host = await (await studioBrowser.newContext({ locale: 'ko-KR', viewport: { width: 1440, height: 900 } })).newPage();
    await host.goto(studio.url);
    await host.getByTestId('studio-key-input').fill(relay.studioKey);
    await host.getByTestId('connect-button').click();
    await host.getByTestId('show-title-input').waitFor();
    return { topology, relay, studio, viewerBrowser, host, close };
  } catch (e) {
    await close();
    throw e;
  }
}
