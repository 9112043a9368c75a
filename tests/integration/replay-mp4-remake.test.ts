import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import { sampleCatalog } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { setRecording, writeReplayFixture } from '../helpers/replay-fixture.js';
import { renditionFailedFile, renditionFile, replayFileIn } from '../../server/src/replay/replay-paths.js';

const execFileAsync = promisify(execFile);

/**
 * "MP4 다시 만들기" (docs/replay.md, "MP4 rendition"): a failed rendition is made again only when the
 * seller asks, through `POST /api/shows/:id/recording/rendition`. Real relay (loopback, no media)
 * and real ffmpeg: a camera show whose replay.webm is cut to its first bytes fails its encode; the
 * file is put back whole, the route queues the encode and the rendition becomes a playable MP4.
 * Then what the route refuses.
 */
let relay: RunningRelay;
const api = relayApi(() => relay);
const work = mkdtempSync(path.join(os.tmpdir(), 'lc-remake-'));
let showId = '';
let token = '';
let liveId = '';
let obsId = '';

type Answer = ShowRecording & { error?: string };
const remake = (id = showId, key?: string | null) => api.call<Answer>('POST', `/api/shows/${id}/recording/rendition`, undefined, key);
const recording = async (id = showId) => (await api.call<ShowRecording>('GET', `/api/shows/${id}/recording`)).body;

beforeAll(async () => {
  relay = await startRelay();
  const camera = await api.liveShow('봄 니트 라이브', sampleCatalog());
  ({ token } = camera);
  showId = camera.show.id;
  expect((await api.call('POST', `/api/shows/${showId}/end`)).status).toBe(200);
  const obs = await api.liveShow('OBS 방송', sampleCatalog());
  obsId = obs.show.id;
  expect((await api.call('POST', `/api/shows/${obsId}/end`)).status).toBe(200);
  liveId = (await api.liveShow('아직 방송 중', sampleCatalog())).show.id;

  // A whole replay kept aside, and a truncated one where the relay reads it: the encode fails on it.
  const { file } = await writeReplayFixture(relay.dataDir, showId, { wallStartMs: Date.now() - 10_000, durationSec: 2 });
  copyFileSync(file, path.join(work, 'whole.webm'));
  writeFileSync(file, Buffer.alloc(300, 0x1a));
  setRecording(relay.dataDir, showId, 'ready');
  // An OBS show's replay is MP4 already (the file's presence says so); it gets no rendition.
  mkdirSync(path.dirname(replayFileIn(relay.dataDir, obsId, 'mp4')), { recursive: true });
  writeFileSync(replayFileIn(relay.dataDir, obsId, 'mp4'), 'an OBS replay');
  setRecording(relay.dataDir, obsId, 'ready');
  // The relay queues ready replays without a rendition when it starts.
  await relay.restart();
}, 120_000);
afterAll(async () => {
  await relay?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('MP4 다시 만들기 (make a failed rendition again)', () => {
  it('starts from a rendition whose encode failed on the truncated replay', async () => {
    await expect.poll(async () => (await recording()).rendition.state, { timeout: 60_000, interval: 250 }).toBe('failed');
    expect((await recording()).rendition.error).toBeTruthy();
    expect(existsSync(renditionFailedFile(relay.dataDir, showId))).toBe(true);
  });

  it('is refused without the studio key, with another key, or with a watch token', async () => {
    for (const key of [null, 'not-the-key', token]) {
      const r = await remake(showId, key);
      expect(r.status).toBe(401);
      expect(r.body.error).toBe('unauthorized');
    }
    expect(existsSync(renditionFailedFile(relay.dataDir, showId))).toBe(true); // nothing was touched
  });

  it('is refused for an unknown show, a show without a ready replay, and an OBS replay', async () => {
    const unknown = await remake('no-such-show');
    expect([unknown.status, unknown.body.error]).toEqual([404, 'not_found']);
    const live = await remake(liveId);
    expect([live.status, live.body.error]).toEqual([404, 'no_replay']);
    const obs = await remake(obsId);
    expect([obs.status, obs.body.error]).toEqual([409, 'no_rendition']);
    expect((await recording(obsId)).rendition.state).toBe('none');
  });

  it('queues the failed rendition again; with the replay whole it becomes an H.264 + AAC MP4', async () => {
    copyFileSync(path.join(work, 'whole.webm'), replayFileIn(relay.dataDir, showId, 'webm'));
    const r = await remake();
    expect(r.status).toBe(202);
    expect(r.body.status).toBe('ready');
    expect(['queued', 'encoding']).toContain(r.body.rendition.state);
    expect(r.body.rendition.error).toBeNull();
    expect(existsSync(renditionFailedFile(relay.dataDir, showId))).toBe(false);
    // Asked twice (a double click): the one already queued, running or made is not queued again.
    const twice = await remake();
    expect([twice.status, twice.body.error]).toEqual([409, 'conflict']);

    await expect.poll(async () => (await recording()).rendition, { timeout: 60_000, interval: 250 }).toEqual({ state: 'ready', progress: 1, error: null });
    const { stdout } = await execFileAsync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name', '-of', 'csv=p=0', renditionFile(relay.dataDir, showId)]);
    expect(stdout.trim().split('\n').sort()).toEqual(['aac,audio', 'h264,video']);
    const served = await fetch(`${relay.url}/api/watch/${token}/replay/video.mp4`, { headers: { range: 'bytes=0-99' } });
    expect(served.status).toBe(206);
    await served.arrayBuffer();
  });

  it('is refused once the rendition is ready (nothing failed to make again)', async () => {
    const r = await remake();
    expect([r.status, r.body.error]).toEqual([409, 'conflict']);
    expect((await recording()).rendition.state).toBe('ready');
  });
});
