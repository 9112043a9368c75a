/**
 * npm run bench:obs-latency — glass-to-glass through the OBS ingest (docs/obs-mode.md).
 * An RTMP encoder standing in for OBS (ffmpeg, client namespace) draws its capture time into
 * every frame and publishes to the relay's RTMP port; the relay's ffmpeg copies the H.264 into a
 * Janus remote publisher; a Chromium viewer (server namespace) on the watch link reads the stamp
 * back from each rendered frame. Floor, same run: the camera path (a stamped canvas published
 * over WHIP to Janus, read back the same way, as bench:glass-to-glass does).
 * Last stdout line: JSON per ../shared/BENCHMARKS.md.
 */
import type { IngestKey, IngestStatus } from '../../common/protocol/ingest.js';
import type { Show, WatchLink } from '../../common/show.js';
import { startMediaBench } from '../helpers/media-bench.js';
import { relayCall } from '../helpers/relay-api.js';
import { collectStampLatencies, publishStampedCanvas, type StampSamples } from '../helpers/stamped-canvas.js';
import { startStampedRtmpPublisher } from '../helpers/stamped-rtmp.js';
import { percentile, round1 } from '../helpers/stats.js';
import { measureStamplessCues } from '../helpers/ingest-cues.js';
import { measureRealObs } from './obs-latency-real.js';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 450);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 6000);
const CUES = Number(process.env.BENCH_CUES ?? 20);

const summary = (s: StampSamples) => ({ p50: percentile(s.latencies, 50), p95: percentile(s.latencies, 95), p99: percentile(s.latencies, 99), n: s.latencies.length });

async function main(): Promise<void> {
  const bench = await startMediaBench('obs-latency floor');
  try {
    const { relay, pub, topology } = bench;
    const call = <T>(method: string, p: string, body?: unknown) => relayCall<T>(pub, relay.studioKey, method, p, body);

    // Floor: the camera path.
    await pub.evaluate(publishStampedCanvas, { relayUrl: relay.url, studioKey: relay.studioKey, showId: bench.show.id, width: 1280, height: 720, fps: 30 });
    const cam = await bench.openViewer();
    await cam.viewer.waitForTimeout(WARMUP_MS);
    const floor = await cam.viewer.evaluate(collectStampLatencies, { selector: '[data-testid="watch-video"]', count: FRAMES, timeoutMs: 60_000 });
    await pub.evaluate(() => (window as unknown as { __pub: RTCPeerConnection }).__pub.close());
    await cam.viewer.close();
    if (floor.latencies.length < 300) throw new Error(`floor: only ${floor.latencies.length} stamped frames were read`);

    // The ingest path.
    const show = (await call<Show>('POST', '/api/shows', { title: 'obs-latency' })).body;
    await call('POST', `/api/shows/${show.id}/start`);
    const key = (await call<IngestKey>('POST', `/api/shows/${show.id}/ingest-key`)).body;
    const link = (await call<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
    const encoder = startStampedRtmpPublisher(topology, key.streamKey);
    try {
      const { viewer, pair } = await bench.openViewer(undefined, link.url);
      const status = (await call<IngestStatus>('GET', `/api/shows/${show.id}/ingest`)).body;
      await viewer.waitForTimeout(WARMUP_MS);
      const ingest = await viewer.evaluate(collectStampLatencies, { selector: '[data-testid="watch-video"]', count: FRAMES, timeoutMs: 60_000 });
      if (ingest.latencies.length < 300) throw new Error(`ingest: only ${ingest.latencies.length} stamped frames were read (rejected ${ingest.rejected})`);
      const cues = await measureStamplessCues({ viewer, api: pub, studioKey: relay.studioKey, showId: show.id, count: CUES });
      // The viewer's own estimate of its video delay, which OBS-mode cues wait on top of the relay's hold.
      const viewerDelayMs = await viewer.evaluate(() => (window as unknown as { __lcWatch?: { videoDelayMs(): number } }).__lcWatch?.videoDelayMs() ?? null);
      encoder.kill('SIGKILL');
      await viewer.close();
      const obsProgram = process.env.BENCH_REAL_OBS === '0' ? null : await measureRealObs(bench, call, { frames: FRAMES, warmupMs: WARMUP_MS, cues: CUES, floorP50: percentile(floor.latencies, 50) });
      const a = summary(ingest);
      const f = summary(floor);
      const result = {
        bench: 'obs-latency',
        metric: 'encoder capture to viewer render, RTMP ingest',
        unit: 'ms',
        ...a,
        floor_p50: f.p50,
        floor_p95: f.p95,
        floor_p99: f.p99,
        floor_n: f.n,
        floor: 'camera path: stamped canvas over WHIP into Janus, same relay, same viewer page',
        ratio_p50: round1(a.p50 / f.p50),
        ratio_p99: round1(a.p99 / f.p99),
        cue_abs_p50: cues.absP50,
        cue_abs_p95: cues.absP95,
        cue_signed_p50: cues.signedP50,
        cues: cues.n,
        relay_hold_ms: status.estimatedDelayMs,
        viewer_delay_ms: viewerDelayMs === null ? null : round1(viewerDelayMs),
        received_video: status.video,
        received_fps: round1(ingest.fps),
        unreadable_frames: ingest.rejected,
        ice_pair: `${pair.local}->${pair.remote}`,
        obs_program: obsProgram,
        cores: (await import('node:os')).cpus().length,
      };
      console.log(`obs-latency: ingest p50 ${a.p50} / p95 ${a.p95} / p99 ${a.p99} ms over ${a.n} frames; camera path p50 ${f.p50} / p99 ${f.p99} ms over ${f.n}; ratio p50 ${result.ratio_p50}, p99 ${result.ratio_p99}; stampless cues |error| p50 ${cues.absP50} p95 ${cues.absP95} ms over ${cues.n}; ICE ${result.ice_pair}`);
      if (obsProgram) console.log(`obs-latency: real OBS program p50 ${obsProgram.p50} / p95 ${obsProgram.p95} / p99 ${obsProgram.p99} ms over ${obsProgram.n}; cues |error| p50 ${obsProgram.cue_abs_p50} p95 ${obsProgram.cue_abs_p95} ms`);
      console.log(JSON.stringify(result));
    } finally {
      encoder.kill('SIGKILL');
    }
  } finally {
    await bench.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
