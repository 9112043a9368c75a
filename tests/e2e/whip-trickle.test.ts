import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundCounters, pairIsInNamespace, selectedPair, waitUntil } from '../helpers/media-pages.js';
import type { Show, WatchLink } from '../../common/show.js';
import { launchChromium, newPageForEvaluate } from '../helpers/browser.js';
import { WATCH_PC } from '../helpers/media-bench.js';
import { createTopology, type Topology } from '../helpers/netns.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { relayCall } from '../helpers/relay-api.js';
import { publishTrickling, restartIceByPatch, transportUfrag, type WhipPageState } from '../helpers/whip-trickle-page.js';
import type { Browser, Page } from 'playwright-core';

/**
 * WHIP with trickle ICE and an ICE restart, with real media: the publisher (Chromium, client
 * namespace, a page on the relay's origin) POSTs an offer without candidates and PATCHes them; a
 * viewer (server namespace) decodes the video; an ICE restart by PATCH keeps it coming.
 */
let topology: Topology;
let relay: RunningRelay;
const browsers: Browser[] = [];
let pub: Page;
let viewer: Page;
let show: Show;
let link: WatchLink;
const PUB_PC = 'window.__whip && window.__whip.pc';
const patches = () => pub.evaluate(() => (window as unknown as { __whip: WhipPageState }).__whip.patches);
const epoch = () => viewer.evaluate(() => (window as unknown as { __lcWatch: { epoch(): number | null } }).__lcWatch.epoch());

beforeAll(async () => {
  topology = createTopology();
  relay = await startRelay({ topology });
  // The publisher page lives on the relay's origin (plain http inside the namespace), as a WHIP web
  // client served by the relay would; it may use the (fake) camera there.
  const pubBrowser = await launchChromium({ executablePath: topology.chromium('client'), args: [`--unsafely-treat-insecure-origin-as-secure=${relay.url}`] });
  browsers.push(pubBrowser);
  browsers.push(await launchChromium({ executablePath: topology.chromium('server') }));
  pub = await newPageForEvaluate(pubBrowser);
  await pub.goto(`${relay.url}/api/health`);
  show = (await relayCall<Show>(pub, relay.studioKey, 'POST', '/api/shows', { title: 'whip trickle' })).body;
  link = (await relayCall<WatchLink>(pub, relay.studioKey, 'POST', `/api/shows/${show.id}/links`, {})).body;
});
afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined);
  await relay?.stop();
  topology?.destroy();
});

/** Waits until the viewer has decoded `more` frames beyond what it had decoded when called. */
async function expectMoreFrames(more: number): Promise<void> {
  const start = (await inboundCounters(viewer, WATCH_PC)).framesDecoded;
  await waitUntil(`${more} more frames at the viewer`, async () => (await inboundCounters(viewer, WATCH_PC)).framesDecoded > start + more, 45_000);
}

describe('WHIP trickle ICE and ICE restart with real media', () => {
  it('publishes an offer without candidates, trickles them by PATCH, and a viewer decodes over the namespace addresses', async () => {
    const result = await pub.evaluate(publishTrickling, { showId: show.id, studioKey: relay.studioKey });
    expect(result.offerCandidates).toBe(0);
    expect(result.etag).toMatch(/^"[\w-]+"$/);

    await waitUntil('the publisher to trickle end-of-candidates', async () => (await patches()).some((p) => p.kind === 'end'), 30_000);
    const sent = await patches();
    expect(sent.filter((p) => p.kind === 'candidate').length, JSON.stringify(sent)).toBeGreaterThan(0);
    expect(sent.every((p) => p.status === 204), JSON.stringify(sent)).toBe(true);

    await waitUntil('the publisher connected', () => pub.evaluate(() => (window as unknown as { __whip: WhipPageState }).__whip.pc.connectionState === 'connected'), 30_000);
    const pubPair = await selectedPair(pub, PUB_PC);
    expect(pairIsInNamespace(pubPair), JSON.stringify(pubPair)).toBe(true);
    viewer = await newPageForEvaluate(browsers[1]!);
    await viewer.goto(link.url);
    await waitUntil('the viewer to decode video', async () => (await inboundCounters(viewer, WATCH_PC)).framesDecoded > 30, 45_000);
    const viewerPair = await selectedPair(viewer, WATCH_PC);
    expect(pairIsInNamespace(viewerPair), JSON.stringify(viewerPair)).toBe(true);
    await expectMoreFrames(30);
  });

  it('restarts ICE by PATCH (If-Match "*", 200, new ETag); the transport moves to the new credentials and the viewer keeps decoding', async () => {
    const epochBefore = await epoch();
    const restart = await pub.evaluate(restartIceByPatch);
    expect(restart.status).toBe(200);
    expect(restart.newUfrag).not.toBe(restart.oldUfrag);
    // The publisher's transport runs on the new generation, not the old one.
    await waitUntil('the publisher transport on the new ICE credentials', async () => (await pub.evaluate(transportUfrag)) === restart.newUfrag, 30_000);
    const pubPair = await selectedPair(pub, PUB_PC);
    expect(pairIsInNamespace(pubPair), JSON.stringify(pubPair)).toBe(true);
    await expectMoreFrames(60);
    // Same publishing session: viewers were not made to subscribe again.
    expect(await epoch()).toBe(epochBefore);
    // Candidates of the new generation went under the new tag and were taken.
    await waitUntil('new-generation candidates sent', async () => (await patches()).some((p) => p.kind === 'candidate' && p.ufrag === restart.newUfrag), 30_000);
    const after = (await patches()).filter((p) => p.ufrag === restart.newUfrag && p.kind !== 'restart');
    expect(after.every((p) => p.status === 204), JSON.stringify(after)).toBe(true);
  });
});
