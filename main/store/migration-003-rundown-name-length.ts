import type { Migration } from '../../common/migrations.js';

/**
 * A run-down's name may be as long as a show's title (MAX_TITLE_LENGTH, 120): a run-down made for
 * a show takes the show's title, so an 80-character limit refused titles the seller typed in a
 * field with a 120 limit. SQLite cannot change a CHECK, so the table is rebuilt with its rows.
 */
export const migration003RundownNameLength: Migration = {
  version: 3,
  name: 'rundown names as long as show titles',
  sql: `
CREATE TABLE rundowns_new (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  show_id TEXT,
  segments TEXT NOT NULL CHECK (json_valid(segments) AND json_type(segments) = 'array'),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
INSERT INTO rundowns_new (id, name, show_id, segments, created_at, updated_at) SELECT id, name, show_id, segments, created_at, updated_at FROM rundowns;
DROP TABLE rundowns;
ALTER TABLE rundowns_new RENAME TO rundowns;
`,
};
