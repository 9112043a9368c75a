import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations, type Migration } from '../../common/migrations.js';
import { migration002Catalog } from './migration-002-catalog.js';
import { migration003RundownNameLength } from './migration-003-rundown-name-length.js';
import { migration004ObsConnection } from './migration-004-obs-connection.js';
import { migration005CouponProducts } from './migration-005-coupon-products.js';

/** The studio's own schema. Shows live on the relay; the studio keeps its settings, catalog, images and run-downs. */
export const studioMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`,
  },
  migration002Catalog,
  migration003RundownNameLength,
  migration004ObsConnection,
  migration005CouponProducts,
];

export class StudioDb {
  readonly db: Database.Database;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.db = new Database(path.join(dataDir, 'studio.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    applyMigrations(this.db, studioMigrations);
  }

  getSetting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  close(): void {
    this.db.close();
  }
}
