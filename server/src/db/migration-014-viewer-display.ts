import type { Migration } from '../../../common/migrations.js';

/**
 * Step 14: what the host lets viewers see over the video, per show (docs/phone-layout.md). One row
 * per show that changed it; no row means every kind on (the behaviour before the setting). The JSON
 * is parsed with ViewerDisplay when read; it goes with its show.
 */
export const viewerDisplayMigration: Migration = {
  version: 14,
  name: 'viewer display: which overlay kinds viewers of a show see (JSON, one row per show)',
  sql: `
    CREATE TABLE show_display (
      show_id TEXT PRIMARY KEY REFERENCES shows(id) ON DELETE CASCADE,
      display TEXT NOT NULL CHECK (json_valid(display)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
