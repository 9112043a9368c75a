import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestKey, IngestStatus } from '../../common/protocol/ingest.js';
import type { Show, WatchLink } from '../../common/show.js';
import { launchChromium } from '../helpers/browser.js';
import { expectVideoDecoding, pairIsInNamespace, selectedPair } from '../helpers/media-pages.js';
import { createTopology, type Topology } from '../helpers/netns.js';
import { startObsProcess, type ObsProcess } from '../helpers/obs-process.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { relayCall } from '../helpers/relay-api.js';

/** A real OBS 29 (Xvfb, client namespace) streams its program over RTMP to the relay; a viewer decodes it as H.264. */
let topology: Topology;
let relay: RunningRelay;
let browser: Browser;
let api: Page;
let obs: ObsProcess;

const WATCH_PC = 'window.__lcWatch && window.__lcWatch.pc()';

beforeAll(async () => {
  topology = createTopology();
  relay = await startRelay({ topology });
  browser = await launchChromium({ executablePath: topology.chromium('server') });
  api = await browser.newPage();
  await api.goto(`${relay.url}/api/health`);
  obs = await startObsProcess(topology);
}, 150_000);

afterAll(async () => {
  await obs?.stop();
  await browser?.close();
  await relay?.stop();
  topology?.destroy();
});

describe('real OBS → relay ingest → viewer', () => {
  it("OBS's program reaches the watch link as H.264; End show stops the ingest", async () => {
    const call = <T>(method: string, p: string, body?: unknown) => relayCall<T>(api, relay.studioKey, method, p, body);
    const show = (await call<Show>('POST', '/api/shows', { title: 'OBS 실제 송출' })).body;
    await call('POST', `/api/shows/${show.id}/start`);
    const key = (await call<IngestKey>('POST', `/api/shows/${show.id}/ingest-key`)).body;
    const link = (await call<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
    expect(await obs.startStream(key.rtmpServer, key.streamKey)).toBe(true);
    const status = async () => (await call<IngestStatus>('GET', `/api/shows/${show.id}/ingest`)).body;
    await expect.poll(async () => (await status()).state, { timeout: 60_000 }).toBe('receiving');
    expect((await status()).video).toEqual({ codec: 'h264', width: 1280, height: 720 });
    const viewer = await browser.newPage();
    await viewer.goto(link.url);
    await expectVideoDecoding(viewer, WATCH_PC);
    expect(pairIsInNamespace(await selectedPair(viewer, WATCH_PC))).toBe(true);
    await obs.stopStream();
    await call('POST', `/api/shows/${show.id}/end`);
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('idle');
  });
});
