import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CLIP_SIZE } from '../../../common/replay/clips.js';

/** A cut with no progress line for this long is stuck (a broken file, a hung encoder): killed. */
export const STALL_MS = 60_000;

export interface CutJob {
  source: string;
  inSec: number;
  outSec: number;
  /** The clip's directory; files appear there only when the whole cut succeeded. */
  dir: string;
}

export const CLIP_FILES = { wide: 'wide.mp4', vertical: 'vertical.mp4', thumbnail: 'thumb.jpg' } as const;

const W = CLIP_SIZE.wide;
const V = CLIP_SIZE.vertical;
/** The replay's frames fitted to 1280×720 (a WebRTC recording changes resolution as the encoder adapts; letterboxed, never stretched). */
export const FIT_WIDE = `scale=${W.width}:${W.height}:force_original_aspect_ratio=decrease,pad=${W.width}:${W.height}:(ow-iw)/2:(oh-ih)/2,setsar=1`;
/** From the fitted 16:9 frame: its 9:16 centre crop. */
export const CROP_VERTICAL = `crop=trunc(ih*9/16/2)*2:ih,scale=${V.width}:${V.height},setsar=1`;
/**
 * One decode, two encodes: the fitted frames are split into the 16:9 clip and the 9:16 crop.
 * H.264 High + AAC in MP4 with the index up front: plays on iPhone and Android.
 */
const FILTER = `[0:v]${FIT_WIDE},split=3[w][v][t];[v]${CROP_VERTICAL}[vv];[t]select='eq(n\\,15)',scale=640:-2[tt]`;

/**
 * Encoder settings of both shapes (bench:replay's floor runs the same ones). `-fps_mode vfr`: a
 * WebRTC recording's timestamps make ffmpeg guess 1000 fps, and MP4 output would otherwise repeat
 * every frame ~33 times to fill it (a 12 s clip took 82 s to cut instead of 3.6).
 */
export const CLIP_X264 = ['-fps_mode', 'vfr', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-g', '60'];
export const CLIP_AAC = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2'];
export const CLIP_MP4 = ['-movflags', '+faststart', '-f', 'mp4'];

export function cutArgs(job: CutJob, tmp: Record<keyof typeof CLIP_FILES, string>): string[] {
  const dur = (job.outSec - job.inSec).toFixed(3);
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-y',
    '-progress', 'pipe:1',
    // Input seeking: fast, and frame-accurate because the video is re-encoded.
    '-ss', job.inSec.toFixed(3), '-t', dur, '-i', job.source,
    '-filter_complex', FILTER,
    '-map', '[w]', '-map', '0:a?', ...CLIP_X264, ...CLIP_AAC, ...CLIP_MP4, tmp.wide,
    '-map', '[vv]', '-map', '0:a?', ...CLIP_X264, ...CLIP_AAC, ...CLIP_MP4, tmp.vertical,
    // Half a second in: the first frame is often a fade or a keyframe smear.
    '-map', '[tt]', '-frames:v', '1', '-q:v', '4', '-f', 'image2', tmp.thumbnail,
  ];
}

export class CutError extends Error {
  constructor(
    readonly code: 'ffmpeg_failed' | 'stalled' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}

/**
 * One cut in its own ffmpeg child, at low CPU priority (`nice`), so the relay's event loop and the
 * live shows' encoders keep the CPU. Progress comes from `-progress pipe:1` (out_time over the
 * clip's length). The outputs are written under temporary names and renamed into place only when
 * ffmpeg exits cleanly, so a clip's files are never half-written.
 */
export class ClipCut {
  private proc: ChildProcess | null = null;
  private cancelled = false;

  constructor(
    private readonly ffmpegBin: string,
    private readonly niceLevel = 10,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.proc?.kill('SIGKILL');
  }

  async run(job: CutJob, onProgress: (fraction: number) => void): Promise<void> {
    await mkdir(job.dir, { recursive: true });
    const tmp = { wide: path.join(job.dir, `.${CLIP_FILES.wide}.part`), vertical: path.join(job.dir, `.${CLIP_FILES.vertical}.part`), thumbnail: path.join(job.dir, `.part-${CLIP_FILES.thumbnail}`) };
    const durUs = (job.outSec - job.inSec) * 1e6;
    try {
      await new Promise<void>((resolve, reject) => {
        const proc = spawn('nice', ['-n', String(this.niceLevel), this.ffmpegBin, ...cutArgs(job, tmp)], { stdio: ['ignore', 'pipe', 'pipe'] });
        this.proc = proc;
        if (this.cancelled) proc.kill('SIGKILL');
        let stderr = '';
        let lastProgressAt = Date.now();
        const watchdog = setInterval(() => {
          if (Date.now() - lastProgressAt > STALL_MS) proc.kill('SIGKILL');
        }, 5000);
        watchdog.unref();
        let pending = '';
        proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          lastProgressAt = Date.now();
          pending += chunk;
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) {
            const m = /^out_time_us=(\d+)/.exec(line);
            if (m && durUs > 0) onProgress(Math.min(0.99, Number(m[1]) / durUs));
          }
        });
        proc.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-2000)));
        proc.on('error', (e) => {
          clearInterval(watchdog);
          reject(new CutError('ffmpeg_failed', `ffmpeg could not start: ${e.message}`));
        });
        proc.on('close', (code, signal) => {
          clearInterval(watchdog);
          this.proc = null;
          if (this.cancelled) return reject(new CutError('cancelled', 'the cut was cancelled'));
          if (signal === 'SIGKILL') return reject(new CutError('stalled', `ffmpeg made no progress for ${STALL_MS / 1000} s`));
          if (code !== 0) return reject(new CutError('ffmpeg_failed', `ffmpeg exited with ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
          resolve();
        });
      });
      for (const k of Object.keys(CLIP_FILES) as (keyof typeof CLIP_FILES)[]) await rename(tmp[k], path.join(job.dir, CLIP_FILES[k]));
      onProgress(1);
    } finally {
      await Promise.all(Object.values(tmp).map((f) => rm(f, { force: true })));
    }
  }
}
