import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { Mp4Renditions } from './mp4-renditions.js';
import { renditionFailedFile, renditionFile, renditionWorkDir, replayFileIn } from './replay-paths.js';

/**
 * The rendition queue with stand-in ffmpeg/ffprobe scripts (no media work): what each outcome
 * leaves on disk and reports. The real encode is tested in tests/integration/replay-mp4.test.ts.
 * The fake ffmpeg writes its output (the last argument), then does what $FAKE_MODE names:
 * `ok` exits 0, `fail` exits 1, `hang` waits until killed.
 */
let dir = '';
let dataDir = '';
let fakeFfmpeg = '';
let fakeFfprobe = '';
let queue: Mp4Renditions | null = null;

function script(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

function replay(showId: string, container: 'webm' | 'mp4' = 'webm'): void {
  mkdirSync(path.dirname(replayFileIn(dataDir, showId, container)), { recursive: true });
  writeFileSync(replayFileIn(dataDir, showId, container), 'a replay');
}

function renditions(mode: 'ok' | 'fail' | 'hang', ready: string[] = []): Mp4Renditions {
  process.env.FAKE_MODE = mode;
  queue = new Mp4Renditions({ dataDir, ffmpegBin: fakeFfmpeg, ffprobeBin: fakeFfprobe, concurrency: 1, readyShows: () => ready, log: createLogger('error') });
  return queue;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lc-renditions-'));
  dataDir = path.join(dir, 'data');
  fakeFfmpeg = script(
    'ffmpeg',
    `for a in "$@"; do out=$a; done
printf 'half an mp4' > "$out"
echo "out_time_us=1000000"
case "$FAKE_MODE" in ok) exit 0 ;; fail) echo 'Invalid data found when processing input' >&2; exit 1 ;; *) exec sleep 30 ;; esac`,
  );
  fakeFfprobe = script('ffprobe', `echo '{"streams":[{"width":640,"height":360}],"format":{"duration":"4.000"}}'`);
});
afterEach(async () => {
  await queue?.stop();
  queue = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('Mp4Renditions', () => {
  it('encodes a WebM replay into its own work directory, renames it into place, and reports each state', async () => {
    replay('a');
    replay('b');
    const q = renditions('ok');
    expect(q.stateOf('a')).toEqual({ state: 'none', progress: 0, error: null });
    expect(q.want('a')).toBe(true);
    expect(q.want('b')).toBe(true);
    expect(q.want('a')).toBe(false); // already there
    expect(q.stateOf('a').state).toBe('encoding');
    expect(q.stateOf('b').state).toBe('queued'); // one at a time
    await until(() => q.stateOf('b').state === 'ready');
    expect(q.stateOf('a')).toEqual({ state: 'ready', progress: 1, error: null });
    expect(readFileSync(renditionFile(dataDir, 'a'), 'utf8')).toBe('half an mp4');
    expect(q.fileOf('a')).toBe(renditionFile(dataDir, 'a'));
    expect(existsSync(renditionWorkDir(dataDir, 'a'))).toBe(false);
    expect(q.want('a')).toBe(false); // made: not made again
  });

  it('never exposes the file while ffmpeg writes it; a discard stops it and leaves nothing', async () => {
    replay('a');
    const q = renditions('hang');
    q.want('a');
    const work = renditionWorkDir(dataDir, 'a');
    await until(() => existsSync(work) && readdirSync(work).length === 1);
    await until(() => q.stateOf('a').progress > 0);
    expect(q.stateOf('a')).toEqual({ state: 'encoding', progress: 0.25, error: null }); // 1 s of 4
    expect(q.fileOf('a')).toBeNull();
    expect(existsSync(renditionFile(dataDir, 'a'))).toBe(false);
    await q.discard('a');
    expect(q.active).toBe(0);
    expect(existsSync(work)).toBe(false);
    expect(existsSync(renditionFile(dataDir, 'a'))).toBe(false);
    expect(existsSync(renditionFailedFile(dataDir, 'a'))).toBe(false);
    expect(q.stateOf('a').state).toBe('none');
  });

  it('a stopped encode leaves no failure note, so the next start queues it again; a failure is kept and not retried', async () => {
    replay('a');
    replay('obs', 'mp4');
    const q = renditions('hang', ['a', 'obs']);
    q.start();
    expect(q.stateOf('a').state).toBe('encoding');
    expect(q.stateOf('obs').state).toBe('none'); // an OBS replay is MP4 already
    await q.stop();
    expect(existsSync(renditionFailedFile(dataDir, 'a'))).toBe(false);

    const again = renditions('fail', ['a', 'obs']);
    again.start();
    await until(() => again.stateOf('a').state === 'failed');
    expect(again.stateOf('a').error).toContain('Invalid data found');
    expect(existsSync(renditionFile(dataDir, 'a'))).toBe(false);
    expect(again.want('a')).toBe(false);
    await again.stop();
    const third = renditions('ok', ['a']);
    third.start();
    expect(third.stateOf('a').state).toBe('failed');
    // Deleting (or processing the recording again) clears the note: the next replay gets a rendition.
    await third.discard('a');
    expect(third.want('a')).toBe(true);
  });

  it('makes a failed rendition again when asked (remake), and only a failed one', async () => {
    replay('a');
    replay('obs', 'mp4');
    const failing = renditions('fail', ['a']);
    failing.start();
    await until(() => failing.stateOf('a').state === 'failed');
    await failing.stop();
    const q = renditions('hang');
    expect(q.stateOf('a').state).toBe('failed');
    expect(q.remake('obs')).toBe('not_failed'); // an OBS replay needs none
    expect(q.remake('a')).toBe('queued');
    expect(existsSync(renditionFailedFile(dataDir, 'a'))).toBe(false);
    expect(q.stateOf('a').state).toBe('encoding');
    expect(q.remake('a')).toBe('not_failed'); // already running: not queued twice
    await q.stop();
    expect(q.remake('a')).toBe('off');
  });

  it('makes none when turned off (concurrency 0), and a failure note left from before stays', () => {
    replay('a');
    mkdirSync(path.dirname(renditionFailedFile(dataDir, 'a')), { recursive: true });
    writeFileSync(renditionFailedFile(dataDir, 'a'), 'an earlier failure');
    queue = new Mp4Renditions({ dataDir, ffmpegBin: fakeFfmpeg, ffprobeBin: fakeFfprobe, concurrency: 0, readyShows: () => ['a'], log: createLogger('error') });
    queue.start();
    expect(queue.stateOf('a').state).toBe('failed');
    expect(queue.remake('a')).toBe('off');
    expect(existsSync(renditionFailedFile(dataDir, 'a'))).toBe(true);
  });
});
