import type { Migration } from '../../../common/migrations.js';

/**
 * Step 12: show recordings and the replay (docs/replay.md). One recording per show; its status moves
 * recording → processing (progress 0..1) → ready | failed, and → deleted when the seller removes it
 * (the row stays so the watch link can say "deleted" rather than "not found"). Orders carry their
 * source so replay sales are told apart from live ones; existing orders were all live.
 */
export const recordingsMigration: Migration = {
  version: 12,
  name: 'recordings: per-show recording status; orders.source live | replay',
  sql: `
    CREATE TABLE recordings (
      show_id TEXT PRIMARY KEY REFERENCES shows(id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('recording', 'processing', 'ready', 'failed', 'deleted')),
      progress REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
      parts INTEGER NOT NULL DEFAULT 0 CHECK (parts >= 0),
      bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
      duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0),
      error TEXT,
      started_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE recording_settings (
      show_id TEXT PRIMARY KEY REFERENCES shows(id) ON DELETE CASCADE,
      record INTEGER NOT NULL CHECK (record IN (0, 1)),
      -- Live-only prices and coupons still hold in the replay: off unless the seller says so.
      live_offers_in_replay INTEGER NOT NULL DEFAULT 0 CHECK (live_offers_in_replay IN (0, 1))
    ) STRICT;
    ALTER TABLE orders ADD COLUMN source TEXT NOT NULL DEFAULT 'live' CHECK (source IN ('live', 'replay'));
  `,
};
