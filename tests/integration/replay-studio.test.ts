import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowRecording } from '../../common/api/recording-routes.js';
import type { RecordingDisk, StudioReplay } from '../../common/replay/replay-studio.js';
import type { ReplayInfo } from '../../common/replay/replay-view.js';
import { checkoutBody } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { liveShowWithTeeSegment, setRecording, writeReplayFixture } from '../helpers/replay-fixture.js';
import { clipsDir, rawDir, replayFile, timelineFile } from '../../server/src/replay/replay-paths.js';

/**
 * The studio's replay routes (docs/replay.md, "Studio") against a real relay (loopback, no media),
 * its SQLite file and an ffmpeg-made replay: the Replays screen's view, disk use, delete (and its
 * refusals), and views / buyers / revenue from the replay. Clip cutting is off (concurrency 0), so a
 * queued clip stays queued.
 */
let relay: RunningRelay;
const api = relayApi(() => relay);
let showId = '';
let token = '';
let replayBytes = 0;
const RAW_BYTES = 4096;
const CLIP_BYTES = 1000;

const studioReplay = async (id = showId) => api.call<StudioReplay>('GET', `/api/shows/${id}/replay`);
const del = (id = showId, key?: string | null) => api.call<ShowRecording & { error?: string }>('DELETE', `/api/shows/${id}/recording`, undefined, key);
const delRaw = (id = showId, key?: string | null) => api.call<ShowRecording & { error?: string }>('DELETE', `/api/shows/${id}/recording/raw`, undefined, key);
const view = (viewerId: string, body: unknown = { viewerId }) => api.watch<{ error?: string }>(token, 'POST', '/replay/views', body);
function sql(run: (db: Database.Database) => void): void {
  const db = new Database(path.join(relay.dataDir, 'relay.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    run(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  relay = await startRelay({ env: { RELAY_CLIP_CONCURRENCY: '0' } });
  ({ showId, token } = await liveShowWithTeeSegment(api));
}, 120_000);
afterAll(async () => {
  await relay?.stop();
});

describe('the studio replay routes', () => {
  it('need the studio key and a known show', async () => {
    for (const [method, p] of [
      ['GET', `/api/shows/${showId}/replay`],
      ['DELETE', `/api/shows/${showId}/recording`],
      ['DELETE', `/api/shows/${showId}/recording/raw`],
      ['GET', '/api/recordings/disk'],
    ] as const) {
      const r = await api.call<{ error: string }>(method, p, undefined, null);
      expect(r.status, `${method} ${p}`).toBe(401);
      expect(r.body.error).toBe('unauthorized');
      expect((await api.call<{ error: string }>(method, p, undefined, 'not-the-key')).status).toBe(401);
    }
    for (const r of [await studioReplay('shw_nosuchshow'), await del('shw_nosuchshow'), await delRaw('shw_nosuchshow')]) {
      expect(r.status).toBe(404);
      expect((r.body as unknown as { error: string }).error).toBe('not_found');
    }
  });

  it('refuses to delete while recording or processing, and when nothing was recorded', async () => {
    for (const none of [await del(), await delRaw()]) {
      expect(none.status).toBe(404);
      expect(none.body.error).toBe('not_found');
    }
    setRecording(relay.dataDir, showId, 'recording');
    mkdirSync(rawDir(relay.dataDir, showId), { recursive: true });
    writeFileSync(path.join(rawDir(relay.dataDir, showId), 'videoroom-1-user-2-video.mjr'), Buffer.alloc(RAW_BYTES));
    for (const recording of [await del(), await delRaw()]) {
      expect(recording.status).toBe(409);
      expect(recording.body.error).toBe('conflict');
    }
    expect(existsSync(rawDir(relay.dataDir, showId))).toBe(true);
    expect((await studioReplay()).body.recording.status).toBe('recording');
    expect((await api.call('POST', `/api/shows/${showId}/end`)).status).toBe(200);
    setRecording(relay.dataDir, showId, 'processing', { progress: 0.4 });
    const processing = await del();
    expect(processing.status).toBe(409);
    expect((await delRaw()).status).toBe(409); // processing reads them
    setRecording(relay.dataDir, showId, 'failed');
    expect((await delRaw()).body.error).toBe('conflict'); // processed again from them
    expect(existsSync(rawDir(relay.dataDir, showId))).toBe(true);
    setRecording(relay.dataDir, showId, 'processing', { progress: 0.4 });
    const seen = (await studioReplay()).body;
    expect(seen.recording).toMatchObject({ status: 'processing', progress: 0.4 });
    expect(seen.chapters).toEqual([]);
    // The replay is not playable yet: a view of it is no view.
    const viewerId = await api.viewer(token);
    const early = await view(viewerId);
    expect(early.status).toBe(404);
    expect(early.body.error).toBe('no_replay');
  });

  it('shows a ready replay: status, chapters, bytes on disk, the disk free space', async () => {
    const start = Date.parse((await api.call<{ startedAt: string }>('GET', `/api/shows/${showId}`)).body.startedAt);
    replayBytes = (await writeReplayFixture(relay.dataDir, showId, { wallStartMs: start - 1000, durationSec: 12 })).bytes;
    mkdirSync(rawDir(relay.dataDir, showId), { recursive: true });
    writeFileSync(path.join(rawDir(relay.dataDir, showId), 'videoroom-1-user-2-video.mjr'), Buffer.alloc(RAW_BYTES));
    mkdirSync(path.join(clipsDir(relay.dataDir, showId), 'clp_kept'), { recursive: true });
    writeFileSync(path.join(clipsDir(relay.dataDir, showId), 'clp_kept', 'thumb.jpg'), Buffer.alloc(CLIP_BYTES));
    setRecording(relay.dataDir, showId, 'ready');
    const r = await studioReplay();
    expect(r.status).toBe(200);
    expect(r.body.recording.status).toBe('ready');
    expect(r.body.durationSec).toBe(12);
    expect(r.body.disk.rawBytes).toBe(RAW_BYTES);
    expect(r.body.disk.clipBytes).toBe(CLIP_BYTES);
    expect(r.body.disk.replayBytes).toBeGreaterThanOrEqual(replayBytes); // + timeline.json
    expect(r.body.chapters.map((c) => [c.kind, c.title])).toEqual([
      ['segment', '인사'],
      ['segment', '티셔츠 소개'],
      ['product', '기본 티셔츠'],
    ]);
    // The Replays screen's clip list reads the same replay.
    const clips = await api.call<{ replay: boolean; segments: unknown[] }>('GET', `/api/shows/${showId}/clips`);
    expect(clips.body.replay, clips.text).toBe(true);
    const disk = await api.call<RecordingDisk>('GET', '/api/recordings/disk');
    expect(disk.status).toBe(200);
    expect(disk.body.freeBytes).toBeGreaterThan(0);
    expect(disk.body.totalBytes).toBeGreaterThanOrEqual(disk.body.freeBytes);
    expect(disk.body.shows).toEqual([{ showId, title: '봄 니트 라이브', status: 'ready', ...r.body.disk }]);
  });

  it('counts replay views once per device and sales from the replay', async () => {
    const a = await api.viewer(token);
    const b = await api.viewer(token);
    expect((await view(a)).status).toBe(204);
    expect((await view(a)).status).toBe(204); // the same device again
    expect((await view(b)).status).toBe(204);
    const forged = await view('made-up-device-id-0000');
    expect(forged.status).toBe(401);
    expect(forged.body.error).toBe('unknown_viewer');
    expect((await view(a, { viewerId: a, extra: 1 })).status).toBe(400);
    expect((await view(a, { viewerId: '../x' })).status).toBe(400);
    const order = await api.watch<{ id: string }>(token, 'POST', '/orders', checkoutBody(b, { expectedTotal: 18000 }));
    expect(order.status).toBe(201);
    expect((await studioReplay()).body.numbers).toEqual({ views: 2, orders: 1, buyers: 1, revenue: 18000, currency: 'KRW' });
    // A cancelled replay order no longer counts (the report's definition of a standing order).
    sql((db) => db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(order.body.id));
    expect((await studioReplay()).body.numbers).toMatchObject({ orders: 0, buyers: 0, revenue: 0 });
  });

  it("frees a ready replay's raw parts: the replay still plays, its disk line says 0, twice is the same", async () => {
    const r = await delRaw();
    expect(r.status, r.text).toBe(200);
    expect(r.body.status).toBe('ready');
    expect(existsSync(rawDir(relay.dataDir, showId))).toBe(false);
    expect(existsSync(replayFile(relay.dataDir, showId))).toBe(true);
    const after = (await studioReplay()).body;
    expect(after.disk).toMatchObject({ rawBytes: 0, clipBytes: CLIP_BYTES });
    expect(after.disk.replayBytes).toBeGreaterThanOrEqual(replayBytes);
    const info = await api.watch<ReplayInfo>(token, 'GET', '/replay');
    expect(info.status).toBe(200);
    expect(info.body.state).toBe('ready');
    expect((await fetch(`${relay.url}/api/watch/${token}/replay/video`, { headers: { range: 'bytes=0-99' } })).status).toBe(206);
    expect((await delRaw()).status).toBe(200);
    // Put back for the whole delete below, which removes raw parts too.
    mkdirSync(rawDir(relay.dataDir, showId), { recursive: true });
    writeFileSync(path.join(rawDir(relay.dataDir, showId), 'videoroom-1-user-2-video.mjr'), Buffer.alloc(RAW_BYTES));
  });

  it('does not delete while a clip is being cut from the replay', async () => {
    sql((db) =>
      db
        .prepare("INSERT INTO clips (id, show_id, segment_no, segment_id, in_sec, out_sec, token, status, created_at, updated_at) VALUES ('clp_busy0000', ?, 1, 'intro', 0, 10, 'tok_busy_0000000000', 'queued', 0, 0)")
        .run(showId),
    );
    const r = await del();
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('conflict');
    expect(existsSync(replayFile(relay.dataDir, showId))).toBe(true);
    sql((db) => db.prepare("DELETE FROM clips WHERE id = 'clp_busy0000'").run());
  });

  it('deletes the replay and raw parts (clips stay); the watch link says deleted; twice is the same', async () => {
    const r = await del();
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'deleted', bytes: 0 });
    expect(existsSync(replayFile(relay.dataDir, showId))).toBe(false);
    expect(existsSync(timelineFile(relay.dataDir, showId))).toBe(false);
    expect(existsSync(rawDir(relay.dataDir, showId))).toBe(false);
    expect(existsSync(path.join(clipsDir(relay.dataDir, showId), 'clp_kept', 'thumb.jpg'))).toBe(true);
    const after = (await studioReplay()).body;
    expect(after.recording.status).toBe('deleted');
    expect(after.disk).toEqual({ replayBytes: 0, rawBytes: 0, clipBytes: CLIP_BYTES });
    expect(after.chapters).toEqual([]);
    expect(after.numbers.views).toBe(2); // what the replay did stays on record

    expect((await api.watch<ReplayInfo>(token, 'GET', '/replay')).body).toEqual({ state: 'deleted' });
    const video = await fetch(`${relay.url}/api/watch/${token}/replay/video`);
    expect(video.status).toBe(404);
    expect(((await video.json()) as { error: string }).error).toBe('no_replay');
    const viewerId = await api.viewer(token);
    expect((await view(viewerId)).status).toBe(404);

    const again = await del();
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('deleted');
    // 다시 처리 is for a failed recording: a deleted one has no raw parts left.
    expect((await api.call<{ error: string }>('POST', `/api/shows/${showId}/recording/process`)).status).toBe(409);
  });
});
