import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FfmpegError, NicedFfmpeg } from './niced-ffmpeg.js';

/** Linux's SCHED_IDLE (sched.h). */
const SCHED_IDLE = 5;

/** nice and policy of a process from its /proc/<pid>/stat line (fields 19 and 41, counted after the name). */
function schedOf(statLine: string): { nice: number; policy: number } {
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).trim().split(' ');
  // fields[0] is field 3 (state).
  return { nice: Number(fields[19 - 3]), policy: Number(fields[41 - 3]) };
}

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('NicedFfmpeg: background encodes run at the lowest priority', () => {
  it('runs its child under SCHED_IDLE and the given nice level (the child is a shell standing in for ffmpeg)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'niced-'));
    const out = path.join(dir, 'stat');
    await new NicedFfmpeg('/bin/sh', 13).run(['-c', `cat /proc/self/stat > ${out}`], 1, () => undefined);
    expect(schedOf(readFileSync(out, 'utf8'))).toEqual({ nice: 13, policy: SCHED_IDLE });
  });

  it('reports progress from out_time_us lines and a failing child as ffmpeg_failed with its last words', async () => {
    const seen: number[] = [];
    await new NicedFfmpeg('/bin/sh').run(['-c', 'echo out_time_us=500000; echo out_time_us=2000000'], 1, (f) => seen.push(f));
    expect(seen).toEqual([0.5, 0.99]);
    const failed = await new NicedFfmpeg('/bin/sh').run(['-c', 'echo broken input >&2; exit 3'], 1, () => undefined).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(FfmpegError);
    expect((failed as FfmpegError).code).toBe('ffmpeg_failed');
    expect((failed as FfmpegError).message).toContain('broken input');
  });

  it('kills a cancelled child and says cancelled', async () => {
    const ffmpeg = new NicedFfmpeg('/bin/sh');
    const running = ffmpeg.run(['-c', 'sleep 30'], 1, () => undefined).catch((e: unknown) => e);
    ffmpeg.cancel();
    expect(((await running) as FfmpegError).code).toBe('cancelled');
  });
});
