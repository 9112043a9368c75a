import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { StudioKeys } from '../auth/studio-keys.js';
import { openRelayDb, type Db } from '../db/database.js';
import { ShowStore, ShowTransitionError } from './show-store.js';
import { WatchLinks } from './watch-links.js';

let db: Db;
beforeEach(() => {
  db = openRelayDb(mkdtempSync(path.join(os.tmpdir(), 'shows-')));
});

describe('ShowStore', () => {
  it('moves scheduled → live → ended and never back', () => {
    const store = new ShowStore(db);
    const show = store.create('봄 신상 라이브', '2026-12-01T02:00:00.000Z');
    expect(show).toMatchObject({ status: 'scheduled', title: '봄 신상 라이브', scheduledAt: '2026-12-01T02:00:00.000Z' });
    expect(store.start(show.id).status).toBe('live');
    expect(store.end(show.id)).toMatchObject({ status: 'ended' });
    expect(() => store.start(show.id)).toThrow(ShowTransitionError);
    expect(() => store.end('nope')).toThrow(/no show/);
  });

  it('deletes a show with its chat and rehearsal (chat tables have no cascade), never a live one', () => {
    const store = new ShowStore(db);
    const show = store.create('채팅 있는 방송', null);
    const rehearsal = store.createRehearsal(show.id);
    const now = new Date().toISOString();
    const say = db.prepare("INSERT INTO chat_messages (id, show_id, role, nickname, text, links, question, status, created_at) VALUES (?, ?, 'viewer', '손님', '안녕하세요', '[]', 0, 'visible', ?)");
    say.run('m1', show.id, now);
    say.run('m2', rehearsal.id, now);
    db.prepare('INSERT INTO chat_settings (show_id) VALUES (?)').run(show.id);
    store.start(show.id);
    expect(() => store.delete(show.id)).toThrow(/live/);
    store.end(show.id);
    store.delete(show.id);
    expect(store.get(show.id)).toBeUndefined();
    expect(store.get(rehearsal.id)).toBeUndefined();
    expect(db.prepare('SELECT COUNT(*) FROM chat_messages').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM chat_settings').pluck().get()).toBe(0);
  });
});

describe('WatchLinks', () => {
  it('creates unguessable links with a QR code, resolves and revokes them', async () => {
    const store = new ShowStore(db);
    const links = new WatchLinks(db, 'x'.repeat(40), () => 'https://live.example.com');
    const show = store.create('t', null);
    const a = await links.create(show.id);
    const b = await links.create(show.id);
    expect(a.url).toMatch(/^https:\/\/live\.example\.com\/w\/[\w-]+\.[\w-]{43}$/);
    expect(a.url).not.toBe(b.url);
    expect(a.qrSvg).toMatch(/^<svg/);
    const token = a.url.split('/w/')[1]!;
    expect(links.resolve(token)).toEqual({ ok: true, linkId: a.id, showId: show.id });
    await links.revoke(a.id);
    expect(links.resolve(token)).toEqual({ ok: false, reason: 'revoked' });
    expect(links.resolve(b.url.split('/w/')[1]!).ok).toBe(true);
  });

  it('does not accept a token from another relay (other secret)', async () => {
    const show = new ShowStore(db).create('t', null);
    const other = new WatchLinks(db, 'y'.repeat(40), () => 'http://x');
    const link = await other.create(show.id);
    const mine = new WatchLinks(db, 'x'.repeat(40), () => 'http://x');
    expect(mine.resolve(link.url.split('/w/')[1]!)).toEqual({ ok: false, reason: 'forged' });
  });
});

describe('StudioKeys', () => {
  it('verifies only current keys and rotates', () => {
    const keys = new StudioKeys(db);
    expect(keys.hasAny()).toBe(false);
    const k1 = keys.create();
    expect(keys.verify(k1)).toBe(true);
    expect(keys.verify(k1 + 'x')).toBe(false);
    expect(keys.verify(undefined)).toBe(false);
    const k2 = keys.rotate();
    expect(keys.verify(k1)).toBe(false);
    expect(keys.verify(k2)).toBe(true);
    expect(JSON.stringify(db.prepare('SELECT * FROM studio_keys').all())).not.toContain(k2);
  });
});
