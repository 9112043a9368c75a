import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';

const execFileAsync = promisify(execFile);

/**
 * How a camera show's VP8 WebM replay is re-encoded into the MP4 rendition (docs/replay.md, "MP4
 * rendition"): H.264 High (libx264 veryfast, CRF 23, yuv420p) + AAC-LC, the index first
 * (+faststart) so a phone starts playing before it has the whole file.
 */

/** The rendition fits in 1280×720 (720×1280 upright): a phone's fallback, and H.264 level 3.1 (avc1.64001F) holds it at 30 fps. */
const LONG_SIDE = 1280;
const SHORT_SIDE = 720;
/** A keyframe every 2 s of the video's own time: seeking lands close, and a WebRTC recording's frame rate varies. */
const KEYFRAME_SEC = 2;

export interface ProbedVideo {
  width: number;
  height: number;
  durationSec: number;
}

const Probe = z.object({
  streams: z.array(z.object({ width: z.number().int().positive().max(16_384), height: z.number().int().positive().max(16_384) })).min(1),
  format: z.object({ duration: z.coerce.number().finite().positive() }),
});

/** The first video stream's size and the file's duration (ffprobe, checked with a schema); throws when there is none. */
export async function probeVideo(ffprobeBin: string, file: string): Promise<ProbedVideo> {
  const { stdout } = await execFileAsync(ffprobeBin, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height:format=duration', '-of', 'json', file], { maxBuffer: 1 << 20 });
  const parsed = Probe.safeParse(JSON.parse(stdout));
  if (!parsed.success) throw new Error(`ffprobe found no video with a size and a duration in ${file.split('/').pop()}`);
  const s = parsed.data.streams[0]!;
  return { width: s.width, height: s.height, durationSec: parsed.data.format.duration };
}

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/**
 * The output size: the first frame's shape fitted into the box (never enlarged), even sides. Fixed
 * for the whole file because a WebRTC recording changes resolution as its encoder adapts, and
 * libx264 cannot: later frames are fitted into it, letterboxed, never stretched.
 */
export function renditionSize(width: number, height: number): { width: number; height: number } {
  const [boxW, boxH] = width >= height ? [LONG_SIDE, SHORT_SIDE] : [SHORT_SIDE, LONG_SIDE];
  const f = Math.min(1, boxW / width, boxH / height);
  return { width: even(width * f), height: even(height * f) };
}

export function renditionArgs(source: string, out: string, probe: ProbedVideo): string[] {
  const { width: w, height: h } = renditionSize(probe.width, probe.height);
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-y',
    '-progress', 'pipe:1',
    '-i', source,
    '-map', '0:v:0', '-map', '0:a:0?',
    '-vf', `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1`,
    // Frames keep their own times (a WebRTC recording's rate varies): no duplicated frames to encode.
    '-fps_mode', 'vfr',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
    '-force_key_frames', `expr:gte(t,n_forced*${KEYFRAME_SEC})`,
    '-c:a', 'aac', '-b:a', '128k', '-ac', '2',
    '-movflags', '+faststart', '-f', 'mp4',
    out,
  ];
}
