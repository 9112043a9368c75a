import type { Migration } from '../../common/migrations.js';

/**
 * OBS mode: where the seller's OBS listens (one row; the password is not here but in the OS
 * keychain or an owner-only file, like the studio key). Run-down OBS actions need no table: they
 * live in the segments' JSON, and the Segment schema gives older run-downs an empty list on read.
 */
export const migration004ObsConnection: Migration = {
  version: 4,
  name: 'OBS connection',
  sql: `
CREATE TABLE obs_connection (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  host TEXT NOT NULL CHECK (length(host) BETWEEN 1 AND 253),
  port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  updated_at TEXT NOT NULL
) STRICT;
`,
};
