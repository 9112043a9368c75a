/**
 * npm run bench:replay — End show → playable replay: how long after End the recordings row says
 * `ready` for a recorded show (BENCH_REPLAY_SECONDS, default 120 s, stamped VP8 + Opus from the
 * studio's own stamper, relay + Janus recording in the server namespace). Floor, in the same run on
 * the same raw parts: a bare `janus-pp-rec` of each track and one `ffmpeg -c copy` remux into WebM
 * (what any replay needs at least), unniced. Last line: JSON with ready_s, floor_s, ratio.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import { startStampedPublisher } from '../helpers/cue-sync-pages.js';
import { startMediaBench } from '../helpers/media-bench.js';
import { relayCall } from '../helpers/relay-api.js';
import { studioStamperScript } from '../helpers/stamper-bundle.js';

const SECONDS = Number(process.env.BENCH_REPLAY_SECONDS ?? 120);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stamper = await studioStamperScript();
const bench = await startMediaBench('replay bench');
try {
  const { relay, pub, show } = bench;
  const call = <T>(method: string, url: string) => relayCall<T>(pub, relay.studioKey, method, url);
  await pub.addScriptTag({ content: stamper });
  await pub.evaluate(startStampedPublisher, { studioKey: relay.studioKey, showId: show.id, audio: true });
  await sleep(SECONDS * 1000);
  const endAt = performance.now();
  await call('POST', `/api/shows/${show.id}/end`);
  let r = (await call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body;
  // Bounded: 20 minutes of 100 ms polls.
  for (let i = 0; i < 12_000 && (r.status === 'processing' || r.status === 'recording'); i++) {
    await sleep(100);
    r = (await call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body;
  }
  const readyS = (performance.now() - endAt) / 1000;
  if (r.status !== 'ready') throw new Error(`the recording did not become ready: ${JSON.stringify(r)}`);

  // Floor: the bare tools on the same raw parts.
  const raw = path.join(relay.dataDir, 'recordings', show.id, 'raw');
  const files = readdirSync(raw);
  const video = path.join(raw, files.find((n) => /-video(-\d+)?\.mjr$/.test(n))!);
  const audio = path.join(raw, files.find((n) => /-audio(-\d+)?\.mjr$/.test(n))!);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'replay-floor-'));
  const t0 = performance.now();
  execFileSync('janus-pp-rec', [video, path.join(tmp, 'v.webm')], { stdio: 'ignore' });
  execFileSync('janus-pp-rec', [audio, path.join(tmp, 'a.opus')], { stdio: 'ignore' });
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(tmp, 'v.webm'), '-i', path.join(tmp, 'a.opus'), '-map', '0:v', '-map', '1:a', '-c', 'copy', path.join(tmp, 'out.webm')]);
  const floorS = (performance.now() - t0) / 1000;
  rmSync(tmp, { recursive: true, force: true });

  const result = {
    bench: 'replay',
    metric: 'End show → recordings row ready (replay.webm + timeline.json written)',
    unit: 's',
    show_s: SECONDS,
    replay_duration_s: r.durationMs / 1000,
    bytes: r.bytes,
    ready_s: Math.round(readyS * 100) / 100,
    floor_s: Math.round(floorS * 100) / 100,
    ratio: Math.round((readyS / floorS) * 100) / 100,
    load_avg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
    cores: os.cpus().length,
  };
  console.log(`replay: ${SECONDS} s show ready ${result.ready_s} s after End (floor ${result.floor_s} s, ratio ${result.ratio})`);
  console.log(JSON.stringify(result));
} finally {
  await bench.close();
}
