import type { Migration } from '../../../common/migrations.js';

/**
 * Step 16: per-clip numbers (docs/clips.md, "Numbers"). `clip_views`: devices that opened a ready
 * clip's page, once each (the page sets a device cookie; it has no script). `orders.clip_id`: the
 * clip whose Buy the order came through, written by the relay only (never from the checkout body)
 * and only for a clip of the order's own show that still exists. No foreign key: a deleted clip's
 * sales stay on record, as a deleted replay's do. `clips.views` (every opening counted, migration
 * 13) is dropped: one meaning for "views", distinct devices.
 */
export const clipNumbersMigration: Migration = {
  version: 16,
  name: 'clip numbers: devices that opened a clip, once each, and the clip an order came through',
  sql: `
    CREATE TABLE clip_views (
      clip_id TEXT NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      device_id TEXT NOT NULL,
      first_at INTEGER NOT NULL,
      PRIMARY KEY (clip_id, device_id)
    ) STRICT;
    ALTER TABLE orders ADD COLUMN clip_id TEXT;
    CREATE INDEX orders_clip ON orders(show_id, clip_id) WHERE clip_id IS NOT NULL;
    ALTER TABLE clips DROP COLUMN views;
  `,
};
