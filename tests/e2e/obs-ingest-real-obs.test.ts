import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestStatus } from '../../common/protocol/ingest.js';
import { startIngestStack, type IngestStack } from '../helpers/ingest-stack.js';
import { expectVideoDecoding, pairIsInNamespace, selectedPair } from '../helpers/media-pages.js';
import { startObsProcess, type ObsProcess } from '../helpers/obs-process.js';

/** A real OBS 29 (Xvfb, client namespace) streams its program over RTMP to the relay; a viewer decodes it as H.264. */
let stack: IngestStack;
let obs: ObsProcess;

const WATCH_PC = 'window.__lcWatch && window.__lcWatch.pc()';

beforeAll(async () => {
  stack = await startIngestStack();
  obs = await startObsProcess(stack.topology);
}, 150_000);

afterAll(async () => {
  await obs?.stop();
  await stack?.close();
});

describe('real OBS → relay ingest → viewer', () => {
  it("OBS's program reaches the watch link as H.264; End show stops the ingest", async () => {
    const { show, key, link } = await stack.liveShow('OBS 실제 송출');
    expect(await obs.startStream(key.rtmpServer, key.streamKey)).toBe(true);
    const status = async () => (await stack.call<IngestStatus>('GET', `/api/shows/${show.id}/ingest`)).body;
    await expect.poll(async () => (await status()).state, { timeout: 60_000 }).toBe('receiving');
    expect((await status()).video).toEqual({ codec: 'h264', width: 1280, height: 720 });
    const viewer = await stack.browser.newPage();
    await viewer.goto(link.url);
    await expectVideoDecoding(viewer, WATCH_PC);
    expect(pairIsInNamespace(await selectedPair(viewer, WATCH_PC))).toBe(true);
    await obs.stopStream();
    await stack.call('POST', `/api/shows/${show.id}/end`);
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('idle');
  });
});
