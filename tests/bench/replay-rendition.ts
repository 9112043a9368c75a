/**
 * bench:replay's MP4 rendition floor: the relay's own rendition arguments (renditionArgs) run by a
 * bare ffmpeg at normal priority on the same replay file, with nothing around it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { probeVideo, renditionArgs } from '../../server/src/replay/mp4-rendition.js';

/** Seconds the bare encode took. */
export async function bareRendition(source: string): Promise<number> {
  const probe = await probeVideo('ffprobe', source);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'rendition-floor-'));
  try {
    const t0 = performance.now();
    execFileSync('ffmpeg', renditionArgs(source, path.join(tmp, 'out.mp4'), probe), { stdio: 'ignore' });
    return (performance.now() - t0) / 1000;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
