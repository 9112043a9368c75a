import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database.js';

/** Studio keys: high-entropy bearer secrets; the relay stores only their SHA-256. */
export class StudioKeys {
  constructor(private readonly db: Db) {}

  private static hash(key: string): string {
    return createHash('sha256').update(key).digest('hex');
  }

  hasAny(): boolean {
    return this.db.prepare('SELECT 1 FROM studio_keys WHERE revoked_at IS NULL LIMIT 1').get() !== undefined;
  }

  /** Creates a key and returns it; this is the only time the plain key exists on the relay. */
  create(): string {
    const key = `sk_${randomBytes(32).toString('base64url')}`;
    this.db
      .prepare('INSERT INTO studio_keys (id, key_hash, created_at) VALUES (?, ?, ?)')
      .run(randomBytes(8).toString('hex'), StudioKeys.hash(key), new Date().toISOString());
    return key;
  }

  /** Revokes every key and creates a new one (lost laptop, leaked key). */
  rotate(): string {
    return this.db.transaction(() => {
      this.db.prepare('UPDATE studio_keys SET revoked_at = ? WHERE revoked_at IS NULL').run(new Date().toISOString());
      return this.create();
    })();
  }

  verify(key: string | undefined): boolean {
    if (!key || key.length > 256) return false;
    // The lookup is by hash of a 256-bit secret, so timing reveals nothing useful about the key.
    return this.db.prepare('SELECT 1 FROM studio_keys WHERE key_hash = ? AND revoked_at IS NULL').get(StudioKeys.hash(key)) !== undefined;
  }
}

/** Owner-only hand-off file so a studio on the same machine can pair without copy-paste. */
export function writeKeyHandoff(dataDir: string, key: string): string {
  const file = path.join(dataDir, 'studio-key');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** Reads `Authorization: Bearer <key>`. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}
