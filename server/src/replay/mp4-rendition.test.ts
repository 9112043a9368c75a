import { describe, expect, it } from 'vitest';
import { renditionArgs, renditionSize } from './mp4-rendition.js';

describe('the MP4 rendition encode', () => {
  it('fits the first frame into 1280×720 (720×1280 upright), never enlarges, keeps even sides', () => {
    expect(renditionSize(1920, 1080)).toEqual({ width: 1280, height: 720 });
    expect(renditionSize(1080, 1920)).toEqual({ width: 720, height: 1280 });
    expect(renditionSize(640, 360)).toEqual({ width: 640, height: 360 });
    expect(renditionSize(641, 361)).toEqual({ width: 642, height: 362 });
    expect(renditionSize(2560, 1440)).toEqual({ width: 1280, height: 720 });
    // A 4:3 camera keeps its shape inside the box.
    expect(renditionSize(1440, 1080)).toEqual({ width: 960, height: 720 });
  });

  it('asks for H.264 High yuv420p + AAC with the index first, progress on stdout, and writes the output last', () => {
    const args = renditionArgs('/r/replay.webm', '/r/h264-work/1.mp4', { width: 1920, height: 1080, durationSec: 60 });
    const after = (flag: string) => args[args.indexOf(flag) + 1];
    expect(after('-c:v')).toBe('libx264');
    expect(after('-pix_fmt')).toBe('yuv420p');
    expect(after('-profile:v')).toBe('high');
    expect(after('-c:a')).toBe('aac');
    expect(after('-movflags')).toBe('+faststart');
    expect(after('-progress')).toBe('pipe:1');
    expect(after('-vf')).toContain('pad=1280:720');
    expect(args.at(-1)).toBe('/r/h264-work/1.mp4');
  });
});
