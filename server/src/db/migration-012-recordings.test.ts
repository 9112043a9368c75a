import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../common/migrations.js';
import { relayMigrations } from './migrations.js';

describe('migration 12 (recordings)', () => {
  it('keeps existing orders as live, accepts replay, refuses other sources and statuses', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, relayMigrations.slice(0, 11));
    db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'live', 'now')").run();
    db.prepare("INSERT INTO viewers (id, created_at) VALUES ('v', 'now')").run();
    const insert = db.prepare(
      "INSERT INTO orders (id, number, show_id, viewer_id, idempotency_key, request_hash, product_id, quantity, currency, total, discount, quote, payment, status, phone_hash, created_at, updated_at) VALUES (?, ?, 's', 'v', ?, 'h', 'p', 1, 'KRW', 100, 0, '{}', 'bank_transfer', 'awaiting_payment', 'ph', 'now', 'now')",
    );
    insert.run('o1', 'N-1', 'key-o1-0000000000');
    applyMigrations(db, relayMigrations.slice(0, 12));
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT source FROM orders').all()).toEqual([{ source: 'live' }]);
    db.prepare("UPDATE orders SET source = 'replay' WHERE id = 'o1'").run();
    expect(() => db.prepare("UPDATE orders SET source = 'clip' WHERE id = 'o1'").run()).toThrow();
    const rec = db.prepare('INSERT INTO recordings (show_id, status, progress, started_at, updated_at) VALUES (?, ?, ?, 1, 1)');
    rec.run('s', 'recording', 0);
    expect(() => db.prepare("UPDATE recordings SET status = 'paused'").run()).toThrow();
    expect(() => db.prepare('UPDATE recordings SET progress = 1.5').run()).toThrow();
    expect(() => rec.run('missing', 'ready', 1)).toThrow();
    db.prepare("INSERT INTO recording_settings (show_id, record) VALUES ('s', 0)").run();
    expect(db.prepare('SELECT live_offers_in_replay FROM recording_settings').get()).toEqual({ live_offers_in_replay: 0 });
  });
});
