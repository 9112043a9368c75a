/**
 * npm run bench:glass-to-glass — capture-to-render delay through the real relay and Janus.
 * A publisher (Chromium, client namespace) sends canvas frames stamped with their draw time over
 * WHIP; a viewer (Chromium, server namespace) watches through the real watch page and reads the
 * stamp back from each rendered frame. Last stdout line: JSON per ../shared/BENCHMARKS.md.
 *
 * In one run, one measurement per frame-transform path (BENCH_PATHS, comma-separated; `studio/viewer`
 * when the two ends differ):
 *   none              no transforms: raw Janus, the floor;
 *   encoded-streams   Chromium's createEncodedStreams on the page's main thread;
 *   script-transform  RTCRtpScriptTransform in a worker.
 * The stamping paths publish with the studio's own stamper (renderer/src/live/frame-stamper.ts) and
 * the watch page's own receiver (server/watch/src/frame-clock.ts), forced onto the path measured.
 * The headline p50/p95/p99 are the path the studio and the watch page pick by themselves;
 * ratio_p50/ratio_p99 = that path ÷ the floor. BENCH_ROUNDS (1–5) repeats the paths in rotated order
 * and reports each path's median over the rounds.
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import type { StampPath } from '../../renderer/src/live/frame-stamper.js';
import { forceViewerPath, startMediaBench, type MediaBench } from '../helpers/media-bench.js';
import { collectStampLatencies, publishStampedCanvas } from '../helpers/stamped-canvas.js';
import { studioStamperScript } from '../helpers/stamper-bundle.js';
import { percentile, round1 } from '../helpers/stats.js';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 450);
const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 30;
/** `path` for both ends, or `studio/viewer`. */
const PATHS = (process.env.BENCH_PATHS ?? 'none,encoded-streams,script-transform/encoded-streams,script-transform').split(',').map((p) => {
  const [studio, viewer = studio] = p.split('/') as [StampPath, StampPath?];
  for (const x of [studio, viewer]) if (!['none', 'encoded-streams', 'script-transform'].includes(x!)) throw new Error(`BENCH_PATHS: unknown path ${x}`);
  return { name: p, studio, viewer: viewer! };
});
type Paths = (typeof PATHS)[number];
const ROUNDS = Math.min(Math.max(Number(process.env.BENCH_ROUNDS ?? 1), 1), 5);

/** One path's figures over rounds: the median of each figure, with every round's p50 kept beside it. */
function medianRun<R extends { p50: number; p95: number; p99: number; n: number }>(runs: R[]): R & { rounds_p50: number[] } {
  const med = (xs: number[]) => percentile(xs, 50);
  return { ...runs[0]!, p50: med(runs.map((r) => r.p50)), p95: med(runs.map((r) => r.p95)), p99: med(runs.map((r) => r.p99)), n: runs.reduce((a, r) => a + r.n, 0), rounds_p50: runs.map((r) => r.p50) };
}

const mode = (xs: number[]) => {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
};

async function measure(bench: MediaBench, { name, studio, viewer: viewerPathWanted }: Paths) {
  const { relay, pub, show } = bench;
  await pub.reload();
  if (studio !== 'none') await pub.addScriptTag({ content: await studioStamperScript(studio) });
  await pub.evaluate(publishStampedCanvas, { relayUrl: relay.url, studioKey: relay.studioKey, showId: show.id, width: WIDTH, height: HEIGHT, fps: FPS, stamper: studio !== 'none' });
  const { viewer, pair } = await bench.openViewer((page: Page) => page.addInitScript(forceViewerPath, viewerPathWanted));
  try {
    const viewerPath = await viewer.evaluate(() => (window as unknown as { __lcWatch?: { transformPath?: () => string } }).__lcWatch?.transformPath?.() ?? 'unknown');
    // Let the encoder ramp up its bitrate and resolution before measuring.
    await viewer.waitForTimeout(Number(process.env.BENCH_WARMUP_MS ?? 8000));
    const samples = await viewer.evaluate(collectStampLatencies, { selector: '[data-testid="watch-video"]', count: FRAMES, timeoutMs: 60_000 });
    const n = samples.latencies.length;
    if (n < 300) throw new Error(`${name}: only ${n} stamped frames were read (rejected ${samples.rejected})`);
    const r = {
      path: name,
      viewer_path: viewerPath,
      p50: percentile(samples.latencies, 50),
      p95: percentile(samples.latencies, 95),
      p99: percentile(samples.latencies, 99),
      n,
      received_resolution: `${mode(samples.widths)}x${mode(samples.heights)}`,
      received_fps: round1(samples.fps),
      unreadable_frames: samples.rejected,
      ice_pair: `${pair.local}->${pair.remote}`,
    };
    console.log(`  ${name}: ${n} frames, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, received ${r.received_resolution} at ${r.received_fps} fps; viewer on ${viewerPath}; ICE ${r.ice_pair}`);
    return r;
  } finally {
    await viewer.close();
    await pub.evaluate(() => (window as unknown as { __pub?: RTCPeerConnection }).__pub?.close());
  }
}

async function main(): Promise<void> {
  const bench = await startMediaBench('glass-to-glass');
  try {
    // BENCH_ROUNDS > 1 measures every path once per round, the order rotated each round (the first
    // path measured ran warm-up effects into its figure), and reports each path's median over rounds.
    const rounds: Awaited<ReturnType<typeof measure>>[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = PATHS.map((_, i) => PATHS[(i + round) % PATHS.length]!);
      const measured = [];
      for (const path of order) measured.push(await measure(bench, path));
      rounds.push(measured);
    }
    const runs = PATHS.map((p) => medianRun(rounds.map((measured) => measured.find((r) => r.path === p.name)!)));
    // What the studio and the watch page pick by themselves in Chromium (frame-stamper.ts, frame-clock.ts).
    const defaultPath = 'script-transform/encoded-streams';
    const floor = runs.find((r) => r.path === 'none') ?? null;
    const head = runs.find((r) => r.path === defaultPath) ?? runs[runs.length - 1]!;
    const ratio = (a: number, b: number | undefined) => (b ? Math.round((a / b) * 100) / 100 : null);
    const result = {
      bench: 'glass-to-glass',
      metric: 'capture-to-render delay',
      unit: 'ms',
      path: head.path,
      p50: head.p50,
      p95: head.p95,
      p99: head.p99,
      n: head.n,
      floor: floor && { p50: floor.p50, p95: floor.p95, p99: floor.p99, n: floor.n },
      ratio_p50: ratio(head.p50, floor?.p50),
      ratio_p99: ratio(head.p99, floor?.p99),
      paths: Object.fromEntries(runs.map((r) => [r.path, { ...r, ratio_p50: ratio(r.p50, floor?.p50) }])),
      sent_resolution: `${WIDTH}x${HEIGHT}`,
      sent_fps: FPS,
      cores: os.cpus().length,
      rounds: ROUNDS,
      load_avg_1m: round1(os.loadavg()[0]!),
    };
    console.log(`glass-to-glass on ${head.path}: p50 ${result.p50} ms, p99 ${result.p99} ms; floor (no transforms) p50 ${floor?.p50 ?? '-'} ms; ratio_p50 ${result.ratio_p50}`);
    console.log(JSON.stringify(result));
  } finally {
    await bench.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
