import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRelayDb } from '../db/database.js';
import { IngestKeys } from './ingest-keys.js';

const db = () => {
  const d = openRelayDb(mkdtempSync(path.join(os.tmpdir(), 'ingestkeys-')));
  for (const id of ['a', 'b']) d.prepare("INSERT INTO shows (id, title, status, created_at) VALUES (?, 't', 'live', 'now')").run(id);
  return d;
};

describe('IngestKeys', () => {
  it('issues one 256-bit key per show, returns it again, and stores only its hash', () => {
    const d = db();
    const keys = new IngestKeys(d);
    const k = keys.issue('a');
    expect(k.streamKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys.issue('a').streamKey).toBe(k.streamKey);
    expect(keys.issue('b').streamKey).not.toBe(k.streamKey);
    const stored = d.prepare('SELECT key_hash FROM ingest_keys').pluck().all() as string[];
    expect(stored.some((h) => h.includes(k.streamKey))).toBe(false);
    expect(keys.check(k.streamKey)).toEqual({ ok: true, showId: 'a' });
  });

  it('refuses forged, malformed and revoked keys, each with its reason', () => {
    const keys = new IngestKeys(db());
    const k = keys.issue('a');
    expect(keys.check('A'.repeat(43))).toEqual({ ok: false, reason: 'unknown-key' });
    expect(keys.check(`${k.streamKey}x`)).toEqual({ ok: false, reason: 'unknown-key' });
    expect(keys.check("'; DROP TABLE shows; --")).toEqual({ ok: false, reason: 'unknown-key' });
    expect(keys.revoke('a')).toBe(true);
    expect(keys.check(k.streamKey)).toEqual({ ok: false, reason: 'revoked-key' });
    expect(keys.showOf(k.streamKey)).toBe('a');
    expect(keys.revoke('a')).toBe(false);
    expect(keys.issue('a').streamKey).not.toBe(k.streamKey);
  });

  it('after a restart (plaintext gone) issuing rotates: the old key is revoked', () => {
    const d = db();
    const old = new IngestKeys(d).issue('a');
    const fresh = new IngestKeys(d).issue('a');
    expect(fresh.streamKey).not.toBe(old.streamKey);
    const keys = new IngestKeys(d);
    expect(keys.check(old.streamKey)).toEqual({ ok: false, reason: 'revoked-key' });
    expect(keys.check(fresh.streamKey)).toEqual({ ok: true, showId: 'a' });
    expect(keys.activeShows()).toEqual(['a']);
  });
});
