import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRelayDb } from './database.js';

describe('migration 15: replay views', () => {
  it('keeps one row per device and show, and goes with its show', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'm15-'));
    const db = openRelayDb(dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(15);
      db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'ended', 'now')").run();
      const add = db.prepare("INSERT OR IGNORE INTO replay_views (show_id, viewer_id, first_at) VALUES ('s', ?, ?)");
      add.run('dev-a', 1);
      add.run('dev-a', 2); // the same device again: still one view
      add.run('dev-b', 3);
      expect(db.prepare('SELECT viewer_id, first_at FROM replay_views ORDER BY viewer_id').all()).toEqual([
        { viewer_id: 'dev-a', first_at: 1 },
        { viewer_id: 'dev-b', first_at: 3 },
      ]);
      expect(() => db.prepare("INSERT INTO replay_views (show_id, viewer_id, first_at) VALUES ('missing', 'dev-c', 1)").run()).toThrow();
      db.prepare("DELETE FROM shows WHERE id = 's'").run();
      expect(db.prepare('SELECT count(*) AS n FROM replay_views').get()).toEqual({ n: 0 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
