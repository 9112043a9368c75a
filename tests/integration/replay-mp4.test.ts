import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import type { ReadyReplay, ReplayInfo } from '../../common/replay/replay-view.js';
import { sampleCatalog } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { ROOT, startRelay, type RunningRelay } from '../helpers/processes.js';
import { setRecording, writeReplayFixture } from '../helpers/replay-fixture.js';
import { renditionFailedFile, renditionFile, renditionWorkDir, replayFileIn } from '../../server/src/replay/replay-paths.js';

const execFileAsync = promisify(execFile);

/**
 * The MP4 rendition of a camera show's replay (docs/replay.md, "MP4 rendition") against a real relay
 * (loopback, no media) and real ffmpeg: the fixture's VP8 + Opus replay.webm (6 s, so the encode
 * stays cheap) is re-encoded to H.264 + AAC beside it. The first encode is caught halfway by a
 * stand-in ffmpeg (tests/helpers/ffmpeg-stall.sh) so the test can look at the half-written state
 * and kill the relay in it; a second show has a replay.webm that is not a video (its encode fails).
 */
const SEC = 6;
let relay: RunningRelay;
const api = relayApi(() => relay);
const work = mkdtempSync(path.join(os.tmpdir(), 'lc-mp4-'));
const marker = path.join(work, 'stall');
let showId = '';
let token = '';
let brokenId = '';

const recording = async (id = showId) => (await api.call<ShowRecording>('GET', `/api/shows/${id}/recording`)).body;
const info = async () => (await api.watch<ReplayInfo>(token, 'GET', '/replay')).body;
const rendition = (init: RequestInit = {}) => fetch(`${relay.url}/api/watch/${token}/replay/video.mp4`, init);
const probe = async (file: string) => JSON.parse((await execFileAsync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name:format=duration', '-of', 'json', file])).stdout) as { streams: { codec_type: string; codec_name: string }[]; format: { duration: string } };
/** The MP4's top-level boxes in file order. */
function topBoxes(file: string): string[] {
  const buf = readFileSync(file);
  const boxes: string[] = [];
  for (let at = 0; at + 8 <= buf.length && boxes.length < 50; ) {
    let size = buf.readUInt32BE(at);
    if (size === 1) size = Number(buf.readBigUInt64BE(at + 8));
    boxes.push(buf.toString('latin1', at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return boxes;
}
function killStalledEncoder(): void {
  try {
    process.kill(Number(readFileSync(`${marker}.pid`, 'utf8')), 'SIGKILL');
  } catch {
    // gone with the relay's process group
  }
}

beforeAll(async () => {
  writeFileSync(marker, '');
  relay = await startRelay({ env: { RELAY_FFMPEG_BIN: path.join(ROOT, 'tests/helpers/ffmpeg-stall.sh'), FFMPEG_STALL_MARKER: marker } });
  const broken = await api.liveShow('깨진 녹화', sampleCatalog());
  brokenId = broken.show.id;
  expect((await api.call('POST', `/api/shows/${brokenId}/end`)).status).toBe(200);
  const live = await api.liveShow('봄 니트 라이브', sampleCatalog());
  showId = live.show.id;
  token = live.token;
  expect((await api.call('POST', `/api/shows/${showId}/end`)).status).toBe(200);
  // The recording side's output, as the other replay tests make it; then a restart, which finds
  // ready replays without a rendition (what a relay upgraded to renditions, or killed mid-encode, finds).
  await writeReplayFixture(relay.dataDir, brokenId, { wallStartMs: Date.now() - 10_000, durationSec: 1 });
  writeFileSync(replayFileIn(relay.dataDir, brokenId, 'webm'), 'not a video');
  setRecording(relay.dataDir, brokenId, 'ready');
  await writeReplayFixture(relay.dataDir, showId, { wallStartMs: Date.now() - 10_000, durationSec: SEC });
  await new Promise((r) => setTimeout(r, 5)); // newer than the broken one: encoded first
  setRecording(relay.dataDir, showId, 'ready');
  expect((await recording()).rendition.state).toBe('none'); // the relay was not told
  await relay.restart();
}, 120_000);
afterAll(async () => {
  killStalledEncoder();
  await relay?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the MP4 rendition of a camera replay', () => {
  it('is never served half-written; the relay killed mid-encode makes it again after the restart', async () => {
    await expect.poll(async () => (await recording()).rendition.state, { timeout: 30_000 }).toBe('encoding');
    const dir = renditionWorkDir(relay.dataDir, showId);
    await expect.poll(() => (existsSync(dir) ? readdirSync(dir).map((f) => statSync(path.join(dir, f)).size) : []), { timeout: 10_000 }).toEqual([200_000]);
    // Half a file is on disk: the replay plays (WebM), the page is told the MP4 is coming, the MP4 is not served.
    const playing = (await info()) as ReadyReplay;
    expect(playing).toMatchObject({ state: 'ready', container: 'webm', fallback: { state: 'preparing' } });
    for (const method of ['GET', 'HEAD']) {
      const r = await rendition({ method, headers: { range: 'bytes=0-99' } });
      expect(r.status).toBe(404);
      if (method === 'GET') expect(((await r.json()) as { error: string }).error).toBe('no_replay');
    }
    expect(existsSync(renditionFile(relay.dataDir, showId))).toBe(false);
    expect((await recording(brokenId)).rendition.state).toBe('queued'); // one encode at a time

    // Killed mid-encode (nothing runs its close()), then started again without the stall.
    process.kill(-relay.proc.pid!, 'SIGKILL');
    await new Promise((r) => relay.proc.once('exit', r));
    killStalledEncoder();
    rmSync(marker);
    await relay.restart();
    await expect.poll(async () => (await recording()).rendition, { timeout: 60_000, interval: 250 }).toEqual({ state: 'ready', progress: 1, error: null });
    expect(existsSync(dir)).toBe(false); // the killed run's half file went with the work directory
    await expect.poll(async () => (await recording(brokenId)).rendition.state, { timeout: 30_000 }).toBe('failed');
    expect((await recording(brokenId)).rendition.error).toMatch(/ffprobe|video/);
  });

  it('is H.264 + AAC with the index first, lasts as long as the WebM, and the WebM stays the replay', async () => {
    const mp4 = renditionFile(relay.dataDir, showId);
    const webm = replayFileIn(relay.dataDir, showId, 'webm');
    const [m, w] = await Promise.all([probe(mp4), probe(webm)]);
    expect(m.streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
    expect(w.streams.find((s) => s.codec_type === 'video')!.codec_name).toBe('vp8'); // not re-encoded
    expect(Math.abs(Number(m.format.duration) - Number(w.format.duration))).toBeLessThan(0.5);
    const boxes = topBoxes(mp4);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat')); // +faststart
    expect(await info()).toMatchObject({ state: 'ready', container: 'webm', videoPath: `/api/watch/${token}/replay/video`, fallback: { state: 'ready', videoPath: `/api/watch/${token}/replay/video.mp4` } });
    expect((await fetch(`${relay.url}/api/watch/${token}/replay/video`, { method: 'HEAD' })).headers.get('content-type')).toBe('video/webm');
  });

  it('is served with byte ranges (206, 416 past the end) and HEAD', async () => {
    const file = renditionFile(relay.dataDir, showId);
    const size = statSync(file).size;
    const part = await rendition({ headers: { range: 'bytes=100-299' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(part.headers.get('content-range')).toBe(`bytes 100-299/${size}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(readFileSync(file).subarray(100, 300))).toBe(true);
    const tail = await rendition({ headers: { range: 'bytes=-50' } });
    expect(tail.status).toBe(206);
    expect((await tail.arrayBuffer()).byteLength).toBe(50);
    const beyond = await rendition({ headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
    await beyond.arrayBuffer();
    const head = await rendition({ method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(size));
    expect(head.headers.get('accept-ranges')).toBe('bytes');
  });

  it('a failed encode is not tried again by itself at the next start; a made one is not made again', async () => {
    await relay.restart();
    expect((await recording(brokenId)).rendition.state).toBe('failed');
    expect((await recording()).rendition.state).toBe('ready');
    expect(relay.output()).not.toContain('replays without an MP4 rendition are queued');
  });

  it('goes with the recording when it is deleted', async () => {
    const r = await api.call<ShowRecording>('DELETE', `/api/shows/${showId}/recording`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'deleted', rendition: { state: 'none' } });
    expect(existsSync(renditionFile(relay.dataDir, showId))).toBe(false);
    const gone = await rendition();
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: string }).error).toBe('no_replay');
    expect((await api.call('DELETE', `/api/shows/${brokenId}/recording`)).status).toBe(200);
    expect(existsSync(renditionFailedFile(relay.dataDir, brokenId))).toBe(false);
  });
});
