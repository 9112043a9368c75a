import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from '../../../common/migrations.js';
import { relayMigrations } from './migrations.js';

export type Db = Database.Database;

/** Opens (or creates) the relay's SQLite file: WAL, foreign keys on, schema migrated. */
export function openRelayDb(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, 'relay.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL'); // an acknowledged write survives power loss, not just a crash
  db.pragma('busy_timeout = 5000');
  applyMigrations(db, relayMigrations);
  return db;
}

/**
 * One transaction for rows whose loss in a power cut is acceptable (analytics, chat written after
 * its ack): it commits without an fsync of its own (synchronous=NORMAL for this commit only), and
 * the next durable commit's fsync covers it. A crash of the process loses nothing either way (WAL).
 * An fsync here takes 8–50 ms of the relay's only thread under load.
 */
export function writeWithoutFsync<T>(db: Db, write: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return db.transaction(write)();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
