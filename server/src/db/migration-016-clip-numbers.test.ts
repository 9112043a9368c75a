import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRelayDb } from './database.js';

describe('migration 16: clip numbers', () => {
  it('keeps one view per device and clip, gone with the clip; orders carry a clip id that outlives the clip', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'm16-'));
    const db = openRelayDb(dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(16);
      db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'ended', 'now')").run();
      db.prepare("INSERT INTO clips (id, show_id, segment_no, segment_id, in_sec, out_sec, token, status, created_at, updated_at) VALUES ('clp_a', 's', 1, 'seg', 0, 10, 'tok', 'ready', 0, 0)").run();
      // The per-opening counter of migration 13 is gone.
      expect((db.prepare('PRAGMA table_info(clips)').all() as { name: string }[]).map((c) => c.name)).not.toContain('views');
      const add = db.prepare("INSERT OR IGNORE INTO clip_views (clip_id, device_id, first_at) VALUES ('clp_a', ?, ?)");
      add.run('dev-a', 1);
      add.run('dev-a', 2); // the same device again: still one view
      add.run('dev-b', 3);
      expect(db.prepare('SELECT device_id, first_at FROM clip_views ORDER BY device_id').all()).toEqual([
        { device_id: 'dev-a', first_at: 1 },
        { device_id: 'dev-b', first_at: 3 },
      ]);
      expect(() => db.prepare("INSERT INTO clip_views (clip_id, device_id, first_at) VALUES ('clp_missing', 'dev-c', 1)").run()).toThrow();
      db.prepare("INSERT INTO viewers (id, created_at) VALUES ('v', 'now')").run();
      db.prepare(
        `INSERT INTO orders (id, number, show_id, viewer_id, idempotency_key, request_hash, product_id, quantity, currency, total, discount, quote, payment, status, created_at, updated_at, source, clip_id)
         VALUES ('o', 'LC-1', 's', 'v', 'k', 'h', 'p', 1, 'KRW', 100, 0, '{}', 'card', 'paid', 'now', 'now', 'replay', 'clp_a')`,
      ).run();
      db.prepare("DELETE FROM clips WHERE id = 'clp_a'").run();
      expect(db.prepare('SELECT count(*) AS n FROM clip_views').get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT clip_id FROM orders WHERE id = 'o'").get()).toEqual({ clip_id: 'clp_a' });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
