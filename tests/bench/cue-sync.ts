/**
 * npm run bench:cue-sync — how far from the right video frame viewers show a cue.
 * The publisher (client namespace) draws a canvas whose every frame shows its draw instant in
 * pixels, and publishes it with the studio's own frame stamper (bundled from renderer/). It fires
 * cues at random moments. The viewer (server namespace, real watch page) records, for each cue,
 * the pixel-read instant of the first rendered frame on which the cue is displayed. Offset =
 * that instant − the instant of the frame nearest the keypress (signed, ms; +33 = one frame late
 * at 30 fps). Last line: JSON with n, p50, p95, p99, abs_p95.
 */
import os from 'node:os';
import { startCpuBurn } from '../helpers/cpu-burn.js';
import { drawsAround, fireCueNow, firstPresentedFrom, fullInstant, installStampReader, nearestDraw, recordStageArrivals, startStampedPublisher, watchStageFrames } from '../helpers/cue-sync-pages.js';
import { inboundCounters } from '../helpers/media-pages.js';
import { forceViewerPath, startMediaBench, WATCH_PC } from '../helpers/media-bench.js';
import { studioStamperScript } from '../helpers/stamper-bundle.js';
import { percentile } from '../helpers/stats.js';

const CUES = Number(process.env.BENCH_CUES ?? 120);
/** Holds every cue this long between its keypress and its request (0–1000 ms): a data path slower than the video. */
const CUE_PATH_DELAY_MS = Math.min(Math.max(Number(process.env.BENCH_CUE_PATH_DELAY_MS ?? 0), 0), 1000);

type Path = 'none' | 'encoded-streams' | 'script-transform';
/** Force the studio's stamping path or the watch page's (default: what each picks by itself). */
const STAMP_PATH = (process.env.BENCH_STAMP_PATH ?? null) as Path | null;
const VIEWER_PATH = (process.env.BENCH_VIEWER_PATH ?? null) as Path | null;
const stamperBundle = await studioStamperScript(STAMP_PATH);
/** The busy form: this many processes spinning on the cores beside everything else (0–4). */
const BUSY = Number(process.env.BENCH_BUSY ?? 0);
if (!Number.isInteger(BUSY) || BUSY < 0 || BUSY > 4) throw new Error('BENCH_BUSY must be an integer 0..4');

const bench = await startMediaBench('cue-sync');
let burn: { stop(): void } | null = null;
try {
  const { relay, pub, show } = bench;
  await pub.addScriptTag({ content: stamperBundle });
  await pub.evaluate(startStampedPublisher, { studioKey: relay.studioKey, showId: show.id });
  const { viewer, pair } = await bench.openViewer(async (page) => {
    await page.addInitScript(recordStageArrivals);
    if (VIEWER_PATH) await page.addInitScript(forceViewerPath, VIEWER_PATH);
  });
  await viewer.waitForTimeout(5000);
  await viewer.evaluate(installStampReader);
  await viewer.evaluate(watchStageFrames);
  // Bounded: the cues take ~80 s; the burners end by themselves after 10 min whatever happens here.
  if (BUSY) burn = startCpuBurn(BUSY, 600);

  const fired: { version: number; firedAt: number }[] = [];
  let version = 0;
  for (let i = 0; i < CUES; i++) {
    await pub.waitForTimeout(450 + Math.random() * 400);
    const r = await pub.evaluate(fireCueNow, { studioKey: relay.studioKey, showId: show.id, baseVersion: version, firingId: `sync${i}`, pin: i % 2 === 0, pathDelayMs: CUE_PATH_DELAY_MS });
    version = r.version;
    fired.push(r);
  }
  await viewer.waitForTimeout(1500);
  burn?.stop();
  const changes = await viewer.evaluate(() => (window as unknown as { __changes: { version: number; pixelLo: number | null; stamp: number | null }[] }).__changes);
  const presentedLo = await viewer.evaluate(() => (window as unknown as { __presented: (number | null)[] }).__presented);
  const presentedAt = await viewer.evaluate(() => (window as unknown as { __presentedAt: { at: number; stamp: number | null }[] }).__presentedAt);
  const arrivals = await viewer.evaluate(() => (window as unknown as { __stageArrivals: { version: number; at: number; captureMs: number | null }[] }).__stageArrivals);
  // Every presented frame's stamp − its drawn instant: the spread says whether stamps alone can put a cue on the wrong frame.
  const stampSpread = presentedLo.flatMap((lo, i) => {
    const stamp = presentedAt[i]?.stamp ?? null;
    return lo === null || stamp === null ? [] : [Math.round(stamp - fullInstant(lo, stamp))];
  });
  /** Why a cue was not shown on the first frame the viewer presented from its keypress frame. */
  const why = { late_cue: 0, stamp_short: 0, early: 0, other: 0 };
  const detail: string[] = [];
  const offsets: number[] = [];
  /** Shown frame − the first frame the viewer presented at or after the keypress frame: what the page could not blame on frames it never showed. */
  const offsetsVsPresented: number[] = [];
  let unreadable = 0;
  let missing = 0;
  const stampBias: number[] = [];
  for (const f of fired) {
    const shown = changes.find((c) => c.version === f.version);
    if (!shown) {
      missing++;
      continue;
    }
    if (shown.pixelLo === null) {
      unreadable++;
      continue;
    }
    // Full instants from their low 32 bits, using the keypress's high bits.
    const shownAt = fullInstant(shown.pixelLo, f.firedAt);
    const reference = nearestDraw(await pub.evaluate(drawsAround, f.firedAt), f.firedAt);
    offsets.push(Math.round(shownAt - reference));
    const firstChance = firstPresentedFrom(presentedLo.flatMap((lo) => (lo === null ? [] : [fullInstant(lo, f.firedAt)])), reference);
    if (firstChance !== null) {
      const off = Math.round(shownAt - firstChance);
      offsetsVsPresented.push(off);
      if (Math.abs(off) >= 17) {
        // The first chance's callback (page clock) and stamp, against when the cue reached the page.
        const k = presentedLo.findIndex((lo) => lo !== null && fullInstant(lo, f.firedAt) === firstChance);
        const chance = k >= 0 ? presentedAt[k]! : null;
        const arrival = arrivals.find((a) => a.version === f.version);
        const lateBy = chance && arrival ? Math.round(arrival.at - chance.at) : null;
        const stampGap = chance?.stamp != null && arrival?.captureMs != null ? Math.round(arrival.captureMs - chance.stamp) : null;
        const kind = off < 0 ? 'early' : lateBy !== null && lateBy > 0 ? 'late_cue' : stampGap !== null && stampGap > 17 ? 'stamp_short' : 'other';
        why[kind]++;
        detail.push(`${off}:${kind}(arrival−chance ${lateBy} ms, cue−chance stamp ${stampGap} ms)`);
      }
    }
    if (shown.stamp !== null) stampBias.push(Math.round(shown.stamp - shownAt));
  }
  if (offsets.length < Number(process.env.BENCH_MIN_CUES ?? 100)) throw new Error(`only ${offsets.length} cues measured (missing ${missing}, unreadable ${unreadable})`);
  const abs = offsets.map(Math.abs);
  const res = await inboundCounters(viewer, WATCH_PC);
  // The race a cue must win (cue-lead.ts): its lead over the frame on screen when it arrived, and the delay bought.
  const lead = await viewer.evaluate(() => {
    const w = (window as unknown as { __lcWatch?: { cueLeads(): number[]; extraVideoDelayMs(): number } }).__lcWatch;
    return { leads: w?.cueLeads() ?? [], extra: w?.extraVideoDelayMs() ?? null };
  });
  // A busy page renders fewer frames than arrive: a cue then shows on the next frame the viewer sees, later than the keypress frame.
  const rendered = await viewer.evaluate(() => {
    const r = (window as unknown as { __rendered: { frames: number; since: number; skipped: number } }).__rendered;
    return { fps: Math.round((r.frames / ((performance.now() - r.since) / 1000)) * 10) / 10, skipped: r.skipped };
  });
  // The publisher's side: its mean encode time per frame (most of what stamps once trailed capture
  // by: rtp-capture-calibration.ts, encode-delay.ts), and where drawn frames went missing: drawn →
  // captured from the canvas (media-source) → encoded → sent.
  const publisher = await pub.evaluate(async () => {
    const w = window as unknown as { __pub: RTCPeerConnection; __drawCount: () => number };
    const out = { encodeMs: null as number | null, drawn: w.__drawCount(), captured: null as number | null, encoded: null as number | null, sent: null as number | null };
    for (const s of (await w.__pub.getStats()).values()) {
      if (s.type === 'media-source' && s.kind === 'video') out.captured = s.frames ?? null;
      if (s.type === 'outbound-rtp' && s.kind === 'video') {
        out.encoded = s.framesEncoded ?? null;
        out.sent = s.framesSent ?? null;
        if (s.framesEncoded) out.encodeMs = Math.round((s.totalEncodeTime / s.framesEncoded) * 10000) / 10;
      }
    }
    return out;
  });
  const half = Math.floor(abs.length / 2);
  const result = {
    bench: 'cue-sync',
    metric: 'frame offset between the keypress frame and the frame showing the cue',
    unit: 'ms',
    n: offsets.length,
    p50: percentile(offsets, 50),
    p95: percentile(offsets, 95),
    p99: percentile(offsets, 99),
    abs_p95: percentile(abs, 95),
    stamp_path: await pub.evaluate(() => (window as unknown as { __studioStamper: { path: string } }).__studioStamper.path),
    viewer_path: await viewer.evaluate(() => (window as unknown as { __lcWatch?: { transformPath(): string } }).__lcWatch?.transformPath() ?? 'unknown'),
    stamp_minus_drawn_p50: percentile(stampBias, 50),
    // Over the run: a bias that moves from the first cues to the last is a clock drift, not a constant delay.
    stamp_minus_drawn_first20_p50: percentile(stampBias.slice(0, 20), 50),
    stamp_minus_drawn_last20_p50: percentile(stampBias.slice(-20), 50),
    // The last 20 cues' leads at arrival (negative: the cue came after its frame) and the extra playout delay bought by the end.
    cue_lead_last20_p50: percentile(lead.leads, 50),
    cue_lead_last20_min: lead.leads.length ? Math.min(...lead.leads) : null,
    cue_path_delay_ms: CUE_PATH_DELAY_MS,
    extra_video_delay_ms: lead.extra,
    viewer_rendered_fps: rendered.fps,
    viewer_skipped_frames: rendered.skipped,
    viewer_frames_decoded: res.framesDecoded,
    viewer_frames_dropped: res.framesDropped,
    abs_p95_first_half: percentile(abs.slice(0, half), 95),
    abs_p95_second_half: percentile(abs.slice(half), 95),
    exact_frame_pct: Math.round((offsets.filter((o) => Math.abs(o) < 17).length / offsets.length) * 1000) / 10,
    // Against the frames the viewer actually presented: on a page that skips frames, a cue late only
    // because its frame was never shown counts 0 here (its offset above still counts it late).
    abs_p95_vs_presented: percentile(offsetsVsPresented.map(Math.abs), 95),
    on_first_presented_pct: offsetsVsPresented.length ? Math.round((offsetsVsPresented.filter((o) => Math.abs(o) < 17).length / offsetsVsPresented.length) * 1000) / 10 : null,
    // Of the cues not on the first presented frame: came after it (late_cue), the frame's stamp said
    // it was before the cue (stamp_short), shown before it (early), or neither (other).
    not_first_why: why,
    not_first_detail: detail,
    stamp_minus_drawn_all_p5: percentile(stampSpread, 5),
    stamp_minus_drawn_all_p95: percentile(stampSpread, 95),
    publisher_encode_ms_avg: publisher.encodeMs,
    publisher_frames: { drawn: publisher.drawn, captured: publisher.captured, encoded: publisher.encoded, sent: publisher.sent },
    busy_processes: BUSY,
    load_avg_1m: Math.round(os.loadavg()[0]! * 10) / 10,
    missing,
    unreadable,
    received_resolution: `${res.frameWidth}x${res.frameHeight}`,
    ice_pair: `${pair.local}->${pair.remote}`,
    cores: os.cpus().length,
  };
  console.log(`cue-sync: ${result.n} cues, offset p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, |offset| p95 ${result.abs_p95} ms; on the exact frame: ${result.exact_frame_pct}%; against the frames the viewer presented: |offset| p95 ${result.abs_p95_vs_presented} ms, ${result.on_first_presented_pct}% on the first`);
  console.log(JSON.stringify(result));
} finally {
  burn?.stop();
  await bench.close();
}
