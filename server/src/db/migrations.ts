import type { Migration } from '../../../common/migrations.js';

/** The relay's schema, one numbered step at a time. Never edit a released step; add one. */
export const relayMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'studio keys, shows and watch links',
    sql: `
      CREATE TABLE studio_keys (
        id TEXT PRIMARY KEY,
        key_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;
      CREATE TABLE shows (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        status TEXT NOT NULL CHECK (status IN ('scheduled','live','ended')),
        scheduled_at TEXT,
        started_at TEXT,
        ended_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE watch_links (
        id TEXT PRIMARY KEY,
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        token TEXT NOT NULL,
        expires_at TEXT,
        revoked_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX watch_links_show ON watch_links(show_id);
    `,
  },
  {
    version: 2,
    name: 'relay settings (link-signing secret)',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'rehearsals, the stage per show, fired cues',
    sql: `
      ALTER TABLE shows ADD COLUMN rehearsal_of TEXT REFERENCES shows(id) ON DELETE CASCADE;
      CREATE TABLE show_stage (
        show_id TEXT PRIMARY KEY REFERENCES shows(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 0),
        stage TEXT NOT NULL CHECK (json_valid(stage)),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE cue_firings (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        firing_id TEXT NOT NULL,
        fired_at TEXT NOT NULL,
        capture_ms REAL,
        op TEXT NOT NULL CHECK (json_valid(op)),
        stage_version INTEGER NOT NULL,
        PRIMARY KEY (show_id, firing_id)
      ) STRICT;
    `,
  },
];
