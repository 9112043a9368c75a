import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRelayDb } from './database.js';

describe('migration 14: viewer display', () => {
  it('keeps one valid JSON setting per existing show, and goes with its show', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'm14-'));
    const db = openRelayDb(dir);
    try {
      db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'live', 'now')").run();
      const add = db.prepare('INSERT INTO show_display (show_id, display, updated_at) VALUES (?, ?, 0)');
      add.run('s', '{"purchases":false}');
      expect(() => add.run('s', '{"purchases":true}')).toThrow(); // one row per show
      expect(() => add.run('nope', '{}')).toThrow(); // no such show
      db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('t', 't', 'live', 'now')").run();
      expect(() => add.run('t', 'not json')).toThrow();
      db.prepare("DELETE FROM shows WHERE id = 's'").run();
      expect(db.prepare('SELECT count(*) AS n FROM show_display').get()).toEqual({ n: 0 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
