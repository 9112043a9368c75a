import type { Browser, Page } from 'playwright-core';
import type { IngestKey } from '../../common/protocol/ingest.js';
import type { Show, WatchLink } from '../../common/show.js';
import { launchChromium } from './browser.js';
import { createTopology, type Topology } from './netns.js';
import { startRelay, type RunningRelay } from './processes.js';
import { relayCall } from './relay-api.js';

/**
 * The OBS-ingest tests' stack: relay + Janus and a Chromium in the server namespace (viewers and
 * an API page on the relay's origin); the RTMP encoder or OBS goes in the client namespace.
 */
export interface IngestStack {
  topology: Topology;
  relay: RunningRelay;
  browser: Browser;
  /** A page on the relay's origin: the studio API is called from it (the runner cannot reach the namespace). */
  api: Page;
  call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A live show with its stream key and a watch link. */
  liveShow(title: string): Promise<{ show: Show; key: IngestKey; link: WatchLink }>;
  close(): Promise<void>;
}

export async function startIngestStack(): Promise<IngestStack> {
  const topology = createTopology();
  let relay: RunningRelay | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await relay?.stop().catch(() => undefined);
    topology.destroy();
  };
  try {
    relay = await startRelay({ topology });
    browser = await launchChromium({ executablePath: topology.chromium('server') });
    const api = await browser.newPage();
    await api.goto(`${relay.url}/api/health`);
    const key = relay.studioKey;
    const call = <T>(method: string, path: string, body?: unknown) => relayCall<T>(api, key, method, path, body);
    return {
      topology,
      relay,
      browser,
      api,
      call,
      async liveShow(title) {
        const show = (await call<Show>('POST', '/api/shows', { title })).body;
        await call('POST', `/api/shows/${show.id}/start`);
        const ingestKey = (await call<IngestKey>('POST', `/api/shows/${show.id}/ingest-key`)).body;
        const link = (await call<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
        return { show, key: ingestKey, link };
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
