import type { Migration } from '../../../common/migrations.js';

/**
 * Step 13: clips cut from a show's replay (docs/clips.md). One clip per segment occurrence
 * (segment_no, 1-based in show_segments order); a re-cut updates the row. The files live under
 * recordings/<show>/clips/<id>/ (server/src/replay/replay-paths.ts). `token` names the public
 * clip page: random, unguessable, never derived from the id.
 */
export const clipsMigration: Migration = {
  version: 13,
  name: 'clips: short clips cut from a replay, their cutting jobs and views',
  sql: `
    CREATE TABLE clips (
      id TEXT PRIMARY KEY,
      show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
      segment_no INTEGER NOT NULL CHECK (segment_no >= 1),
      segment_id TEXT NOT NULL,
      product_id TEXT,
      in_sec REAL NOT NULL CHECK (in_sec >= 0),
      out_sec REAL NOT NULL CHECK (out_sec > in_sec),
      token TEXT NOT NULL UNIQUE,
      status TEXT NOT NULL CHECK (status IN ('queued','cutting','ready','failed')),
      progress REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
      error_code TEXT,
      error_message TEXT,
      views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (show_id, segment_no)
    ) STRICT;
    CREATE INDEX clips_queue ON clips(status, updated_at) WHERE status IN ('queued','cutting');
  `,
};
