/**
 * bench:replay's clip production: one clip per segment of the recorded show through the relay's
 * real clip routes (both shapes and the thumbnail in one niced ffmpeg per clip, the relay's queue),
 * and the floor on the same input: bare, un-niced ffmpeg with the relay's own arguments (both
 * shapes), and each shape alone with the same filters and encoder settings.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ShowClips, type Clip } from '../../common/replay/clips.js';
import { CLIP_AAC, CLIP_MP4, CLIP_X264, CROP_VERTICAL, cutArgs, FIT_WIDE } from '../../server/src/clips/clip-cutter.js';
import type { MediaBench } from '../helpers/media-bench.js';
import { relayCall } from '../helpers/relay-api.js';

export interface ClipRange {
  segmentNo: number;
  inSec: number;
  outSec: number;
}

const minutes = (clips: readonly ClipRange[]) => clips.reduce((s, c) => s + (c.outSec - c.inSec), 0) / 60;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A bound on cutting, per second of clip video (niced ffmpeg on a 2-core machine at load 15–20 took 20–25 s), plus a fixed margin. */
export const CUT_BOUND = { perVideoSec: 60, extraSec: 120 };

/**
 * Queues a cut of every segment's clip and waits until all are done (polling every 250 ms, bounded
 * by CUT_BOUND). Resolves with the clips and the cutting time, queue to last ready.
 */
export async function cutAllClips(bench: MediaBench, showId: string): Promise<{ clips: ClipRange[]; seconds: number; sPerMin: number }> {
  const call = <T>(method: string, url: string, body?: unknown) => relayCall<T>(bench.pub, bench.relay.studioKey, method, url, body);
  const list = async () => ShowClips.parse((await call<unknown>('GET', `/api/shows/${showId}/clips`)).body);
  const segments = (await list()).segments.filter((s) => s.video !== null);
  if (!segments.length) throw new Error('the recorded show has no segment with video to cut');
  const t0 = performance.now();
  const queued: Clip[] = [];
  for (const s of segments) {
    const r = await call<Clip>('POST', `/api/shows/${showId}/clips`, { segmentNo: s.segmentNo });
    if (r.status !== 202) throw new Error(`cut of segment ${s.segmentNo}: ${r.status} ${JSON.stringify(r.body)}`);
    queued.push(r.body);
  }
  const clips = queued.map((c) => ({ segmentNo: c.segmentNo, inSec: c.inSec, outSec: c.outSec }));
  const limitMs = (minutes(clips) * 60 * CUT_BOUND.perVideoSec + CUT_BOUND.extraSec) * 1000;
  let done: ShowClips['segments'] = [];
  while (performance.now() - t0 < limitMs) {
    done = (await list()).segments.filter((s) => s.clip && (s.clip.status === 'ready' || s.clip.status === 'failed'));
    if (done.length === queued.length) break;
    await sleep(250);
  }
  const seconds = (performance.now() - t0) / 1000;
  const failed = done.filter((s) => s.clip!.status === 'failed');
  if (done.length !== queued.length || failed.length) throw new Error(`clips not cut: ${queued.length - done.length} unfinished, ${failed.map((s) => JSON.stringify(s.clip!.error)).join(', ')}`);
  return { clips, seconds, sPerMin: seconds / minutes(clips) };
}

/** Seconds per minute of clip video of bare ffmpeg on `clips` of `source`: both shapes (the relay's arguments), 16:9 alone, 9:16 alone. */
export function clipFloor(source: string, clips: readonly ClipRange[]): { both: number; wide: number; vertical: number } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'replay-clip-floor-'));
  const out = (name: string) => path.join(tmp, name);
  const timed = (argsOf: (c: ClipRange) => string[]) => {
    const t0 = performance.now();
    for (const c of clips) execFileSync('ffmpeg', argsOf(c), { stdio: 'ignore' });
    return (performance.now() - t0) / 1000 / minutes(clips);
  };
  const input = (c: ClipRange) => ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-ss', c.inSec.toFixed(3), '-t', (c.outSec - c.inSec).toFixed(3), '-i', source];
  const oneShape = (filter: string, file: string) => (c: ClipRange) => [...input(c), '-vf', filter, '-map', '0:v', '-map', '0:a?', ...CLIP_X264, ...CLIP_AAC, ...CLIP_MP4, out(file)];
  try {
    return {
      both: timed((c) => cutArgs({ source, inSec: c.inSec, outSec: c.outSec, dir: tmp }, { wide: out('w.mp4'), vertical: out('v.mp4'), thumbnail: out('t.jpg') })),
      wide: timed(oneShape(FIT_WIDE, 'wide.mp4')),
      vertical: timed(oneShape(`${FIT_WIDE},${CROP_VERTICAL}`, 'vertical.mp4')),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
