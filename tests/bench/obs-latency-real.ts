import type { IngestKey } from '../../common/protocol/ingest.js';
import type { Show, WatchLink } from '../../common/show.js';
import type { startMediaBench } from '../helpers/media-bench.js';
import { measureStamplessCues } from '../helpers/ingest-cues.js';
import { startObsProcess } from '../helpers/obs-process.js';
import { collectStampLatencies } from '../helpers/stamped-canvas.js';
import { startStampedUdpClock } from '../helpers/stamped-rtmp.js';
import { percentile, round1 } from '../helpers/stats.js';

type Bench = Awaited<ReturnType<typeof startMediaBench>>;
type Call = <T>(method: string, p: string, body?: unknown) => Promise<{ status: number; body: T }>;

const CLOCK_PORT = 5500;

/**
 * bench:obs-latency's real-OBS phase: the stamped picture plays in an OBS 29 media source (Xvfb,
 * client namespace), OBS's program goes through OBS's own x264 (Simple mode with the pre-flight fix's
 * options: no B-frames, 2 s keyframes, zerolatency) and RTMP
 * to the relay, and the viewer reads the stamps back. The hop into OBS (an extra encode and OBS's
 * decode of it) is counted too, so this over-states OBS's own share.
 */
export async function measureRealObs(bench: Bench, call: Call, o: { frames: number; warmupMs: number; cues: number; floorP50: number }) {
  const show = (await call<Show>('POST', '/api/shows', { title: 'obs-latency real OBS' })).body;
  await call('POST', `/api/shows/${show.id}/start`);
  const key = (await call<IngestKey>('POST', `/api/shows/${show.id}/ingest-key`)).body;
  const link = (await call<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
  const clock = startStampedUdpClock(bench.topology, CLOCK_PORT);
  const obs = await startObsProcess(bench.topology);
  try {
    await obs.addMediaSource(`udp://127.0.0.1:${CLOCK_PORT}`);
    if (!(await obs.startStream(key.rtmpServer, key.streamKey))) throw new Error('OBS did not start streaming');
    const { viewer } = await bench.openViewer(undefined, link.url);
    await viewer.waitForTimeout(o.warmupMs);
    const s = await viewer.evaluate(collectStampLatencies, { selector: '[data-testid="watch-video"]', count: o.frames, timeoutMs: 90_000 });
    if (s.latencies.length < 300) throw new Error(`real OBS: only ${s.latencies.length} stamped frames were read (rejected ${s.rejected})`);
    const cues = await measureStamplessCues({ viewer, api: bench.pub, studioKey: bench.relay.studioKey, showId: show.id, count: o.cues });
    // The hop into OBS (the clock's encode, the media source's buffering, OBS's compositing): not OBS's output path.
    const programLag = await obs.programLag(30);
    const viewerDelayMs = await viewer.evaluate(() => (window as unknown as { __lcWatch?: { videoDelayMs(): number } }).__lcWatch?.videoDelayMs() ?? null);
    await obs.stopStream();
    const log = readObsLog(obs.log());
    const p50 = percentile(s.latencies, 50);
    const hop = programLag.length ? percentile(programLag, 50) : null;
    return {
      p50,
      /** Stamp to OBS's program (the hop into OBS, screenshots): what the media source adds, not OBS's output. */
      program_lag_p50: hop,
      program_lag_n: programLag.length,
      /** OBS's program to the viewer's screen: p50 less the hop's p50. */
      program_to_viewer_p50: hop === null ? null : p50 - hop,
      p95: percentile(s.latencies, 95),
      p99: percentile(s.latencies, 99),
      n: s.latencies.length,
      ratio_p50: round1(p50 / o.floorP50),
      received_fps: round1(s.fps),
      cue_abs_p50: cues.absP50,
      cue_abs_p95: cues.absP95,
      cue_signed_p50: cues.signedP50,
      cues: cues.n,
      viewer_delay_ms: viewerDelayMs === null ? null : round1(viewerDelayMs),
      /** From OBS's log: the keyframe interval its x264 really used, and the audio buffering OBS grew to. */
      obs_keyint: log.keyint,
      obs_audio_buffering_ms: log.audioBufferingMs,
    };
  } finally {
    clock.kill('SIGKILL');
    await obs.stop();
  }
}

/**
 * OBS delays its whole output by the audio buffering it adds when a source's audio arrives late
 * ("adding N milliseconds of audio buffering, total audio buffering is now M milliseconds"), and
 * never shrinks it while running; the last x264 "keyint:" line is the stream encoder's.
 */
function readObsLog(text: string): { keyint: number | null; audioBufferingMs: number } {
  const keyints = [...text.matchAll(/keyint:\s+(\d+)/g)].map((m) => Number(m[1]));
  const buffering = [...text.matchAll(/total audio buffering is now (\d+) milliseconds/g)].map((m) => Number(m[1]));
  return { keyint: keyints.at(-1) ?? null, audioBufferingMs: buffering.length ? Math.max(...buffering) : 0 };
}
