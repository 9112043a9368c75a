import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../common/migrations.js';
import { openRelayDb, writeWithoutFsync } from './database.js';
import { relayMigrations } from './migrations.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'relaydb-'));

describe('relay migrations', () => {
  it('bring an empty file to the latest version, in WAL with foreign keys', () => {
    const db = openRelayDb(tmp());
    expect(db.pragma('user_version', { simple: true })).toBe(relayMigrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('write without an fsync in one transaction, and every later commit is durable again, even after a failed write', () => {
    const dir = tmp();
    const db = openRelayDb(dir);
    const FULL = 2;
    writeWithoutFsync(db, () => db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('a', 't', 'scheduled', 'now')").run());
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(() =>
      writeWithoutFsync(db, () => {
        db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('b', 't', 'scheduled', 'now')").run();
        db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('a', 't', 'scheduled', 'now')").run(); // duplicate key
      }),
    ).toThrow();
    expect(db.pragma('synchronous', { simple: true })).toBe(FULL);
    // The failed write rolled back whole; the first one is stored and survives a reopen.
    db.close();
    const again = openRelayDb(dir);
    expect(again.prepare('SELECT id FROM shows ORDER BY id').all()).toEqual([{ id: 'a' }]);
    again.close();
  });

  it('are idempotent on reopen and keep data', () => {
    const dir = tmp();
    const db = openRelayDb(dir);
    db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('a', 't', 'scheduled', 'now')").run();
    db.close();
    const again = openRelayDb(dir);
    expect(again.prepare('SELECT count(*) AS n FROM shows').get()).toEqual({ n: 1 });
    again.close();
  });

  it('step 1 creates the tables with their constraints', () => {
    const db = new Database(':memory:');
    applyMigrations(db, relayMigrations.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('a', 't', 'paused', 'now')").run()).toThrow();
    expect(() => db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('a', '', 'live', 'now')").run()).toThrow();
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("INSERT INTO watch_links (id, show_id, token, created_at) VALUES ('l', 'missing', 't', 'now')").run()).toThrow();
  });

  it('step 2 adds settings on top of step 1', () => {
    const db = new Database(':memory:');
    applyMigrations(db, relayMigrations.slice(0, 1));
    applyMigrations(db, relayMigrations.slice(0, 2));
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.prepare("INSERT INTO settings (key, value) VALUES ('k', 'v')").run();
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: 'v' });
  });

  it('step 3 adds rehearsals, the stage and the cue log, keeping existing shows', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, relayMigrations.slice(0, 2));
    db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('a', 't', 'live', 'now')").run();
    applyMigrations(db, relayMigrations.slice(0, 3));
    expect(db.prepare('SELECT rehearsal_of FROM shows').get()).toEqual({ rehearsal_of: null });
    db.prepare("INSERT INTO show_stage (show_id, version, stage, updated_at) VALUES ('a', 1, '{}', 'now')").run();
    expect(() => db.prepare("INSERT INTO show_stage (show_id, version, stage, updated_at) VALUES ('a', 1, 'not json', 'now')").run()).toThrow();
    db.prepare("INSERT INTO cue_firings (show_id, firing_id, fired_at, op, stage_version) VALUES ('a', 'f1', 'now', '{}', 1)").run();
    expect(() => db.prepare("INSERT INTO cue_firings (show_id, firing_id, fired_at, op, stage_version) VALUES ('a', 'f1', 'now', '{}', 2)").run()).toThrow();
    expect(() => db.prepare("INSERT INTO cue_firings (show_id, firing_id, fired_at, op, stage_version) VALUES ('nope', 'f2', 'now', '{}', 2)").run()).toThrow();
  });

  it('step 5 rebuilds orders keeping every row, allows expired, and tags claims, votes and answers with a network', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, relayMigrations.slice(0, 4));
    db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'live', 'now')").run();
    db.prepare("INSERT INTO viewers (id, created_at) VALUES ('v', 'now')").run();
    const insert = (id: string, status: string) =>
      db
        .prepare("INSERT INTO orders (id, number, show_id, viewer_id, idempotency_key, request_hash, product_id, quantity, currency, total, discount, quote, payment, status, phone_hash, created_at, updated_at) VALUES (?, ?, 's', 'v', ?, 'h', 'p', 1, 'KRW', 100, 0, '{}', 'bank_transfer', ?, 'ph', 'now', 'now')")
        .run(id, `N-${id}`, `key-${id}-0000000000`, status);
    insert('o1', 'awaiting_payment');
    expect(() => insert('o2', 'expired')).toThrow();
    applyMigrations(db, relayMigrations.slice(0, 5));
    expect(db.prepare('SELECT id, status, phone_hash, net, expires_at FROM orders').all()).toEqual([{ id: 'o1', status: 'awaiting_payment', phone_hash: 'ph', net: null, expires_at: null }]);
    insert('o2', 'expired');
    expect(() => insert('o3', 'lost')).toThrow();
    expect(() => insert('o1', 'paid')).toThrow(); // the primary key and UNIQUE number survived the rebuild
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.prepare("INSERT INTO coupon_claims (show_id, coupon_id, viewer_id, source, claimed_at, net) VALUES ('s', 'c', 'v', 'drop', 'now', 'n1')").run();
    db.prepare("INSERT INTO poll_votes (show_id, poll_id, viewer_id, choice_index, voted_at, net) VALUES ('s', 'p', 'v', 0, 'now', 'n1')").run();
    db.prepare("INSERT INTO quiz_answers (show_id, quiz_id, viewer_id, choice_index, correct, reaction_ms, answered_at, net) VALUES ('s', 'q', 'v', 0, 1, 5, 'now', 'n1')").run();
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name).sort();
    expect(indexes).toEqual(['orders_expiry', 'orders_phone', 'orders_show', 'orders_show_product', 'orders_viewer']);
  });

  it('step 10 adds the one-row store profile on top of step 9, keeping shows', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, relayMigrations.slice(0, 9));
    db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('a', 't', 'live', 'now')").run();
    applyMigrations(db, relayMigrations.slice(0, 10));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('SELECT count(*) AS n FROM shows').get()).toEqual({ n: 1 });
    db.prepare("INSERT INTO store_profile (id, profile, updated_at) VALUES (1, '{}', 'now')").run();
    expect(() => db.prepare("INSERT INTO store_profile (id, profile, updated_at) VALUES (2, '{}', 'now')").run()).toThrow(); // one seller, one row
    expect(() => db.prepare("UPDATE store_profile SET profile = 'not json' WHERE id = 1").run()).toThrow();
  });

  it('step 11 adds ingest keys: hashed, one active key per show, gone with the show', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, relayMigrations.slice(0, 10));
    db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'live', 'now')").run();
    applyMigrations(db, relayMigrations.slice(0, 11));
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    const insert = (hash: string, revoked: number | null) => db.prepare('INSERT INTO ingest_keys (key_hash, show_id, created_at, revoked_at) VALUES (?, ?, 1, ?)').run(hash, 's', revoked);
    insert('a'.repeat(64), 5);
    insert('b'.repeat(64), null);
    expect(() => insert('c'.repeat(64), null)).toThrow(); // a second active key for the show
    expect(() => insert('short', 5)).toThrow();
    expect(() => db.prepare("INSERT INTO ingest_keys (key_hash, show_id, created_at) VALUES (?, 'nope', 1)").run('d'.repeat(64))).toThrow();
    db.prepare("DELETE FROM shows WHERE id = 's'").run();
    expect(db.prepare('SELECT count(*) AS n FROM ingest_keys').get()).toEqual({ n: 0 });
  });

  it('refuses a database from a newer program and a broken migration leaves nothing half-done', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => applyMigrations(db, relayMigrations)).toThrow(/newer/);
    const fresh = new Database(':memory:');
    expect(() => applyMigrations(fresh, [{ version: 1, name: 'bad', sql: 'CREATE TABLE ok (a INT) STRICT; CREATE TABLE broken (' }])).toThrow();
    expect(fresh.pragma('user_version', { simple: true })).toBe(0);
    expect(fresh.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'ok'").get()).toEqual({ n: 0 });
  });
});
