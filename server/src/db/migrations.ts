import type { Migration } from '../../../common/migrations.js';
import { ingestKeysMigration } from './migration-011-ingest-keys.js';
import { recordingsMigration } from './migration-012-recordings.js';
import { clipsMigration } from './migration-013-clips.js';
import { viewerDisplayMigration } from './migration-014-viewer-display.js';
import { replayViewsMigration } from './migration-015-replay-views.js';
import { clipNumbersMigration } from './migration-016-clip-numbers.js';

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
  {
    version: 4,
    name: 'commerce: show catalog and stock, viewers, orders, coupon claims, quiz answers, poll votes, segments, funnel and viewer samples',
    sql: `
      CREATE TABLE show_catalog (
        show_id TEXT PRIMARY KEY REFERENCES shows(id) ON DELETE CASCADE,
        catalog TEXT NOT NULL CHECK (json_valid(catalog)),
        updated_at TEXT NOT NULL
      ) STRICT;
      -- The relay owns stock during a show. option_id '' = a product without options.
      CREATE TABLE show_stock (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        product_id TEXT NOT NULL,
        option_id TEXT NOT NULL DEFAULT '',
        stock INTEGER NOT NULL CHECK (stock >= 0),
        PRIMARY KEY (show_id, product_id, option_id)
      ) STRICT;
      CREATE TABLE viewers (
        id TEXT PRIMARY KEY,
        nickname TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE show_viewers (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        viewer_id TEXT NOT NULL REFERENCES viewers(id),
        first_seen TEXT NOT NULL,
        PRIMARY KEY (show_id, viewer_id)
      ) STRICT;
      CREATE TABLE orders (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        show_id TEXT NOT NULL REFERENCES shows(id),
        viewer_id TEXT NOT NULL REFERENCES viewers(id),
        idempotency_key TEXT NOT NULL,
        -- SHA-256 of the canonical request: a replayed key with different content is refused.
        request_hash TEXT NOT NULL,
        product_id TEXT NOT NULL,
        option_id TEXT,
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
        coupon_id TEXT,
        currency TEXT NOT NULL,
        total INTEGER NOT NULL CHECK (total >= 0),
        discount INTEGER NOT NULL CHECK (discount >= 0),
        quote TEXT NOT NULL CHECK (json_valid(quote)),
        payment TEXT NOT NULL CHECK (payment IN ('bank_transfer','cash_on_delivery','card')),
        status TEXT NOT NULL CHECK (status IN ('awaiting_payment','paid','cancelled','refunded')),
        -- NULL once erased on the buyer's request.
        buyer TEXT CHECK (buyer IS NULL OR json_valid(buyer)),
        -- SHA-256 of the normalised phone number, to count repeat buyers; erased with the buyer.
        phone_hash TEXT,
        segment_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (show_id, viewer_id, idempotency_key)
      ) STRICT;
      CREATE INDEX orders_show ON orders(show_id, created_at);
      CREATE INDEX orders_viewer ON orders(viewer_id);
      CREATE INDEX orders_phone ON orders(phone_hash);
      CREATE TABLE coupon_claims (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        coupon_id TEXT NOT NULL,
        viewer_id TEXT NOT NULL REFERENCES viewers(id),
        source TEXT NOT NULL CHECK (source IN ('drop','quiz','code')),
        claimed_at TEXT NOT NULL,
        PRIMARY KEY (show_id, coupon_id, viewer_id)
      ) STRICT;
      CREATE TABLE quiz_answers (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        quiz_id TEXT NOT NULL,
        viewer_id TEXT NOT NULL REFERENCES viewers(id),
        choice_index INTEGER NOT NULL CHECK (choice_index BETWEEN 0 AND 3),
        correct INTEGER NOT NULL CHECK (correct IN (0,1)),
        reaction_ms REAL NOT NULL,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (show_id, quiz_id, viewer_id)
      ) STRICT;
      CREATE TABLE quiz_results (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        quiz_id TEXT NOT NULL,
        correct_index INTEGER NOT NULL,
        winners TEXT NOT NULL CHECK (json_valid(winners)),
        decided_at TEXT NOT NULL,
        PRIMARY KEY (show_id, quiz_id)
      ) STRICT;
      CREATE TABLE poll_votes (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        poll_id TEXT NOT NULL,
        viewer_id TEXT NOT NULL REFERENCES viewers(id),
        choice_index INTEGER NOT NULL CHECK (choice_index BETWEEN 0 AND 3),
        voted_at TEXT NOT NULL,
        PRIMARY KEY (show_id, poll_id, viewer_id)
      ) STRICT;
      CREATE TABLE show_segments (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        segment_id TEXT NOT NULL,
        title TEXT NOT NULL,
        started_at TEXT NOT NULL,
        PRIMARY KEY (show_id, started_at, segment_id)
      ) STRICT;
      -- Funnel steps, once per viewer: saw (connected while the card was pinned), card_open, checkout_start.
      CREATE TABLE funnel_events (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        product_id TEXT NOT NULL,
        viewer_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('saw','card_open','checkout_start')),
        at TEXT NOT NULL,
        PRIMARY KEY (show_id, product_id, kind, viewer_id)
      ) STRICT;
      CREATE TABLE viewer_samples (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        viewers INTEGER NOT NULL CHECK (viewers >= 0),
        PRIMARY KEY (show_id, at)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'fairness: expired orders and the payment window, buyer and network tags on orders, claims, votes and answers',
    // SQLite cannot change a CHECK in place: orders is rebuilt (nothing references it) to allow 'expired'.
    sql: `
      CREATE TABLE orders_v5 (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        show_id TEXT NOT NULL REFERENCES shows(id),
        viewer_id TEXT NOT NULL REFERENCES viewers(id),
        idempotency_key TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        product_id TEXT NOT NULL,
        option_id TEXT,
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
        coupon_id TEXT,
        currency TEXT NOT NULL,
        total INTEGER NOT NULL CHECK (total >= 0),
        discount INTEGER NOT NULL CHECK (discount >= 0),
        quote TEXT NOT NULL CHECK (json_valid(quote)),
        payment TEXT NOT NULL CHECK (payment IN ('bank_transfer','cash_on_delivery','card')),
        status TEXT NOT NULL CHECK (status IN ('awaiting_payment','paid','cancelled','refunded','expired')),
        buyer TEXT CHECK (buyer IS NULL OR json_valid(buyer)),
        -- HMAC (relay secret) of the normalised phone / delivery address: per-buyer caps across devices.
        phone_hash TEXT,
        address_hash TEXT,
        -- HMAC tag of the source network (IPv4 address, IPv6 /64): per-network shares and seller clusters.
        net TEXT,
        -- A bank transfer not paid by then expires and its stock returns.
        expires_at TEXT,
        segment_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (show_id, viewer_id, idempotency_key)
      ) STRICT;
      INSERT INTO orders_v5 (id, number, show_id, viewer_id, idempotency_key, request_hash, product_id, option_id, quantity, coupon_id, currency, total, discount, quote, payment, status, buyer, phone_hash, segment_id, created_at, updated_at)
        SELECT id, number, show_id, viewer_id, idempotency_key, request_hash, product_id, option_id, quantity, coupon_id, currency, total, discount, quote, payment, status, buyer, phone_hash, segment_id, created_at, updated_at FROM orders;
      DROP TABLE orders;
      ALTER TABLE orders_v5 RENAME TO orders;
      CREATE INDEX orders_show ON orders(show_id, created_at);
      CREATE INDEX orders_viewer ON orders(viewer_id);
      CREATE INDEX orders_phone ON orders(phone_hash);
      CREATE INDEX orders_show_product ON orders(show_id, product_id);
      CREATE INDEX orders_expiry ON orders(expires_at) WHERE status = 'awaiting_payment' AND expires_at IS NOT NULL;
      ALTER TABLE coupon_claims ADD COLUMN net TEXT;
      CREATE INDEX coupon_claims_net ON coupon_claims(show_id, coupon_id, net);
      ALTER TABLE poll_votes ADD COLUMN net TEXT;
      CREATE INDEX poll_votes_net ON poll_votes(show_id, poll_id, net);
      ALTER TABLE quiz_answers ADD COLUMN net TEXT;
    `,
  },
  {
    version: 6,
    name: 'chat: messages, sanctions, per-show settings, the moderation log and moderator links',
    sql: `
      CREATE TABLE chat_messages (
        id TEXT PRIMARY KEY,
        show_id TEXT NOT NULL REFERENCES shows(id),
        -- The sending device; NULL for the host and moderators (actor says who).
        viewer_id TEXT,
        actor TEXT,
        role TEXT NOT NULL CHECK (role IN ('viewer','host','moderator')),
        nickname TEXT NOT NULL,
        text TEXT NOT NULL,
        links TEXT NOT NULL CHECK (json_valid(links)),
        question INTEGER NOT NULL CHECK (question IN (0,1)),
        status TEXT NOT NULL CHECK (status IN ('visible','held','hidden','deleted','rejected')),
        held_for TEXT,
        answered_at TEXT,
        net TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX chat_messages_show ON chat_messages(show_id, created_at);
      CREATE TABLE chat_sanctions (
        id INTEGER PRIMARY KEY,
        viewer_id TEXT NOT NULL,
        -- The network the viewer last chatted from: a new device from a banned network is held for review.
        net TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('timeout','ban','hide')),
        -- Timeouts hold in one show; bans and hides in every show of this relay.
        show_id TEXT,
        until TEXT,
        by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        lifted_at TEXT
      ) STRICT;
      CREATE INDEX chat_sanctions_viewer ON chat_sanctions(viewer_id) WHERE lifted_at IS NULL;
      CREATE INDEX chat_sanctions_net ON chat_sanctions(net) WHERE lifted_at IS NULL AND kind = 'ban';
      CREATE TABLE chat_settings (
        show_id TEXT PRIMARY KEY REFERENCES shows(id),
        slow_mode_sec INTEGER NOT NULL DEFAULT 0 CHECK (slow_mode_sec BETWEEN 0 AND 300),
        frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0,1)),
        hold_all INTEGER NOT NULL DEFAULT 0 CHECK (hold_all IN (0,1)),
        pinned_id TEXT,
        caption_id TEXT,
        hearts INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE chat_moderation (
        id INTEGER PRIMARY KEY,
        show_id TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        viewer_id TEXT,
        message_id TEXT,
        detail TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX chat_moderation_show ON chat_moderation(show_id, at);
      -- Links an assistant moderates one show's chat with (never the studio key); revocable.
      CREATE TABLE moderator_links (
        id TEXT PRIMARY KEY,
        show_id TEXT NOT NULL REFERENCES shows(id),
        label TEXT NOT NULL,
        token TEXT NOT NULL,
        revoked_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX moderator_links_show ON moderator_links(show_id);
    `,
  },
  {
    version: 7,
    name: 'live specials and back-in-stock requests',
    sql: `
      -- A 라이브 특가: the price holds while the relay's clock is before ends_at (ms since the epoch).
      CREATE TABLE live_specials (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        product_id TEXT NOT NULL,
        price INTEGER NOT NULL CHECK (price >= 0),
        ends_at INTEGER NOT NULL,
        PRIMARY KEY (show_id, product_id)
      ) STRICT;
      -- A viewer's "재입고 알림"; option_id '' = a product without options; notified_at set on restock.
      CREATE TABLE restock_requests (
        show_id TEXT NOT NULL REFERENCES shows(id) ON DELETE CASCADE,
        viewer_id TEXT NOT NULL,
        product_id TEXT NOT NULL,
        option_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        notified_at INTEGER,
        PRIMARY KEY (show_id, viewer_id, product_id, option_id)
      ) STRICT;
      CREATE INDEX restock_requests_line ON restock_requests(show_id, product_id, option_id) WHERE notified_at IS NULL;
    `,
  },
  {
    version: 8,
    name: 'shipping: courier and tracking number on an order (JSON), set when the seller ships it',
    sql: `
      ALTER TABLE orders ADD COLUMN shipment TEXT CHECK (shipment IS NULL OR json_valid(shipment));
    `,
  },
  {
    version: 9,
    name: 'carts: order rows of one checkout share a cart id',
    // One row per cart line keeps every per-product count (dashboard, report, CSV, caps) as it was.
    sql: `
      ALTER TABLE orders ADD COLUMN cart_id TEXT;
      CREATE INDEX orders_cart ON orders(cart_id) WHERE cart_id IS NOT NULL;
    `,
  },
  {
    version: 10,
    name: "store profile: the seller's legal business details and return terms (one row, JSON)",
    // One seller per relay: a single row (id = 1); the JSON is parsed with StoreProfile when read.
    sql: `
      CREATE TABLE store_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        profile TEXT NOT NULL CHECK (json_valid(profile)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  ingestKeysMigration,
  recordingsMigration,
  clipsMigration,
  viewerDisplayMigration,
  replayViewsMigration,
  clipNumbersMigration,
];
