import { spawn } from 'node:child_process';
import { mkdir, readFile, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReplayPart, ReplayTimeline } from '../../../common/replay/timeline.js';
import { stripIvfStamps } from './ivf-stamps.js';
import { listRawParts, type RawPart } from './raw-parts.js';
import { REPLAY_CONTAINERS, type ReplayContainer } from '../../../common/replay/replay-view.js';
import { rawDir, recordingDir, replayFileIn, timelineFile } from './replay-paths.js';

/**
 * Janus's raw parts → replay.webm (camera) or replay.mp4 (OBS) + timeline.json, without
 * re-encoding video (docs/replay.md). Camera parts: per part `janus-pp-rec` (VP8 → WebM, Opus → .opus), `ffmpeg -c:v copy -f ivf`, the studio's
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

/** Where the video stream begins in a file (seconds): after any audio lead (audioArgs). */
async function videoStartSec(tools: PostProcessTools, file: string): Promise<number> {
  const out = await run(tools.ffprobe, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=start_time', '-of', 'csv=p=0', file]);
  const s = Number(out.trim());
  return Number.isFinite(s) && s > 0 ? s : 0;
}

async function durationSec(tools: PostProcessTools, file: string): Promise<number> {
  const out = await run(tools.ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  const d = Number(out.trim());
  if (!Number.isFinite(d) || d < 0) throw new PostProcessError(`ffprobe gave no duration for ${path.basename(file)}`);
  return d;
}

/** Audio inputs for a part's remux: Janus's Opus, shifted to the video's first packet. */
async function audioArgs(tools: PostProcessTools, part: RawPart, work: string, n: number): Promise<string[]> {
  if (!part.audio) return [];
  const audio = path.join(work, `p${n}-audio.opus`);
  await run(tools.janusPpRec, [part.audio, audio]);
  // Janus starts each track's file at its own first packet: audio that starts later is delayed by
  // the difference; audio that starts earlier keeps its lead (stream copy cannot cut it: its first
  // packets get negative times and the muxer shifts both streams), so the video then begins that
  // far into the part's file (postProcess reads where, videoStartSec).
  const lagSec = ((part.audioStartMs ?? 0) - (part.videoStartMs ?? 0)) / 1000;
  const align = lagSec >= 0 ? ['-itsoffset', lagSec.toFixed(3)] : ['-ss', (-lagSec).toFixed(3)];
  return [...align, '-i', audio, '-map', '0:v', '-map', '1:a'];
}

/** One camera (VP8) part → part-N.webm in `work`; returns its frames relative to the part's start (seconds). */
async function processVp8Part(tools: PostProcessTools, part: RawPart, work: string, n: number): Promise<{ file: string; frames: [number, number][] }> {
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
  await run(tools.ffmpeg, ['-v', 'error', '-y', '-i', ivf, ...(await audioArgs(tools, part, work, n)), '-c', 'copy', '-f', 'webm', out]);
  return { file: out, frames };
}

/**
 * One OBS (H.264) part → part-N.mp4: the video copied as OBS encoded it, Janus's Opus to AAC (the
 * audio every MP4 player has; audio only, cheap). OBS sends no capture stamps: no frames, so the
 * replay places cues by the relay's clock (replaySecAtWall).
 */
async function processH264Part(tools: PostProcessTools, part: RawPart, work: string, n: number): Promise<{ file: string; frames: [number, number][] }> {
  const video = path.join(work, `p${n}-video.mp4`);
  await run(tools.janusPpRec, [part.video!, video]);
  const out = path.join(work, `part-${n}.mp4`);
  const audio = await audioArgs(tools, part, work, n);
  await run(tools.ffmpeg, ['-v', 'error', '-y', '-i', video, ...audio, '-c:v', 'copy', ...(audio.length ? ['-c:a', 'aac', '-b:a', '128k'] : []), '-f', 'mp4', out]);
  return { file: out, frames: [] };
}

/**
 * Which parts make the replay, without re-encoding video: the camera's VP8 parts (WebM) when there
 * are any, else OBS's H.264 parts (MP4). A show that switched between the camera and OBS keeps its
 * camera stretches; the OBS stretch is a gap (the timeline's wall clock says where).
 */
export function replayablePlan(all: RawPart[]): { container: ReplayContainer; parts: RawPart[] } | null {
  const vp8 = all.filter((p) => p.videoCodec === 'vp8');
  if (vp8.length) return { container: 'webm', parts: vp8 };
  const h264 = all.filter((p) => p.videoCodec === 'h264');
  return h264.length ? { container: 'mp4', parts: h264 } : null;
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
  const plan = replayablePlan(all);
  if (!plan) throw new PostProcessError(`no replayable part: ${all[0]!.videoCodec ?? 'unknown'} video (only the camera's VP8 and OBS's H.264 are made into a replay)`);
  const raw = plan.parts;
  const processPart = plan.container === 'webm' ? processVp8Part : processH264Part;
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
    // The frames count from the first video frame; the part's file may begin earlier, with audio.
    const lead = await videoStartSec(tools, file);
    parts.push({ startSec: at, durationSec: partSec, wallStartMs: p.videoStartMs! - lead * 1000, frames: frames.map(([s, c]) => [at + lead + s, c]) });
    files.push(file);
    at += partSec;
    progress(((i + 1) / raw.length) * 0.9);
  }
  const list = path.join(work, 'parts.txt');
  await writeFile(list, files.map((f) => `file '${f.replace(/'/g, "'\\''")}'\n`).join(''));
  // Written aside and renamed: a replay being served is never half-written.
  const tmp = path.join(work, REPLAY_CONTAINERS[plan.container].file);
  const container = plan.container === 'webm' ? ['-f', 'webm'] : ['-movflags', '+faststart', '-f', 'mp4'];
  await run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', ...container, tmp]);
  const total = await durationSec(tools, tmp);
  const timeline: ReplayTimeline = { version: 1, durationSec: total, parts };
  await writeFile(path.join(work, 'timeline.json'), JSON.stringify(timeline));
  const final = replayFileIn(dataDir, showId, plan.container);
  // The other container's file from an earlier processing must not shadow this one.
  await rm(replayFileIn(dataDir, showId, plan.container === 'webm' ? 'mp4' : 'webm'), { force: true });
  await rename(tmp, final);
  await rename(path.join(work, 'timeline.json'), timelineFile(dataDir, showId));
  const bytes = (await stat(final)).size;
  await rm(work, { recursive: true, force: true });
  progress(1);
  return { parts: parts.length, bytes, durationMs: Math.round(total * 1000) };
}
