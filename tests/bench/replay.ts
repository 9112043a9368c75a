/**
 * npm run bench:replay — a recorded show after it ends (issue 12's benchmark). One run, in the
 * media namespaces (relay + Janus in the server namespace, the stamped publisher in the client's):
 * - a show of BENCH_REPLAY_SECONDS (default 120; the issue's form is 600) with BENCH_REPLAY_CUES
 *   cues (default 20, pin/clear alternately, spread over the show) and BENCH_REPLAY_SEGMENTS
 *   run-down segments (default 5, equal lengths);
 * - `ready_s`: End show → the recordings row says `ready`; floor: bare janus-pp-rec + ffmpeg -c copy
 *   on the same raw parts (replay-clips.ts for the clip floor);
 * - replay cue offset: the watch link's replay in Chromium (server namespace), each cue's moment
 *   read back from the stamped frame on screen when its card appears (replay-cues.ts);
 * - `clip_s_per_min`: a clip per segment through the relay's clip routes, floor bare ffmpeg;
 * - cue fan-out p99 to BENCH_REPLAY_VIEWERS (default 300) websocket viewers of another live show on
 *   the same relay, without clips and while the clips are cut (replay-fanout.ts).
 * Last line: JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import { ReplayTimeline } from '../../common/replay/timeline.js';
import { replayFile, timelineFile } from '../../server/src/replay/replay-paths.js';
import { drawsAround, fireCueNow, startStampedPublisher } from '../helpers/cue-sync-pages.js';
import { startMediaBench } from '../helpers/media-bench.js';
import { relayCall } from '../helpers/relay-api.js';
import { studioStamperScript } from '../helpers/stamper-bundle.js';
import { percentile } from '../helpers/stats.js';
import { clipFloor, CUT_BOUND, cutAllClips } from './replay-clips.js';
import { bareRendition } from './replay-rendition.js';
import { measureReplayCues, type FiredCue } from './replay-cues.js';
import { startCueLoad, summary } from './replay-fanout.js';

const SECONDS = Number(process.env.BENCH_REPLAY_SECONDS ?? 120);
const CUES = Number(process.env.BENCH_REPLAY_CUES ?? 20);
const SEGMENTS = Number(process.env.BENCH_REPLAY_SEGMENTS ?? 5);
const VIEWERS = Number(process.env.BENCH_REPLAY_VIEWERS ?? 300);
/** Fan-out cues without clips (as bench:cue-fanout's 30, a few more for the p99), and the bound while clips are cut. */
const BASELINE_CUES = 50;
const MAX_DURING_CUES = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const r2 = (x: number) => Math.round(x * 100) / 100;
for (const [name, v] of Object.entries({ SECONDS, CUES, SEGMENTS, VIEWERS })) if (!Number.isInteger(v) || v < 1) throw new Error(`BENCH_REPLAY_${name} must be a whole number ≥ 1`);
if (SECONDS / SEGMENTS < 12) throw new Error('segments need at least 12 s each (a clip is 10 s to 2 min)');

const stamper = await studioStamperScript();
const bench = await startMediaBench('replay bench');
try {
  const { relay, pub, show, link } = bench;
  const call = <T>(method: string, url: string, body?: unknown) => relayCall<T>(pub, relay.studioKey, method, url, body);
  const recording = async () => (await call<ShowRecording>('GET', `/api/shows/${show.id}/recording`)).body;
  await pub.addScriptTag({ content: stamper });
  await pub.evaluate(startStampedPublisher, { studioKey: relay.studioKey, showId: show.id, audio: true });
  // The show's clock starts once Janus records (bounded: 30 s), so the first segment has video from its start.
  for (let i = 0; i < 300 && (await recording()).status !== 'recording'; i++) await sleep(100);
  if ((await recording()).status !== 'recording') throw new Error('Janus did not start recording the show within 30 s');
  await sleep(2000);

  // The show: segments at equal steps, cues spread over it (each at a random point of its slot).
  const events = [
    ...Array.from({ length: SEGMENTS }, (_, k) => ({ at: (k * SECONDS) / SEGMENTS, segment: k })),
    ...Array.from({ length: CUES }, (_, i) => ({ at: ((i + 0.2 + 0.6 * Math.random()) * SECONDS) / CUES, cue: i })),
  ].sort((a, b) => a.at - b.at);
  const fired: FiredCue[] = [];
  let version = 0;
  const start = performance.now();
  for (const e of events) {
    await sleep(start + e.at * 1000 - performance.now());
    if ('segment' in e) {
      const k = e.segment!;
      const r = await call('POST', `/api/shows/${show.id}/segment`, { segmentId: `seg${k + 1}`, title: `${k + 1}부 상품 소개` });
      if (r.status !== 200) throw new Error(`segment ${k + 1}: ${r.status} ${JSON.stringify(r.body)}`);
      continue;
    }
    const pin = e.cue! % 2 === 0;
    const r = await pub.evaluate(fireCueNow, { studioKey: relay.studioKey, showId: show.id, baseVersion: version, firingId: `replay${e.cue}`, pin });
    version = r.version;
    await sleep(300); // the frames drawn just after the keypress
    fired.push({ firedAt: r.firedAt, pin, draws: await pub.evaluate(drawsAround, r.firedAt) });
  }
  await sleep(start + SECONDS * 1000 - performance.now());
  const endAt = performance.now();
  await call('POST', `/api/shows/${show.id}/end`);
  let rec = await recording();
  // Bounded: 20 minutes of 100 ms polls.
  for (let i = 0; i < 12_000 && (rec.status === 'processing' || rec.status === 'recording'); i++) {
    await sleep(100);
    rec = await recording();
  }
  const readyS = (performance.now() - endAt) / 1000;
  if (rec.status !== 'ready') throw new Error(`the recording did not become ready: ${JSON.stringify(rec)}`);
  // The publisher's canvas stops drawing (a fresh page on the relay's origin still calls the API).
  await pub.goto(`${relay.url}/api/health`);

  // The MP4 rendition the relay queues at ready (a camera show's WebM), timed alone before anything
  // else runs (bounded: 30 min of 500 ms polls); floor: the same ffmpeg arguments, bare, on the same file.
  const renditionStart = performance.now();
  for (let i = 0; i < 3600 && ['queued', 'encoding'].includes(rec.rendition.state); i++) {
    await sleep(500);
    rec = await recording();
  }
  const renditionS = (performance.now() - renditionStart) / 1000;
  if (rec.rendition.state !== 'ready') throw new Error(`the MP4 rendition did not become ready: ${JSON.stringify(rec.rendition)}`);
  const renditionFloorS = await bareRendition(replayFile(relay.dataDir, show.id));

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

  // The replay's cues on the watch link.
  const viewer = await bench.newViewerPage();
  const timeline = ReplayTimeline.parse(JSON.parse(readFileSync(timelineFile(relay.dataDir, show.id), 'utf8')));
  const cues = await measureReplayCues(viewer, link.url, fired, timeline);
  // Where the replay file's streams begin (the timeline counts video seconds from the first frame).
  const firstPts = (stream: string) => Number(execFileSync('ffprobe', ['-v', 'error', '-select_streams', stream, '-show_entries', 'packet=pts_time', '-read_intervals', '%+#1', '-of', 'csv=p=0', replayFile(relay.dataDir, show.id)], { encoding: 'utf8' }).trim().split('\n')[0]);
  await viewer.close();
  console.log(`replay cues: ${cues.offsets.length}/${fired.length} measured (missing ${cues.missing}, unreadable ${cues.unreadable}); offsets ${cues.offsets.join(' ')} ms; against the frames the video has: ${cues.offsetsVsRecorded.join(' ')} ms`);
  console.log(`  the player's clock ahead of the frame on screen: ${cues.clockAheadOfFrame.join(' ')} ms; that frame − the cue's moment: ${cues.frameMinusMoment.join(' ')} ms`);
  console.log(`  the timeline's stamp of that frame − its drawn instant: ${cues.timelineStampMinusDrawn.join(' ')} ms; replay file's first video pts ${firstPts('v:0')} s, first audio pts ${firstPts('a:0')} s`);
  if (!cues.offsets.length) throw new Error('no replay cue could be measured');
  const absOffsets = cues.offsets.map(Math.abs);

  // Clips, with the fan-out load on another live show of the same relay.
  // The load generator's own bound: the fan-out cues, the cutting (bounded as cutAllClips is; the clips are at most the show) and a margin.
  const load = await startCueLoad(bench, VIEWERS, BASELINE_CUES + SECONDS * CUT_BOUND.perVideoSec + CUT_BOUND.extraSec + 300);
  let cut: Awaited<ReturnType<typeof cutAllClips>>;
  let without: number[];
  let during: number[];
  try {
    const baseline = await load.fire(BASELINE_CUES);
    let cutting = true;
    const firing = (async () => {
      const sent: number[] = [];
      // Batches of 5 (2 s) until the last clip is done; a batch that ends after it still counts (its cues overlap the cuts).
      while (cutting && sent.length < MAX_DURING_CUES) sent.push(...(await load.fire(5)));
      return sent;
    })();
    try {
      cut = await cutAllClips(bench, show.id);
    } finally {
      cutting = false;
    }
    const duringSent = await firing;
    const groups = await load.latencies([baseline, duringSent]);
    without = groups[0]!;
    during = groups[1]!;
  } finally {
    load.close();
  }
  // The clip floor on the first clip (a per-minute figure; all clips would double the run).
  const floor = clipFloor(replayFile(relay.dataDir, show.id), cut.clips.slice(0, 1));

  const w = summary(without);
  const d = summary(during);
  const result = {
    bench: 'replay',
    metric: 'a recorded show after End: replay ready, replay cue offset, clip cutting, cue fan-out while cutting',
    unit: 'ms',
    show_s: SECONDS,
    replay_duration_s: rec.durationMs / 1000,
    bytes: rec.bytes,
    ready_s: r2(readyS),
    floor_s: r2(floorS),
    ratio: r2(readyS / floorS),
    n: cues.offsets.length,
    cues_fired: fired.length,
    p50: percentile(cues.offsets, 50),
    p95: percentile(cues.offsets, 95),
    p99: percentile(cues.offsets, 99),
    replay_cue_abs_p50: percentile(absOffsets, 50),
    replay_cue_abs_p95: percentile(absOffsets, 95),
    replay_cue_exact_frame_pct: Math.round((absOffsets.filter((o) => o < 17).length / absOffsets.length) * 1000) / 10,
    // Against the nearest frame the video has (the publisher's encoder drops drawn frames; a cue on one shows on a neighbour).
    replay_cue_abs_p95_vs_recorded: percentile(cues.offsetsVsRecorded.map(Math.abs), 95),
    replay_cue_exact_recorded_pct: Math.round((cues.offsetsVsRecorded.filter((o) => Math.abs(o) < 17).length / Math.max(1, cues.offsetsVsRecorded.length)) * 1000) / 10,
    replay_cue_after_keypress_p50: percentile(cues.afterKeypress, 50),
    // Diagnostics: a card that changes before its frame is on screen (the player's clock runs ahead of the picture).
    replay_clock_ahead_of_frame_p50: percentile(cues.clockAheadOfFrame, 50),
    replay_frame_minus_moment_p50: percentile(cues.frameMinusMoment, 50),
    replay_timeline_stamp_minus_drawn_p50: percentile(cues.timelineStampMinusDrawn, 50),
    replay_cue_missed_frames: cues.missedFrames,
    replay_first_video_pts_s: firstPts('v:0'),
    replay_first_audio_pts_s: firstPts('a:0'),
    replay_cue_missing: cues.missing,
    replay_cue_unreadable: cues.unreadable,
    rendition_s: r2(renditionS),
    rendition_s_per_min: r2((renditionS / rec.durationMs) * 60_000),
    rendition_floor_s: r2(renditionFloorS),
    rendition_ratio: r2(renditionS / renditionFloorS),
    clips: cut.clips.length,
    clip_video_s: r2(cut.clips.reduce((s, c) => s + c.outSec - c.inSec, 0)),
    clip_s_per_min: r2(cut.sPerMin),
    clip_floor_s_per_min: r2(floor.both),
    clip_ratio: r2(cut.sPerMin / floor.both),
    clip_floor_s_per_min_wide: r2(floor.wide),
    clip_floor_s_per_min_vertical: r2(floor.vertical),
    clip_floor_video_s: r2(cut.clips[0]!.outSec - cut.clips[0]!.inSec),
    fanout_viewers: VIEWERS,
    cue_fanout_p50_no_clips: w.p50,
    cue_fanout_p99_no_clips: w.p99,
    cue_fanout_n_no_clips: w.n,
    cue_fanout_p50_during_clips: d.p50,
    cue_fanout_p99_during_clips: d.p99,
    cue_fanout_n_during_clips: d.n,
    load_avg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
    cores: os.cpus().length,
  };
  console.log(`replay: ${SECONDS} s show ready ${result.ready_s} s after End (floor ${result.floor_s} s, ratio ${result.ratio})`);
  console.log(`replay cue offset: |offset| p50 ${result.replay_cue_abs_p50} ms, p95 ${result.replay_cue_abs_p95} ms over ${result.n} cues (${result.replay_cue_exact_frame_pct}% on the keypress frame; signed p50 ${result.p50}, p95 ${result.p95}); against the frames the video has: |offset| p95 ${result.replay_cue_abs_p95_vs_recorded} ms, ${result.replay_cue_exact_recorded_pct}% exact`);
  console.log(`MP4 rendition: ${result.rendition_s} s (${result.rendition_s_per_min} s per minute of video; bare ffmpeg ${result.rendition_floor_s} s, ratio ${result.rendition_ratio})`);
  console.log(`clips: ${result.clips} clips, ${result.clip_video_s} s of video, ${result.clip_s_per_min} s per minute both shapes (bare ffmpeg ${result.clip_floor_s_per_min}, ratio ${result.clip_ratio}; bare 16:9 alone ${result.clip_floor_s_per_min_wide}, 9:16 alone ${result.clip_floor_s_per_min_vertical})`);
  console.log(`cue fan-out to ${VIEWERS} viewers: p99 ${w.p99} ms without clips (${w.n} deliveries), ${d.p99} ms while cutting (${d.n} deliveries); load average ${result.load_avg_1m}`);
  console.log(JSON.stringify(result));
} finally {
  await bench.close();
}
