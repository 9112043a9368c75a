/**
 * npm run bench:glass-to-glass — capture-to-render delay through the real relay and Janus.
 * A publisher (Chromium, client namespace) sends canvas frames stamped with their draw time over
 * WHIP; a viewer (Chromium, server namespace) watches through the real watch page and reads the
 * stamp back from each rendered frame. Last stdout line: JSON per ../shared/BENCHMARKS.md.
 */
import type { Show, WatchLink } from '../../common/show.js';
import { launchChromium, newPageForEvaluate } from '../helpers/browser.js';
import { inboundCounters, pairIsInNamespace, selectedPair, waitUntil } from '../helpers/media-pages.js';
import { createTopology } from '../helpers/netns.js';
import { startRelay } from '../helpers/processes.js';
import { relayCall } from '../helpers/relay-api.js';
import { collectStampLatencies, publishStampedCanvas } from '../helpers/stamped-canvas.js';
import { percentile, round1 } from '../helpers/stats.js';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 450);
const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 30;

async function main(): Promise<void> {
  const topology = createTopology();
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const relay = await startRelay({ topology });
    cleanups.push(() => relay.stop());
    const pubBrowser = await launchChromium({ executablePath: topology.chromium('client') });
    cleanups.push(() => pubBrowser.close());
    const viewBrowser = await launchChromium({ executablePath: topology.chromium('server') });
    cleanups.push(() => viewBrowser.close());

    const pub = await newPageForEvaluate(pubBrowser);
    await pub.goto(`${relay.url}/api/health`);
    const show = (await relayCall<Show>(pub, relay.studioKey, 'POST', '/api/shows', { title: 'glass-to-glass' })).body;
    const link = (await relayCall<WatchLink>(pub, relay.studioKey, 'POST', `/api/shows/${show.id}/links`, {})).body;
    await pub.evaluate(publishStampedCanvas, { relayUrl: relay.url, studioKey: relay.studioKey, showId: show.id, width: WIDTH, height: HEIGHT, fps: FPS });

    const viewer = await newPageForEvaluate(viewBrowser);
    await viewer.goto(link.url);
    const pcExpr = 'window.__lcWatch && window.__lcWatch.pc()';
    await waitUntil('the viewer to decode video', async () => (await inboundCounters(viewer, pcExpr)).framesDecoded > 30, 45_000);
    const pair = await selectedPair(viewer, pcExpr);
    if (!pairIsInNamespace(pair)) throw new Error(`selected ICE pair is not on the namespace's addresses: ${JSON.stringify(pair)}`);
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
      ice_pair: `${pair!.local}->${pair!.remote}`,
      cores: (await import('node:os')).cpus().length,
    };
    console.log(`glass-to-glass: ${n} frames, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, received ${result.received_resolution} at ${result.received_fps} fps (sent ${WIDTH}x${HEIGHT}@${FPS}); ICE ${result.ice_pair}`);
    console.log(JSON.stringify(result));
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    topology.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
