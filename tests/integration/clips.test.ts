import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplayTimeline } from '../../common/replay/timeline.js';
import { ClipJobs } from '../../server/src/clips/clip-jobs.js';
import { ClipNumbersStore } from '../../server/src/clips/clip-numbers.js';
import { ClipService } from '../../server/src/clips/clip-service.js';
import { ClipStore } from '../../server/src/clips/clip-store.js';
import { openRelayDb, type Db } from '../../server/src/db/database.js';
import { sendFileRange } from '../../server/src/http/range-response.js';
import { createLogger } from '../../server/src/log.js';
import { replayFile, timelineFile } from '../../server/src/replay/replay-paths.js';
import { ShowStore } from '../../server/src/shows/show-store.js';

/** Real SQLite, real ffmpeg and ffprobe: a 40 s VP8+Opus replay made here, exactly where replay-paths says. */
const T0 = Date.UTC(2026, 11, 5, 6, 0, 0);
let dir: string;
let db: Db;
let showId: string;
const log = createLogger('error');

function makeReplay(file: string, sec: number) {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=30:duration=${sec}`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${sec}`, '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '1M', '-c:a', 'libopus', '-shortest', file]);
}
const probe = (file: string) => JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name,width,height', '-of', 'json', file], { encoding: 'utf8' })) as { format: { duration: string }; streams: { codec_name: string; width?: number; height?: number }[] };

function until<T>(fn: () => T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      const v = fn();
      if (v !== undefined) return resolve(v);
      if (Date.now() > end) return reject(new Error('timed out'));
      setTimeout(tick, 200);
    };
    tick();
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clips-'));
  db = openRelayDb(dir);
  const shows = new ShowStore(db);
  showId = shows.create('봄 니트 라이브', null).id;
  db.prepare("UPDATE shows SET status = 'ended', started_at = ?, ended_at = ? WHERE id = ?").run(new Date(T0).toISOString(), new Date(T0 + 60_000).toISOString(), showId);
  const seg = db.prepare('INSERT INTO show_segments (show_id, segment_id, title, started_at) VALUES (?, ?, ?, ?)');
  seg.run(showId, 'intro', '인사', new Date(T0 + 2_000).toISOString());
  seg.run(showId, 'coat', '캐시미어 코트', new Date(T0 + 17_000).toISOString());
  seg.run(showId, 'after', '마무리', new Date(T0 + 45_000).toISOString());
  db.prepare('INSERT INTO cue_firings (show_id, firing_id, fired_at, op, stage_version) VALUES (?, ?, ?, ?, 1)').run(showId, 'f1', new Date(T0 + 20_000).toISOString(), JSON.stringify({ op: 'pin', cards: [{ productId: 'coat', name: '코트', imageUrls: [] }] }));
  makeReplay(replayFile(dir, showId), 40);
  const timeline: ReplayTimeline = { version: 1, durationSec: 40, parts: [{ startSec: 0, durationSec: 40, wallStartMs: T0, frames: [] }] };
  writeFileSync(timelineFile(dir, showId), JSON.stringify(timeline));
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(concurrency = 1) {
  const store = new ClipStore(db);
  const jobs = new ClipJobs({ store, dataDir: dir, ffmpegBin: 'ffmpeg', concurrency, log });
  const service = new ClipService({ db, store, numbers: new ClipNumbersStore(db), jobs, dataDir: dir, baseUrl: () => 'http://127.0.0.1:1' });
  return { store, jobs, service };
}
const show = () => new ShowStore(db).get(showId)!;

describe('clips from a replay (real ffmpeg)', () => {
  it("cuts a segment into both shapes with the segment's duration and a thumbnail", async () => {
    const { store, jobs, service } = setup();
    jobs.start();
    const list = service.list(show());
    expect(list.segments.map((s) => s.video)).toEqual([{ inSec: 2, outSec: 17 }, { inSec: 17, outSec: 40 }, null]);
    expect(list.segments[1]!.productIds).toEqual(['coat']);
    const clip = service.cut(show(), { segmentNo: 2 });
    expect(clip).toMatchObject({ status: expect.stringMatching(/queued|cutting/), productId: 'coat', inSec: 17, outSec: 40 });
    const done = await until(() => {
      const r = store.get(clip.id)!;
      return r.status === 'ready' || r.status === 'failed' ? r : undefined;
    }, 100_000);
    expect(done.error_message).toBeNull();
    expect(done.status).toBe('ready');
    const base = path.join(dir, 'recordings', showId, 'clips', clip.id);
    const wide = probe(path.join(base, 'wide.mp4'));
    const vertical = probe(path.join(base, 'vertical.mp4'));
    expect(Math.abs(Number(wide.format.duration) - 23)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(Number(vertical.format.duration) - 23)).toBeLessThanOrEqual(0.5);
    expect(wide.streams.find((s) => s.codec_name === 'h264')).toMatchObject({ width: 1280, height: 720 });
    expect(vertical.streams.find((s) => s.codec_name === 'h264')).toMatchObject({ width: 720, height: 1280 });
    expect(wide.streams.some((s) => s.codec_name === 'aac')).toBe(true);
    expect(probe(path.join(base, 'thumb.jpg')).streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 640 });
    await jobs.stop();
  }, 120_000);

  it('refuses a segment with no video, ranges outside the recording or the 10 s-2 min rule, and unknown segments', () => {
    const { service } = setup(0);
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as { code: string }).code;
      }
      return 'no error';
    };
    expect(code(() => service.cut(show(), { segmentNo: 3 }))).toBe('no_video');
    expect(code(() => service.cut(show(), { segmentNo: 1, inSec: 35, outSec: 50 }))).toBe('clip_range');
    expect(code(() => service.cut(show(), { segmentNo: 1, inSec: 0, outSec: 5 }))).toBe('clip_range');
    expect(code(() => service.cut(show(), { segmentNo: 99 }))).toBe('not_found');
    return expect(service.remove(show(), '../../etc')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('resumes a queued and an interrupted cut after a restart', async () => {
    const first = setup(0);
    const a = first.service.cut(show(), { segmentNo: 1 });
    db.prepare("UPDATE clips SET status = 'cutting', progress = 0.4 WHERE id = ?").run(a.id);
    const { store, jobs } = setup(1);
    jobs.start();
    const done = await until(() => (store.get(a.id)!.status === 'ready' ? store.get(a.id) : undefined), 100_000);
    expect(done!.progress).toBe(1);
    await jobs.stop();
  }, 120_000);

  it('serves a clip file with 206 for a range and 416 past the end', async () => {
    const { store } = setup(0);
    const row = store.ofShow(showId).find((c) => c.status === 'ready')!;
    const file = path.join(dir, 'recordings', showId, 'clips', row.id, 'wide.mp4');
    const server: Server = createServer((req, res) => void sendFileRange(req, res, file, 'video/mp4'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const part = await fetch(url, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const size = Number(/\/(\d+)$/.exec(part.headers.get('content-range')!)![1]);
    const beyond = await fetch(url, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${size}`);
    await beyond.text();
    server.close();
  });
});
