/**
 * Numbered schema migrations, applied in order inside one transaction each.
 * Written against a minimal database interface so the relay and the studio share it
 * without `common/` importing a Node module.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigratableDatabase {
  exec(sql: string): unknown;
  pragma(source: string, options?: { simple: boolean }): unknown;
  transaction(fn: () => void): () => void;
}

export function applyMigrations(db: MigratableDatabase, migrations: readonly Migration[]): number[] {
  const versions = migrations.map((m) => m.version);
  if (versions.some((v, i) => v !== i + 1)) throw new Error(`migrations must be numbered 1..n without gaps, got ${versions.join(',')}`);
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > migrations.length) throw new Error(`database schema version ${current} is newer than this program (${migrations.length}); upgrade the program`);
  const applied: number[] = [];
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
