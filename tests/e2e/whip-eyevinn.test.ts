import { createRequire } from 'node:module';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Show, WatchLink } from '../../common/show.js';
import { launchChromium, newPageForEvaluate } from '../helpers/browser.js';
import { WATCH_PC } from '../helpers/media-bench.js';
import { inboundCounters, pairIsInNamespace, selectedPair, waitUntil } from '../helpers/media-pages.js';
import { createTopology, type Topology } from '../helpers/netns.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { relayCall } from '../helpers/relay-api.js';

/**
 * A third-party WHIP client, the npm `@eyevinn/whip-web-client`, publishing to the relay from a
 * page on the relay's origin (client namespace); a viewer (server namespace) decodes the video.
 * The client decides whether to trickle from `Access-Control-Allow-Methods` of an OPTIONS on the
 * endpoint, which (correctly) names only POST and OPTIONS there: it publishes a full offer. The
 * second case makes that answer name PATCH, as some servers do, so the client trickles its
 * candidates by PATCH (with its own `ETag` request header, not If-Match) and the relay takes them.
 */
let topology: Topology;
let relay: RunningRelay;
const browsers: Browser[] = [];
let bundle = '';

interface PageLog {
  requests: { method: string; status: number }[];
  /** Candidate lines in each offer the client POSTed. */
  offerCandidates: number[];
  pc: RTCPeerConnection | null;
}

beforeAll(async () => {
  const entry = createRequire(import.meta.url).resolve('@eyevinn/whip-web-client');
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName: 'EyevinnWhip', platform: 'browser', write: false, logLevel: 'silent' });
  bundle = out.outputFiles[0]!.text;
  topology = createTopology();
  relay = await startRelay({ topology });
  browsers.push(await launchChromium({ executablePath: topology.chromium('client'), args: [`--unsafely-treat-insecure-origin-as-secure=${relay.url}`] }));
  browsers.push(await launchChromium({ executablePath: topology.chromium('server') }));
});
afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined);
  await relay?.stop();
  topology?.destroy();
});

/** Publishes with the Eyevinn client into a new show; returns the page and what it sent. */
async function publishWithEyevinn(advertisePatch: boolean): Promise<{ pub: Page; link: WatchLink }> {
  const pub = await newPageForEvaluate(browsers[0]!);
  await pub.goto(`${relay.url}/api/health`);
  const show = (await relayCall<Show>(pub, relay.studioKey, 'POST', '/api/shows', { title: 'eyevinn' })).body;
  const link = (await relayCall<WatchLink>(pub, relay.studioKey, 'POST', `/api/shows/${show.id}/links`, {})).body;
  await pub.addScriptTag({ content: bundle });
  await pub.evaluate(
    async ({ endpoint, key, advertisePatch }) => {
      const log: PageLog = { requests: [], offerCandidates: [], pc: null };
      (window as unknown as { __log: PageLog }).__log = log;
      const realFetch = window.fetch.bind(window);
      window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        if (method === 'POST') log.offerCandidates.push((String(init?.body ?? '').match(/^a=candidate:/gm) ?? []).length);
        const res = await realFetch(input, init);
        log.requests.push({ method, status: res.status });
        if (!advertisePatch || method !== 'OPTIONS') return res;
        const headers = new Headers(res.headers);
        headers.set('access-control-allow-methods', 'POST, PATCH, OPTIONS');
        return new Response(null, { status: res.status, headers });
      };
      const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
      const { WHIPClient } = (window as unknown as { EyevinnWhip: { WHIPClient: new (o: unknown) => { ingest(s: MediaStream): Promise<void> } } }).EyevinnWhip;
      // No ICE servers: the namespaces have no way out, and none is needed on one link.
      const client = new WHIPClient({ endpoint, opts: { debug: false, iceServers: [], authkey: key } });
      await client.ingest(stream);
      log.pc = (client as unknown as { peer: RTCPeerConnection }).peer;
    },
    { endpoint: `${relay.url}/whip/shows/${show.id}`, key: relay.studioKey, advertisePatch },
  );
  await waitUntil('the Eyevinn publisher connected', () => pub.evaluate(() => (window as unknown as { __log: PageLog }).__log.pc?.connectionState === 'connected'), 30_000);
  const pair = await selectedPair(pub, 'window.__log.pc');
  expect(pairIsInNamespace(pair), JSON.stringify(pair)).toBe(true);
  return { pub, link };
}

async function expectViewerDecodes(link: WatchLink): Promise<void> {
  const viewer = await newPageForEvaluate(browsers[1]!);
  await viewer.goto(link.url);
  await waitUntil('the viewer to decode video', async () => (await inboundCounters(viewer, WATCH_PC)).framesDecoded > 30, 45_000);
  const pair = await selectedPair(viewer, WATCH_PC);
  expect(pairIsInNamespace(pair), JSON.stringify(pair)).toBe(true);
}

const requests = (pub: Page) => pub.evaluate(() => (window as unknown as { __log: PageLog }).__log.requests);
const offerCandidates = (pub: Page) => pub.evaluate(() => (window as unknown as { __log: PageLog }).__log.offerCandidates);

describe('@eyevinn/whip-web-client publishing to the relay', () => {
  it('reads POST, OPTIONS at the endpoint, publishes a full offer, and a viewer decodes', async () => {
    const { pub, link } = await publishWithEyevinn(false);
    const sent = await requests(pub);
    expect(sent.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', status: 201 }]);
    expect(sent.some((r) => r.method === 'PATCH')).toBe(false);
    expect((await offerCandidates(pub))[0]).toBeGreaterThan(0);
    await expectViewerDecodes(link);
  });

  it('when told PATCH is served, trickles its candidates by PATCH; the relay takes them (204) and a viewer decodes', async () => {
    const { pub, link } = await publishWithEyevinn(true);
    expect(await offerCandidates(pub)).toEqual([0]);
    await waitUntil('the client to PATCH a candidate', async () => (await requests(pub)).some((r) => r.method === 'PATCH'), 30_000);
    const patches = (await requests(pub)).filter((r) => r.method === 'PATCH');
    expect(patches.every((r) => r.status === 204), JSON.stringify(patches)).toBe(true);
    await expectViewerDecodes(link);
  });
});
