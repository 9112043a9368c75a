import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { CLIP_SIZE } from '../../../common/replay/clips.js';
import { NicedFfmpeg } from '../media/niced-ffmpeg.js';

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

/**
 * One cut (NicedFfmpeg: its own `nice`d ffmpeg child with progress and a stall watchdog). The
 * outputs are written under temporary names and renamed into place only when ffmpeg exits cleanly,
 * so a clip's files are never half-written.
 */
export class ClipCut {
  private readonly ffmpeg: NicedFfmpeg;

  constructor(ffmpegBin: string) {
    this.ffmpeg = new NicedFfmpeg(ffmpegBin);
  }

  cancel(): void {
    this.ffmpeg.cancel();
  }

  async run(job: CutJob, onProgress: (fraction: number) => void): Promise<void> {
    await mkdir(job.dir, { recursive: true });
    const tmp = { wide: path.join(job.dir, `.${CLIP_FILES.wide}.part`), vertical: path.join(job.dir, `.${CLIP_FILES.vertical}.part`), thumbnail: path.join(job.dir, `.part-${CLIP_FILES.thumbnail}`) };
    try {
      await this.ffmpeg.run(cutArgs(job, tmp), job.outSec - job.inSec, onProgress);
      for (const k of Object.keys(CLIP_FILES) as (keyof typeof CLIP_FILES)[]) await rename(tmp[k], path.join(job.dir, CLIP_FILES[k]));
      onProgress(1);
    } finally {
      await Promise.all(Object.values(tmp).map((f) => rm(f, { force: true })));
    }
  }
}
