import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReplayTimeline } from '../../common/replay/timeline.js';
import { replayFile, timelineFile } from '../../server/src/replay/replay-paths.js';
import { sampleCatalog } from './commerce-api.js';
import type { relayApi } from './engagement-api.js';

const execFileAsync = promisify(execFile);

/**
 * A show's replay as the recording side leaves it (replay.webm + timeline.json + a `recordings`
 * row), made here with real ffmpeg until the recorder's own output is used: a VP8 + Opus WebM of
 * a test picture, one timeline part starting at `wallStartMs` (relay clock), unstamped frames.
 */
export async function writeReplayFixture(dataDir: string, showId: string, opts: { wallStartMs: number; durationSec: number }): Promise<{ file: string; bytes: number }> {
  const file = replayFile(dataDir, showId);
  mkdirSync(path.dirname(file), { recursive: true });
  const sec = opts.durationSec;
  // A keyframe every second keeps seeking exact enough for the player tests; small and quick to encode.
  // Not execFileSync: a test blocked for seconds misses its keep-alive sockets' closing and reuses a dead one.
  await execFileAsync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=640x360:rate=30:duration=${sec}`, '-f', 'lavfi', '-i', `sine=frequency=440:duration=${sec}`, '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '600k', '-g', '30', '-c:a', 'libopus', '-shortest', file]);
  const timeline: ReplayTimeline = { version: 1, durationSec: sec, parts: [{ startSec: 0, durationSec: sec, wallStartMs: opts.wallStartMs, frames: [] }] };
  writeFileSync(timelineFile(dataDir, showId), JSON.stringify(timeline));
  return { file, bytes: statSync(file).size };
}

/** Sets the show's recording row (and the seller's live-offers choice) in the running relay's database. */
export function setRecording(dataDir: string, showId: string, status: 'recording' | 'processing' | 'ready' | 'failed' | 'deleted', opts: { progress?: number; liveOffersInReplay?: boolean } = {}): void {
  const db = new Database(path.join(dataDir, 'relay.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    db.prepare(
      `INSERT INTO recordings (show_id, status, progress, started_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (show_id) DO UPDATE SET status = excluded.status, progress = excluded.progress, updated_at = excluded.updated_at`,
    ).run(showId, status, opts.progress ?? (status === 'ready' ? 1 : 0), now, now);
    if (opts.liveOffersInReplay !== undefined)
      db.prepare('INSERT INTO recording_settings (show_id, record, live_offers_in_replay) VALUES (?, 1, ?) ON CONFLICT (show_id) DO UPDATE SET live_offers_in_replay = excluded.live_offers_in_replay').run(showId, opts.liveOffersInReplay ? 1 : 0);
  } finally {
    db.close();
  }
}

/**
 * The live show the replay and clip tests record: the sample catalog, segments "인사" and
 * "티셔츠 소개", and the T-shirt pinned in the second (so that segment's clip has a Buy).
 */
export async function liveShowWithTeeSegment(api: ReturnType<typeof relayApi>): Promise<{ showId: string; token: string }> {
  const live = await api.liveShow('봄 니트 라이브', sampleCatalog());
  const showId = live.show.id;
  await api.call('POST', `/api/shows/${showId}/segment`, { segmentId: 'intro', title: '인사' });
  await api.call('POST', `/api/shows/${showId}/segment`, { segmentId: 'tee', title: '티셔츠 소개' });
  await api.fire(showId, { op: 'pin', cards: [{ productId: 'tee', name: '기본 티셔츠', imageUrls: [], currency: 'KRW', price: 20000, salePrice: 15000, stock: 10, externalUrl: null }] });
  return { showId, token: live.token };
}

/**
 * Moves segments' starts (relay wall clock) in the running relay's database. A test's show runs for
 * milliseconds; a clip needs a segment of 10 s or more, as a real show's would be.
 */
export function setSegmentStarts(dataDir: string, showId: string, startsMs: Record<string, number>): void {
  const db = new Database(path.join(dataDir, 'relay.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const move = db.prepare('UPDATE show_segments SET started_at = ? WHERE show_id = ? AND segment_id = ?');
    for (const [segmentId, ms] of Object.entries(startsMs)) if (move.run(new Date(ms).toISOString(), showId, segmentId).changes !== 1) throw new Error(`no segment ${segmentId} in show ${showId}`);
  } finally {
    db.close();
  }
}
