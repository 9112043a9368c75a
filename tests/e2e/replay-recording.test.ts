import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import { ReplayTimeline } from '../../common/replay/timeline.js';
import type { Show } from '../../common/show.js';
import { startStampedPublisher } from '../helpers/cue-sync-pages.js';
import { startMediaBench, type MediaBench } from '../helpers/media-bench.js';
import { relayCall } from '../helpers/relay-api.js';
import { studioStamperScript } from '../helpers/stamper-bundle.js';

/**
 * Recording and post-processing with real parts (docs/replay.md): a publisher page in the client
 * namespace sends the studio's stamped VP8 (the studio's own stamper) over WHIP to the relay + Janus
 * in the server namespace; Janus records the room, End show runs janus-pp-rec + ffmpeg in the
 * relay's post-processing child, and the replay is checked with ffprobe and the timeline.
 */
let bench: MediaBench;
let stamper = '';

const call = <T>(method: string, url: string, body?: unknown) => relayCall<T>(bench.pub, bench.relay.studioKey, method, url, body);
const recording = async (showId: string) => (await call<ShowRecording>('GET', `/api/shows/${showId}/recording`)).body;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const showDir = (showId: string) => path.join(bench.relay.dataDir, 'recordings', showId);
const probe = (args: string[]) => execFileSync('ffprobe', ['-v', 'error', ...args], { encoding: 'utf8' }).trim();

async function publish(showId: string, audio = false): Promise<void> {
  await bench.pub.evaluate(startStampedPublisher, { studioKey: bench.relay.studioKey, showId, audio });
}
const draws = () => bench.pub.evaluate(() => (window as unknown as { __draws: number[] }).__draws.slice());

async function untilSettled(showId: string): Promise<ShowRecording> {
  let r = await recording(showId);
  for (let i = 0; i < 240 && (r.status === 'processing' || r.status === 'recording'); i++) {
    await sleep(500);
    r = await recording(showId);
  }
  return r;
}

async function newShow(title: string): Promise<Show> {
  return (await call<Show>('POST', '/api/shows', { title })).body;
}

beforeAll(async () => {
  stamper = await studioStamperScript();
  bench = await startMediaBench('녹화 테스트');
  await bench.pub.addScriptTag({ content: stamper });
});

afterAll(async () => {
  await bench?.close();
});

describe('recording a show for its replay', () => {
  it('go live, a few seconds, End: the replay is ready, VP8 not re-encoded, timeline stamps cover the live span', async () => {
    const { show } = bench;
    await publish(show.id, true);
    expect((await recording(show.id)).status).toBe('recording');
    await sleep(6000);
    const sent = await draws();
    expect((await call('POST', `/api/shows/${show.id}/end`)).status).toBe(200);
    const endedAt = Date.now();
    const r = await untilSettled(show.id);
    expect(r).toMatchObject({ status: 'ready', progress: 1, parts: 1, error: null });

    const replay = path.join(showDir(show.id), 'replay.webm');
    const timeline = ReplayTimeline.parse(JSON.parse(readFileSync(path.join(showDir(show.id), 'timeline.json'), 'utf8')));
    expect(r.bytes).toBe(readFileSync(replay).length);
    expect(probe(['-select_streams', 'v:0', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', replay])).toBe('vp8');
    expect(probe(['-select_streams', 'a:0', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', replay])).toBe('opus');
    const duration = Number(probe(['-show_entries', 'format=duration', '-of', 'csv=p=0', replay]));
    // Live time: from Janus's first recorded packet to End show.
    const part = timeline.parts[0]!;
    expect(Math.abs(duration - (endedAt - part.wallStartMs) / 1000)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(timeline.durationSec - duration)).toBeLessThan(0.05);

    // No re-encode: as many video packets in the replay as Janus recorded (janus-pp-rec of the raw part).
    const raw = path.join(showDir(show.id), 'raw');
    const mjr = readdirSync(raw).find((n) => /-video(-\d+)?\.mjr$/.test(n))!;
    const direct = path.join(bench.relay.dataDir, 'direct.webm');
    execFileSync('janus-pp-rec', [path.join(raw, mjr), direct], { stdio: 'ignore' });
    const packets = (f: string) => Number(probe(['-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', f]));
    expect(packets(replay)).toBe(packets(direct));
    expect(part.frames.length).toBe(packets(replay));

    // Every frame's capture stamp is one the studio's stamper sent during the show, in order, covering the span.
    const caps = part.frames.map((f) => f[1]);
    for (let i = 1; i < caps.length; i++) expect(caps[i]!).toBeGreaterThanOrEqual(caps[i - 1]!);
    expect(caps[0]!).toBeGreaterThanOrEqual(sent[0]! - 1);
    expect(caps[caps.length - 1]!).toBeLessThanOrEqual(Math.max(...(await draws())) + 1);
    expect((caps[caps.length - 1]! - caps[0]!) / 1000).toBeGreaterThan(duration - 0.5);
    // The timeline's seconds are the file's: its first frame is where the video stream begins
    // (later than 0 when the audio started first and kept its lead).
    const videoStart = Number(probe(['-select_streams', 'v:0', '-show_entries', 'stream=start_time', '-of', 'csv=p=0', replay]));
    expect(part.frames[0]![0]).toBeCloseTo(videoStart, 3);
    // Replay seconds rise with capture time.
    for (let i = 1; i < part.frames.length; i++) expect(part.frames[i]![0]).toBeGreaterThanOrEqual(part.frames[i - 1]![0]);
  });

  it('a rehearsal is not recorded; a show with recording turned off is not recorded', async () => {
    const base = await newShow('리허설 원본');
    const { show: rehearsal } = (await call<{ show: Show }>('POST', `/api/shows/${base.id}/rehearsal`)).body;
    const off = await newShow('녹화 끔');
    const set = await call<ShowRecording>('PUT', `/api/shows/${off.id}/recording`, { record: false });
    expect(set.body).toMatchObject({ record: false, status: null });
    // Bad input is refused with a clear error, the relay goes on.
    expect((await call('PUT', `/api/shows/${off.id}/recording`, { record: 'yes' })).status).toBe(400);
    for (const s of [rehearsal, off]) {
      await publish(s.id);
      await sleep(2000);
      expect((await call('POST', `/api/shows/${s.id}/end`)).status).toBe(200);
      expect(await recording(s.id)).toMatchObject({ status: null, parts: 0 });
      expect(existsSync(showDir(s.id))).toBe(false);
    }
  });

  it('a publisher that reconnects makes two parts, laid end to end (a video-only publisher gives a video-only replay)', async () => {
    const show = await newShow('재연결');
    await publish(show.id);
    await sleep(3000);
    await publish(show.id);
    await sleep(3000);
    await call('POST', `/api/shows/${show.id}/end`);
    const r = await untilSettled(show.id);
    expect(r).toMatchObject({ status: 'ready', parts: 2 });
    const t = ReplayTimeline.parse(JSON.parse(readFileSync(path.join(showDir(show.id), 'timeline.json'), 'utf8')));
    expect(t.parts).toHaveLength(2);
    expect(probe(['-select_streams', 'a', '-show_entries', 'stream=codec_name', '-of', 'csv=p=0', path.join(showDir(show.id), 'replay.webm')])).toBe('');
    expect(t.parts[1]!.startSec).toBeCloseTo(t.parts[0]!.durationSec, 3);
    expect(t.parts[1]!.wallStartMs).toBeGreaterThan(t.parts[0]!.wallStartMs);
    expect(t.parts[1]!.frames[0]![1]).toBeGreaterThan(t.parts[0]!.frames.at(-1)![1]);
  });

  it('the relay killed mid-show: after the restart, End gives a ready replay of what was recorded', async () => {
    const show = await newShow('중단');
    await publish(show.id);
    await sleep(4000);
    await killRelayAndRestart();
    expect((await recording(show.id)).status).toBe('recording');
    await call('POST', `/api/shows/${show.id}/end`);
    const r = await untilSettled(show.id);
    expect(r).toMatchObject({ status: 'ready', parts: 1 });
    expect(r.durationMs).toBeGreaterThan(2000);
  });

  it('the relay killed while processing: the next start processes the leftover parts', async () => {
    const show = await newShow('처리 중 중단');
    await publish(show.id);
    await sleep(3000);
    await call('POST', `/api/shows/${show.id}/end`);
    expect((await recording(show.id)).status).toBe('processing');
    await killRelayAndRestart();
    const r = await untilSettled(show.id);
    expect(r).toMatchObject({ status: 'ready', parts: 1 });
  });
});

/** SIGKILL to the relay's process group (relay, its Janus, the processing child): nothing runs its close(). */
async function killRelayAndRestart(): Promise<void> {
  const proc = bench.relay.proc;
  const exited = new Promise((r) => proc.once('exit', r));
  process.kill(-proc.pid!, 'SIGKILL');
  await exited;
  await bench.relay.restart();
  await bench.pub.goto(`${bench.relay.url}/api/health`);
  await bench.pub.addScriptTag({ content: stamper });
}
