import type { Page } from 'playwright-core';
import type { Show, WatchLink } from '../../common/show.js';
import { launchChromium, newPageForEvaluate } from './browser.js';
import { inboundCounters, pairIsInNamespace, selectedPair, waitUntil, type SelectedPair } from './media-pages.js';
import { createTopology, type Topology } from './netns.js';
import { startRelay, type RunningRelay } from './processes.js';
import { relayCall } from './relay-api.js';

export const WATCH_PC = 'window.__lcWatch && window.__lcWatch.pc()';

/** For page.addInitScript before the watch page loads: hides the frame-transform APIs the path measured must not use (server/watch/src/frame-clock.ts). */
export const forceViewerPath = (path: 'none' | 'encoded-streams' | 'script-transform') => {
  const w = window as unknown as { RTCRtpScriptTransform?: unknown };
  if (path !== 'encoded-streams') delete (RTCRtpReceiver.prototype as unknown as { createEncodedStreams?: unknown }).createEncodedStreams;
  if (path !== 'script-transform') w.RTCRtpScriptTransform = undefined;
};

export interface MediaBench {
  topology: Topology;
  relay: RunningRelay;
  /** A page on the relay's origin in the client namespace (the publisher side). */
  pub: Page;
  show: Show;
  link: WatchLink;
  /** Opens the watch link (or another show's, `url`) in the server namespace, waits for video, checks the ICE pair. */
  openViewer(prepare?: (page: Page) => Promise<unknown>, url?: string): Promise<{ viewer: Page; pair: SelectedPair }>;
  /** A blank page in the server namespace's browser (a replay viewer: no live video to wait for). */
  newViewerPage(): Promise<Page>;
  close(): Promise<void>;
}

/** The stack every media benchmark needs: namespaces, relay + Janus, a publisher page and a viewer browser, a live show and its link. */
export async function startMediaBench(title: string, relayOptions: { wrap?: string[] } = {}): Promise<MediaBench> {
  const topology = createTopology();
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    topology.destroy();
  };
  try {
    const relay = await startRelay({ topology, ...relayOptions });
    cleanups.push(() => relay.stop());
    const pubBrowser = await launchChromium({ executablePath: topology.chromium('client') });
    cleanups.push(() => pubBrowser.close());
    const viewBrowser = await launchChromium({ executablePath: topology.chromium('server') });
    cleanups.push(() => viewBrowser.close());
    const pub = await newPageForEvaluate(pubBrowser);
    await pub.goto(`${relay.url}/api/health`);
    const show = (await relayCall<Show>(pub, relay.studioKey, 'POST', '/api/shows', { title })).body;
    const link = (await relayCall<WatchLink>(pub, relay.studioKey, 'POST', `/api/shows/${show.id}/links`, {})).body;
    return {
      topology,
      relay,
      pub,
      show,
      link,
      async openViewer(prepare, url = link.url) {
        const viewer = await newPageForEvaluate(viewBrowser);
        await prepare?.(viewer);
        await viewer.goto(url);
        await waitUntil('the viewer to decode video', async () => (await inboundCounters(viewer, WATCH_PC)).framesDecoded > 30, 45_000);
        const pair = await selectedPair(viewer, WATCH_PC);
        if (!pairIsInNamespace(pair)) throw new Error(`selected ICE pair is not on the namespace's addresses: ${JSON.stringify(pair)}`);
        return { viewer, pair: pair! };
      },
      newViewerPage: () => newPageForEvaluate(viewBrowser),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
