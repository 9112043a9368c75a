import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRelayDb } from './database.js';

describe('migration 13: clips', () => {
  it('keeps one clip per segment occurrence, valid ranges and statuses, and goes with its show', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'm13-'));
    const db = openRelayDb(dir);
    try {
      db.prepare("INSERT INTO shows (id, title, status, created_at) VALUES ('s', 't', 'ended', 'now')").run();
      const add = db.prepare("INSERT INTO clips (id, show_id, segment_no, segment_id, in_sec, out_sec, token, status, created_at, updated_at) VALUES (?, 's', ?, 'seg', ?, ?, ?, ?, 0, 0)");
      add.run('c1', 1, 0, 20, 'tok1', 'queued');
      expect(() => add.run('c2', 1, 0, 20, 'tok2', 'queued')).toThrow(); // same segment occurrence
      expect(() => add.run('c3', 2, 20, 10, 'tok3', 'queued')).toThrow(); // out before in
      expect(() => add.run('c4', 2, 0, 20, 'tok4', 'done')).toThrow(); // unknown status
      expect(() => add.run('c5', 2, 0, 20, 'tok1', 'queued')).toThrow(); // token reused
      db.prepare("DELETE FROM shows WHERE id = 's'").run();
      expect(db.prepare('SELECT count(*) AS n FROM clips').get()).toEqual({ n: 0 });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
