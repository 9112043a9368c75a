import type { Migration } from '../../../common/migrations.js';

/**
 * Step 11: OBS stream keys, one active key per show (docs/obs-mode.md). Only the key's SHA-256
 * is stored: a leaked database does not let anyone publish. A revoked key stays (revoked_at set)
 * so a late OBS using it is told "revoked" rather than "unknown".
 */
export const ingestKeysMigration: Migration = {
  version: 11,
  name: 'ingest keys: per-show OBS stream keys, stored hashed',
  sql: `
    CREATE TABLE ingest_keys (
      key_hash TEXT PRIMARY KEY CHECK (length(key_hash) = 64),
      show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX ingest_keys_active ON ingest_keys(show_id) WHERE revoked_at IS NULL;
  `,
};
