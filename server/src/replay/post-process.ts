import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReplayPart, ReplayTimeline } from '../../../common/replay/timeline.js';
import { stripIvfStamps } from './ivf-stamps.js';
import { listRawParts, type RawPart } from './raw-parts.js';
import { rawDir, recordingDir, replayFile, timelineFile } from './replay-paths.js';

/**
 * Janus's raw parts → replay.webm + timeline.json, without re-encoding video (docs/replay.md):
 * per part `janus-pp-rec` (VP8 → WebM, Opus → .opus), `ffmpeg -c:v copy -f ivf`, the studio's
 * stamp trailers stripped (stripIvfStamps, which also gives the timeline's frames), IVF + Opus
 * remuxed to WebM with `-c copy`; then the parts concatenated with `-c copy`. Runs inside the
 * post-processing child (post-process-child.ts), never in the relay's event loop.
 */
export interface PostProcessTools {
  janusPpRec: string;
  ffmpeg: string;
  ffprobe: string;
}

export interface PostProcessResult {
  parts: number;
  bytes: number;
  durationMs: number;
}

export class PostProcessError extends Error {}

function run(bin: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('error', (e) => reject(new PostProcessError(`${path.basename(bin)} could not start: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new PostProcessError(`${path.basename(bin)} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`))));
  });
}

async function durationSec(tools: PostProcessTools, file: string): Promise<number> {
  const out = await run(tools.ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  const d = Number(out.trim());
  if (!Number.isFinite(d) || d < 0) throw new PostProcessError(`ffprobe gave no duration for ${path.basename(file)}`);
  return d;
}

/** One raw part → part-N.webm in `work`; returns its frames relative to the part's start (seconds). */
async function processPart(tools: PostProcessTools, part: RawPart, work: string, n: number): Promise<{ file: string; frames: [number, number][] }> {
  const video = path.join(work, `p${n}-video.webm`);
  await run(tools.janusPpRec, [part.video!, video]);
  const ivf = path.join(work, `p${n}.ivf`);
  await run(tools.ffmpeg, ['-v', 'error', '-y', '-i', video, '-an', '-c:v', 'copy', '-f', 'ivf', ivf]);
  const stripped = stripIvfStamps(await readFile(ivf));
  await writeFile(ivf, stripped.ivf);
  const tick = stripped.timebase.num / stripped.timebase.den;
  const firstPts = stripped.frames[0]?.[0] ?? 0;
  const frames = stripped.frames.map(([pts, captureMs]): [number, number] => [(pts - firstPts) * tick, captureMs]);
  const out = path.join(work, `part-${n}.webm`);
  const args = ['-v', 'error', '-y', '-i', ivf];
  if (part.audio) {
    const audio = path.join(work, `p${n}-audio.opus`);
    await run(tools.janusPpRec, [part.audio, audio]);
    // Janus starts each track's file at its own first packet: audio that starts later is delayed by
    // the difference, audio that starts earlier loses its lead (whole Opus packets, still no re-encode).
    const lagSec = ((part.audioStartMs ?? 0) - (part.videoStartMs ?? 0)) / 1000;
    const align = lagSec >= 0 ? ['-itsoffset', lagSec.toFixed(3)] : ['-ss', (-lagSec).toFixed(3)];
    args.push(...align, '-i', audio, '-map', '0:v', '-map', '1:a');
  }
  await run(tools.ffmpeg, [...args, '-c', 'copy', '-f', 'webm', out]);
  return { file: out, frames };
}

/**
 * Processing writes about three times the raw size at its peak (janus-pp-rec's output, the IVF, the
 * part WebM, the replay). Checked first because janus-pp-rec exits 0 on a full disk with a broken
 * file, which would fail later with a misleading "invalid data".
 */
async function checkSpace(dir: string, parts: RawPart[]): Promise<void> {
  let rawBytes = 0;
  for (const p of parts) for (const f of [p.video, p.audio]) if (f) rawBytes += (await stat(f)).size;
  const fs = await statfs(dir);
  const free = fs.bavail * fs.bsize;
  const mb = (n: number) => `${Math.ceil(n / 1e6)} MB`;
  if (free < rawBytes * 3) throw new PostProcessError(`not enough disk space to process the recording: about ${mb(rawBytes * 3)} needed, ${mb(free)} free; the raw parts are kept`);
}

export async function postProcess(dataDir: string, showId: string, tools: PostProcessTools, progress: (p: number) => void): Promise<PostProcessResult> {
  const all = await listRawParts(rawDir(dataDir, showId));
  if (!all.length) throw new PostProcessError('nothing was recorded (no video part with packets)');
  // OBS's H.264 parts are not replayable yet (WebM is VP8): a show that switched modes keeps its
  // camera parts, the OBS stretch is a gap (the timeline's wall clock says where). Raw stays on disk.
  const raw = all.filter((p) => p.videoCodec === 'vp8');
  if (!raw.length) throw new PostProcessError(`no replayable part: ${all[0]!.videoCodec ?? 'unknown'} video (OBS mode) is not made into a replay yet, only the studio camera's VP8`);
  await checkSpace(recordingDir(dataDir, showId), raw);
  const work = path.join(recordingDir(dataDir, showId), 'work');
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const parts: ReplayPart[] = [];
  const files: string[] = [];
  let at = 0;
  for (const [i, p] of raw.entries()) {
    const { file, frames } = await processPart(tools, p, work, i);
    const partSec = await durationSec(tools, file);
    parts.push({ startSec: at, durationSec: partSec, wallStartMs: p.videoStartMs!, frames: frames.map(([s, c]) => [at + s, c]) });
    files.push(file);
    at += partSec;
    progress(((i + 1) / raw.length) * 0.9);
  }
  const list = path.join(work, 'parts.txt');
  await writeFile(list, files.map((f) => `file '${f.replace(/'/g, "'\\''")}'\n`).join(''));
  // Written aside and renamed: a replay being served is never half-written.
  const tmp = path.join(work, 'replay.webm');
  await run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-f', 'webm', tmp]);
  const total = await durationSec(tools, tmp);
  const timeline: ReplayTimeline = { version: 1, durationSec: total, parts };
  await writeFile(path.join(work, 'timeline.json'), JSON.stringify(timeline));
  await rename(tmp, replayFile(dataDir, showId));
  await rename(path.join(work, 'timeline.json'), timelineFile(dataDir, showId));
  const bytes = (await stat(replayFile(dataDir, showId))).size;
  await rm(work, { recursive: true, force: true });
  progress(1);
  return { parts: parts.length, bytes, durationMs: Math.round(total * 1000) };
}
