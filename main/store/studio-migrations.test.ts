import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../common/migrations.js';
import { Segment } from '../../common/rundown.js';
import { studioMigrations } from './studio-db.js';

const open = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};
const tables = (db: Database.Database) =>
  (db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[]);
const now = '2025-01-01T00:00:00.000Z';

describe('studio migrations', () => {
  it('1: settings alone', () => {
    const db = open();
    expect(applyMigrations(db, studioMigrations.slice(0, 1))).toEqual([1]);
    expect(tables(db).map((t) => t.name)).toEqual(['settings']);
    db.prepare('INSERT INTO settings VALUES (?, ?)').run('relay_url', 'https://relay.example');
  });

  it('2 on top of 1: adds the catalog tables (all STRICT) and keeps the settings', () => {
    const db = open();
    applyMigrations(db, studioMigrations.slice(0, 1));
    db.prepare('INSERT INTO settings VALUES (?, ?)').run('relay_url', 'https://relay.example');
    expect(applyMigrations(db, studioMigrations.slice(0, 2))).toEqual([2]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('relay_url')).toBe('https://relay.example');
    const all = tables(db);
    expect(all.map((t) => t.name)).toEqual(['coupons', 'deleted_items', 'images', 'polls', 'product_images', 'product_options', 'products', 'quizzes', 'rundowns', 'settings']);
    for (const t of all) expect(t.sql, t.name).toMatch(/\)\s*STRICT$/);
    expect(applyMigrations(db, studioMigrations.slice(0, 2))).toEqual([]);
  });

  it('2: options cascade with their product, money is integer, and CHECKs stop what the schemas forbid', () => {
    const db = open();
    applyMigrations(db, studioMigrations);
    const addProduct = db.prepare(
      'INSERT INTO products (id, name, description, currency, price, sale_price, stock, external_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)',
    );
    addProduct.run('p1', '니트', '', 'KRW', 39000, 29000, 15, now, now);
    db.prepare('INSERT INTO product_options VALUES (?, ?, ?, ?, ?)').run('p1', 0, 'o1', 'S', 10);
    db.prepare('INSERT INTO product_options VALUES (?, ?, ?, ?, ?)').run('p1', 1, 'o2', 'M', 5);
    db.prepare('DELETE FROM products WHERE id = ?').run('p1');
    expect(db.prepare('SELECT count(*) FROM product_options').pluck().get()).toBe(0);

    expect(() => addProduct.run('p2', 'x', '', 'KRW', 12.5, null, 1, now, now)).toThrow(/INTEGER/);
    expect(() => addProduct.run('p3', 'x', '', 'KRW', -1, null, 1, now, now)).toThrow(/CHECK/);
    expect(() => addProduct.run('p4', 'x', '', 'KRW', 100, 100, 1, now, now)).toThrow(/CHECK/);
    expect(() => addProduct.run('p5', 'x', '', 'GBP', 100, null, 1, now, now)).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO product_images VALUES (?, ?, ?)').run('nope', 0, 'a'.repeat(64) + '.png')).toThrow(/FOREIGN KEY/);
    const addQuiz = db.prepare('INSERT INTO quizzes (id, question, choices, correct_index, time_limit_sec, winners, winner_rule, reward_coupon_id, created_at, updated_at) VALUES (?, ?, ?, ?, 30, 1, ?, NULL, ?, ?)');
    expect(() => addQuiz.run('q1', '?', '["a"]', 0, 'first', now, now)).toThrow(/CHECK/);
    expect(() => addQuiz.run('q2', '?', '["a","b"]', 2, 'first', now, now)).toThrow(/CHECK/);
    addQuiz.run('q3', '?', '["a","b"]', 1, 'draw', now, now);
    expect(() => db.prepare('INSERT INTO rundowns VALUES (?, ?, NULL, ?, ?, ?)').run('r1', 'Show', '{"not":"an array"}', now, now)).toThrow(/CHECK/);
  });

  it('3 on top of 2: run-down names as long as show titles (120), rows kept, still STRICT with their CHECKs', () => {
    const db = open();
    applyMigrations(db, studioMigrations.slice(0, 2));
    const add = db.prepare('INSERT INTO rundowns VALUES (?, ?, NULL, ?, ?, ?)');
    add.run('r1', '금요 라이브', '[]', now, now);
    expect(() => add.run('r2', '가'.repeat(81), '[]', now, now)).toThrow(/CHECK/);
    expect(applyMigrations(db, studioMigrations.slice(0, 3))).toEqual([3]);
    expect(db.prepare('SELECT name FROM rundowns').pluck().all()).toEqual(['금요 라이브']);
    add.run('r2', '가'.repeat(120), '[]', now, now);
    expect(() => add.run('r3', '가'.repeat(121), '[]', now, now)).toThrow(/CHECK/);
    expect(() => add.run('r4', '', '[]', now, now)).toThrow(/CHECK/);
    expect(() => add.run('r5', 'x', '{}', now, now)).toThrow(/CHECK/);
    expect(tables(db).find((t) => t.name === 'rundowns')!.sql).toMatch(/\)\s*STRICT$/);
  });

  it('4 on top of 3: one OBS connection row (host, port) with CHECKs; run-downs untouched and read with empty OBS actions', () => {
    const db = open();
    applyMigrations(db, studioMigrations.slice(0, 3));
    const segment = { id: 's1', title: '오프닝', plannedSec: 60, talkingPoints: '', featuredProductIds: [], cues: [{ id: 'c1', label: '', action: { kind: 'close', target: 'cards' }, trigger: { type: 'manual' } }] };
    db.prepare('INSERT INTO rundowns VALUES (?, ?, NULL, ?, ?, ?)').run('r1', '금요 라이브', JSON.stringify([segment]), now, now);
    expect(applyMigrations(db, studioMigrations.slice(0, 4))).toEqual([4]);
    const add = db.prepare('INSERT INTO obs_connection (id, host, port, updated_at) VALUES (?, ?, ?, ?)');
    add.run(1, '127.0.0.1', 4455, now);
    expect(() => add.run(2, '127.0.0.1', 4455, now)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE obs_connection SET port = 70000').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE obs_connection SET host = ''").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE obs_connection SET port = '4455x'").run()).toThrow(/INTEGER|datatype/i);
    expect(tables(db).find((t) => t.name === 'obs_connection')!.sql).toMatch(/\)\s*STRICT$/);
    const [stored] = Segment.array().parse(JSON.parse(db.prepare('SELECT segments FROM rundowns').pluck().get() as string));
    expect(stored!.obsActions).toEqual([]);
    expect(stored!.cues[0]!.obsActions).toEqual([]);
  });

  it('5 on top of 4: coupons get a product list (NULL = every product, else a non-empty JSON array); old coupons keep NULL', () => {
    const db = open();
    applyMigrations(db, studioMigrations.slice(0, 4));
    const addOld = db.prepare("INSERT INTO coupons (id, code, kind, amount, currency, min_order, total_quota, per_viewer_cap, valid_from, valid_until, created_at, updated_at) VALUES (?, ?, 'fixed', 3000, 'KRW', 0, 10, 1, NULL, NULL, ?, ?)");
    addOld.run('k1', 'OLD', now, now);
    expect(applyMigrations(db, studioMigrations.slice(0, 5))).toEqual([5]);
    expect(db.prepare('SELECT product_ids FROM coupons WHERE id = ?').pluck().get('k1')).toBeNull();
    const setList = db.prepare('UPDATE coupons SET product_ids = ? WHERE id = ?');
    setList.run('["p1","p2"]', 'k1');
    expect(() => setList.run('[]', 'k1')).toThrow(/CHECK/);
    expect(() => setList.run('{"p1":true}', 'k1')).toThrow(/CHECK/);
    expect(() => setList.run('not json', 'k1')).toThrow(/CHECK|JSON/);
    expect(tables(db).find((t) => t.name === 'coupons')!.sql).toMatch(/\)\s*STRICT$/);
  });
});
