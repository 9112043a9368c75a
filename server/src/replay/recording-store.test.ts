import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../common/migrations.js';
import { relayMigrations } from '../db/migrations.js';
import { ShowStore } from '../shows/show-store.js';
import { NO_RENDITION } from '../../../common/replay/replay-view.js';
import { RecordingStore } from './recording-store.js';

function stores() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, relayMigrations);
  return { shows: new ShowStore(db), rec: new RecordingStore(db) };
}

describe('RecordingStore', () => {
  it('records real shows unless turned off, rehearsals only when turned on', () => {
    const { shows, rec } = stores();
    const show = shows.create('봄 라이브', null);
    const rehearsal = shows.createRehearsal(show.id);
    expect(rec.shouldRecord(show)).toBe(true);
    expect(rec.shouldRecord(rehearsal)).toBe(false);
    rec.setRecord(show.id, false);
    rec.setRecord(rehearsal.id, true);
    expect(rec.shouldRecord(show)).toBe(false);
    expect(rec.shouldRecord(rehearsal)).toBe(true);
    expect(rec.view(show, NO_RENDITION)).toMatchObject({ record: false, status: null, parts: 0, rendition: NO_RENDITION });
  });

  it('recording → processing → ready; only a failed one is retried; leftovers are processing rows and recordings of ended shows', () => {
    const { shows, rec } = stores();
    const ended = shows.create('끝난 방송', null);
    const live = shows.create('방송 중', null);
    const processing = shows.create('처리 중', null);
    for (const s of [ended, live, processing]) {
      shows.start(s.id);
      rec.markRecording(s.id);
    }
    shows.end(ended.id);
    shows.end(processing.id);
    expect(rec.markProcessing(processing.id)).toBe(true);
    expect(rec.leftovers().sort()).toEqual([ended.id, processing.id].sort());

    expect(rec.markProcessing(processing.id, true)).toBe(false);
    rec.ready(processing.id, { parts: 2, bytes: 1000, durationMs: 5000 });
    expect(rec.get(processing.id)).toMatchObject({ status: 'ready', progress: 1, parts: 2, bytes: 1000, duration_ms: 5000 });
    // The shows the MP4 renditions are looked for in at start: ready ones only.
    expect(rec.readyShows()).toEqual([processing.id]);
    // A ready recording is not taken back to recording (a show that ended does not go live again).
    rec.markRecording(processing.id);
    expect(rec.get(processing.id)!.status).toBe('ready');

    expect(rec.markProcessing(ended.id)).toBe(true);
    rec.failed(ended.id, 'not enough disk space');
    expect(rec.markProcessing(ended.id)).toBe(false);
    expect(rec.markProcessing(ended.id, true)).toBe(true);
    expect(rec.get(ended.id)).toMatchObject({ status: 'processing', error: null });
    expect(shows.get(live.id)!.status).toBe('live');
    expect(rec.leftovers()).toEqual([ended.id]);
  });
});
