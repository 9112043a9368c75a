import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import type { IngestStatus } from '../../common/protocol/ingest.js';
import type { ReplayInfo } from '../../common/replay/replay-view.js';
import type { ReplayTimeline } from '../../common/replay/timeline.js';
import { listRawParts } from '../../server/src/replay/raw-parts.js';
import { startIngestStack, type IngestStack } from '../helpers/ingest-stack.js';
import { startRtmpPublisher } from '../helpers/rtmp-publisher.js';

/**
 * OBS mode is recorded too (docs/replay.md): the ingest's Janus remote publisher joins the same
 * recorded room, so its H.264 lands in the show's raw parts with packets. Post-processing copies
 * it into replay.mp4 (Opus audio to AAC), and the watch link plays it.
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

const probe = (file: string) =>
  JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name:format=duration,format_name', '-of', 'json', file], { encoding: 'utf8' })) as {
    streams: { codec_type: string; codec_name: string }[];
    format: { duration: string; format_name: string };
  };

describe('recording an OBS-mode show', () => {
  it("records the ingest's H.264 from go-live and makes an MP4 replay without re-encoding the video; the watch link plays it", async () => {
    const { show, key, link } = await stack.liveShow('OBS 녹화');
    encoder = startRtmpPublisher(stack.topology, key.streamKey);
    const status = async () => (await stack.call<IngestStatus>('GET', `/api/shows/${show.id}/ingest`)).body;
    await expect.poll(async () => (await status()).state, { timeout: 30_000 }).toBe('receiving');
    expect((await stack.call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body.status).toBe('recording');
    await new Promise((r) => setTimeout(r, 4000));
    encoder.kill('SIGKILL');
    await stack.call('POST', `/api/shows/${show.id}/end`);

    const dir = `${stack.relay.dataDir}/recordings/${show.id}`;
    // Janus closes (and so flushes) the part's files after End returns: read them once they are whole.
    await expect.poll(async () => (await listRawParts(`${dir}/raw`)).length, { timeout: 30_000 }).toBe(1);
    const parts = await listRawParts(`${dir}/raw`);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.videoCodec).toBe('h264');
    expect(parts[0]!.audio).not.toBeNull();
    const rawVideoPackets = Number(execFileSync('janus-pp-rec', ['--parse', parts[0]!.video!], { encoding: 'utf8' }).match(/(\d+) RTP packets/)?.[1] ?? 0);
    expect(rawVideoPackets).toBeGreaterThan(0);

    await expect.poll(async () => (await stack.call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body.status, { timeout: 60_000, interval: 500 }).toBe('ready');
    expect(existsSync(`${dir}/replay.webm`)).toBe(false);
    const p = probe(`${dir}/replay.mp4`);
    expect(p.format.format_name).toContain('mp4');
    expect(p.streams.map((x) => `${x.codec_type}:${x.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
    const timeline = JSON.parse(readFileSync(`${dir}/timeline.json`, 'utf8')) as ReplayTimeline;
    expect(timeline.parts).toHaveLength(1);
    // OBS sends no capture stamps: cues are placed by the relay's clock.
    expect(timeline.parts[0]!.frames).toEqual([]);
    expect(Math.abs(timeline.durationSec - Number(p.format.duration))).toBeLessThan(0.5);

    // The watch link: ReplayInfo says mp4, the video route serves video/mp4 with ranges, Chromium plays it.
    const token = link.url.split('/w/')[1]!;
    const viewer = await stack.browser.newPage();
    await viewer.goto(link.url);
    const info = await viewer.evaluate(async (path) => (await (await fetch(path)).json()) as ReplayInfo, `/api/watch/${token}/replay`);
    expect(info).toMatchObject({ state: 'ready', container: 'mp4' });
    const ranged = await viewer.evaluate(async (path) => {
      const r = await fetch(path, { headers: { range: 'bytes=0-99' } });
      return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength };
    }, `/api/watch/${token}/replay/video`);
    expect(ranged).toEqual({ status: 206, type: 'video/mp4', bytes: 100 });
    await viewer.getByTestId('replay-video').waitFor();
    await expect
      .poll(() => viewer.getByTestId('replay-video').evaluate((v: HTMLVideoElement) => {
        void v.play().catch(() => undefined);
        return v.currentTime > 0.5 && v.videoWidth > 0;
      }), { timeout: 30_000 })
      .toBe(true);
    expect(await viewer.getByTestId('replay-cannot-play').count()).toBe(0);
    await viewer.close();
  });
});
