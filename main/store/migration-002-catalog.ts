import type { Migration } from '../../common/migrations.js';

/**
 * Migration 2: the catalog (products with their options and images, coupons, quizzes, polls),
 * uploaded images, and run-downs.
 *
 * Decisions:
 * - Products are normalized: options and image references are rows of their own (FK to the
 *   product, ON DELETE CASCADE), ordered by `position`, so stock per option is a plain integer
 *   column the database checks and a later "stock left" query needs no JSON.
 * - Quiz and poll choices are a small JSON array (2–4 strings, always read and written whole);
 *   the CHECK keeps them an array of the right length.
 * - Run-down segments are stored as one JSON document, validated with the common `Segment`
 *   schema on every write and every read. A run-down is a tree (segments → cues → a cue action
 *   that is a discriminated union of five shapes) that the editor always loads and saves whole
 *   and reorders freely; normalizing it would need a table per action kind and position
 *   rewrites on every drag. Cues must also keep pointing at products that were deleted (firing
 *   them then fails with a clear message), so foreign keys from cues to the catalog would be
 *   wrong anyway.
 * - `deleted_items` remembers what a deleted catalog item was called, so a cue that still points
 *   at it can say “This cue shows “Knit cardigan”, which is no longer in the catalog”, not an id.
 * - Money is INTEGER minor units; every table is STRICT; CHECKs repeat the schema's hard rules as
 *   a last line of defence (the store validates with the common zod schemas first).
 */
export const migration002Catalog: Migration = {
  version: 2,
  name: 'catalog, images and run-downs',
  sql: `
CREATE TABLE images (
  ref TEXT PRIMARY KEY CHECK (length(ref) BETWEEN 68 AND 69),
  mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/webp')),
  size INTEGER NOT NULL CHECK (size > 0),
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  description TEXT NOT NULL,
  currency TEXT NOT NULL CHECK (currency IN ('KRW', 'USD', 'JPY', 'EUR')),
  price INTEGER NOT NULL CHECK (price >= 0),
  sale_price INTEGER CHECK (sale_price IS NULL OR (sale_price >= 0 AND sale_price < price)),
  stock INTEGER NOT NULL CHECK (stock >= 0),
  external_url TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE product_options (
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  id TEXT NOT NULL,
  name TEXT NOT NULL CHECK (length(name) >= 1),
  stock INTEGER NOT NULL CHECK (stock >= 0),
  PRIMARY KEY (product_id, id),
  UNIQUE (product_id, position)
) STRICT;

CREATE TABLE product_images (
  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  ref TEXT NOT NULL REFERENCES images(ref),
  PRIMARY KEY (product_id, position)
) STRICT;
CREATE INDEX product_images_ref ON product_images(ref);

CREATE TABLE coupons (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('percent', 'fixed')),
  amount INTEGER NOT NULL CHECK (amount >= 1 AND (kind = 'fixed' OR amount <= 100)),
  currency TEXT NOT NULL CHECK (currency IN ('KRW', 'USD', 'JPY', 'EUR')),
  min_order INTEGER NOT NULL CHECK (min_order >= 0),
  total_quota INTEGER NOT NULL CHECK (total_quota >= 1),
  per_viewer_cap INTEGER NOT NULL CHECK (per_viewer_cap >= 1),
  valid_from TEXT,
  valid_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE quizzes (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL CHECK (length(question) >= 1),
  choices TEXT NOT NULL CHECK (json_valid(choices) AND json_type(choices) = 'array' AND json_array_length(choices) BETWEEN 2 AND 4),
  correct_index INTEGER NOT NULL CHECK (correct_index >= 0 AND correct_index < json_array_length(choices)),
  time_limit_sec INTEGER NOT NULL CHECK (time_limit_sec > 0),
  winners INTEGER NOT NULL CHECK (winners >= 1),
  winner_rule TEXT NOT NULL CHECK (winner_rule IN ('first', 'draw')),
  reward_coupon_id TEXT REFERENCES coupons(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX quizzes_reward ON quizzes(reward_coupon_id);

CREATE TABLE polls (
  id TEXT PRIMARY KEY,
  question TEXT NOT NULL CHECK (length(question) >= 1),
  choices TEXT NOT NULL CHECK (json_valid(choices) AND json_type(choices) = 'array' AND json_array_length(choices) BETWEEN 2 AND 4),
  duration_sec INTEGER CHECK (duration_sec IS NULL OR duration_sec > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE deleted_items (
  kind TEXT NOT NULL CHECK (kind IN ('product', 'coupon', 'quiz', 'poll')),
  id TEXT NOT NULL,
  label TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) STRICT;

CREATE TABLE rundowns (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  show_id TEXT,
  segments TEXT NOT NULL CHECK (json_valid(segments) AND json_type(segments) = 'array'),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
