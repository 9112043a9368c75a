import type { Migration } from '../../../common/migrations.js';

/**
 * Step 15: devices that opened a show's ready replay (docs/replay.md, "Studio"). One row per
 * device and show, so the Replays screen counts distinct viewers, as the live report does.
 */
export const replayViewsMigration: Migration = {
  version: 15,
  name: 'replay views: devices that opened a ready replay, once each',
  sql: `
    CREATE TABLE replay_views (
      show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
      viewer_id TEXT NOT NULL,
      first_at INTEGER NOT NULL,
      PRIMARY KEY (show_id, viewer_id)
    ) STRICT;
  `,
};
