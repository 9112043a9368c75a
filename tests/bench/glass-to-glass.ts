/**
 * npm run bench:glass-to-glass — capture-to-render delay through the real relay and Janus.
 * A publisher (Chromium, client namespace) sends canvas frames stamped with their draw time over
 * WHIP; a viewer (Chromium, server namespace) watches through the real watch page and reads the
 * stamp back from each rendered frame. Last stdout line: JSON per ../shared/BENCHMARKS.md.
 */
import { startMediaBench } from '../helpers/media-bench.js';
import { collectStampLatencies, publishStampedCanvas } from '../helpers/stamped-canvas.js';
import { percentile, round1 } from '../helpers/stats.js';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 450);
const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 30;

async function main(): Promise<void> {
  const bench = await startMediaBench('glass-to-glass');
  try {
    const { relay, pub, show } = bench;
    await pub.evaluate(publishStampedCanvas, { relayUrl: relay.url, studioKey: relay.studioKey, showId: show.id, width: WIDTH, height: HEIGHT, fps: FPS });
    const { viewer, pair } = await bench.openViewer();
    // Let the encoder ramp up its bitrate and resolution before measuring.
    await viewer.waitForTimeout(Number(process.env.BENCH_WARMUP_MS ?? 8000));
    const samples = await viewer.evaluate(collectStampLatencies, { selector: '[data-testid="watch-video"]', count: FRAMES, timeoutMs: 60_000 });
    const n = samples.latencies.length;
    if (n < 300) throw new Error(`only ${n} stamped frames were read (rejected ${samples.rejected})`);
    const mode = (xs: number[]) => {
      const counts = new Map<number, number>();
      for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
      return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    };
    const result = {
      bench: 'glass-to-glass',
      metric: 'capture-to-render delay',
      unit: 'ms',
      p50: percentile(samples.latencies, 50),
      p95: percentile(samples.latencies, 95),
      p99: percentile(samples.latencies, 99),
      n,
      sent_resolution: `${WIDTH}x${HEIGHT}`,
      sent_fps: FPS,
      received_resolution: `${mode(samples.widths)}x${mode(samples.heights)}`,
      received_fps: round1(samples.fps),
      unreadable_frames: samples.rejected,
      ice_pair: `${pair.local}->${pair.remote}`,
      cores: (await import('node:os')).cpus().length,
    };
    console.log(`glass-to-glass: ${n} frames, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, received ${result.received_resolution} at ${result.received_fps} fps (sent ${WIDTH}x${HEIGHT}@${FPS}); ICE ${result.ice_pair}`);
    console.log(JSON.stringify(result));
  } finally {
    await bench.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
