import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';

/** What a stream key presented by OBS turned out to be. */
export type KeyCheck = { ok: true; showId: string } | { ok: false; reason: 'unknown-key' | 'revoked-key' };

export interface IssuedKey {
  showId: string;
  streamKey: string;
  createdAt: number;
}

/** 32 random bytes, base64url: 256 bits, and only [A-Za-z0-9_-] so it survives RTMP URLs and OBS's key field. */
const newKey = () => randomBytes(32).toString('base64url');
const KEY_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const hashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Per-show OBS stream keys (relay migration 11). The table holds only SHA-256 hashes; the
 * plaintext of the active key is kept in memory so a repeated "issue" returns the same key.
 * After a relay restart the plaintext is gone, so issuing rotates: the old key is revoked and a
 * new one handed out (the studio pushes it to OBS before every go-live anyway).
 * Lookups are by hash of a 256-bit secret, so the time a lookup takes says nothing about the key.
 */
export class IngestKeys {
  private readonly plain = new Map<string, IssuedKey>();

  constructor(private readonly db: Database.Database) {}

  /** The show's active key, issued now if it has none (or if its plaintext was lost in a restart). */
  issue(showId: string, now = Date.now()): IssuedKey {
    const cached = this.plain.get(showId);
    if (cached && this.activeHash(showId) === hashOf(cached.streamKey)) return cached;
    const issued: IssuedKey = { showId, streamKey: newKey(), createdAt: now };
    this.db.transaction(() => {
      this.db.prepare('UPDATE ingest_keys SET revoked_at = ? WHERE show_id = ? AND revoked_at IS NULL').run(now, showId);
      this.db.prepare('INSERT INTO ingest_keys (key_hash, show_id, created_at) VALUES (?, ?, ?)').run(hashOf(issued.streamKey), showId, now);
    })();
    this.plain.set(showId, issued);
    return issued;
  }

  /** Revokes the show's active key; returns whether there was one. */
  revoke(showId: string, now = Date.now()): boolean {
    this.plain.delete(showId);
    return this.db.prepare('UPDATE ingest_keys SET revoked_at = ? WHERE show_id = ? AND revoked_at IS NULL').run(now, showId).changes > 0;
  }

  check(key: string): KeyCheck {
    if (!KEY_SHAPE.test(key)) return { ok: false, reason: 'unknown-key' };
    const row = this.db.prepare('SELECT show_id, revoked_at FROM ingest_keys WHERE key_hash = ?').get(hashOf(key)) as { show_id: string; revoked_at: number | null } | undefined;
    if (!row) return { ok: false, reason: 'unknown-key' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked-key' };
    return { ok: true, showId: row.show_id };
  }

  /** Which show a (possibly revoked) key belonged to: a refusal is recorded on that show. */
  showOf(key: string): string | null {
    if (!KEY_SHAPE.test(key)) return null;
    const row = this.db.prepare('SELECT show_id FROM ingest_keys WHERE key_hash = ?').get(hashOf(key)) as { show_id: string } | undefined;
    return row?.show_id ?? null;
  }

  /** Shows holding an active key: a key nobody issued is reported to them (a seller who mistyped it is watching). */
  activeShows(): string[] {
    return (this.db.prepare('SELECT show_id FROM ingest_keys WHERE revoked_at IS NULL').all() as { show_id: string }[]).map((r) => r.show_id);
  }

  private activeHash(showId: string): string | null {
    const row = this.db.prepare('SELECT key_hash FROM ingest_keys WHERE show_id = ? AND revoked_at IS NULL').get(showId) as { key_hash: string } | undefined;
    return row?.key_hash ?? null;
  }
}
