import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';

/** Prepared statements compiled once per SQL text: the checkout path runs the same few thousands of times a second. */
export function preparer(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
}
