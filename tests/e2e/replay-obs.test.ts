import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import type { IngestStatus } from '../../common/protocol/ingest.js';
import { listRawParts } from '../../server/src/replay/raw-parts.js';
import { startIngestStack, type IngestStack } from '../helpers/ingest-stack.js';
import { startRtmpPublisher } from '../helpers/rtmp-publisher.js';

/**
 * OBS mode is recorded too (docs/replay.md): the ingest's Janus remote publisher joins the same
 * recorded room, so its H.264 lands in the show's raw parts with packets. Post-processing makes
 * VP8 WebM only, so an OBS-only show ends `failed` with that reason (and keeps its raw parts).
 */
let stack: IngestStack;
let encoder: ChildProcess | undefined;

beforeAll(async () => {
  stack = await startIngestStack();
});

afterAll(async () => {
  encoder?.kill('SIGKILL');
  await stack?.close();
});

describe('recording an OBS-mode show', () => {
  it("records the ingest's H.264 from go-live; processing says OBS video is not replayable yet", async () => {
    const { show, key } = await stack.liveShow('OBS 녹화');
    encoder = startRtmpPublisher(stack.topology, key.streamKey);
    const status = async () => (await stack.call<IngestStatus>('GET', `/api/shows/${show.id}/ingest`)).body;
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('receiving');
    expect((await stack.call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body.status).toBe('recording');
    await new Promise((r) => setTimeout(r, 3000));
    encoder.kill('SIGKILL');
    await stack.call('POST', `/api/shows/${show.id}/end`);

    const parts = await listRawParts(`${stack.relay.dataDir}/recordings/${show.id}/raw`);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.videoCodec).toBe('h264');
    expect(parts[0]!.audio).not.toBeNull();

    let r = (await stack.call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body;
    for (let i = 0; i < 120 && r.status === 'processing'; i++) {
      await new Promise((res) => setTimeout(res, 500));
      r = (await stack.call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body;
    }
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/h264.*OBS mode/);
  });
});
