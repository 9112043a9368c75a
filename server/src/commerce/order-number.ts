import type { Db } from '../db/database.js';
import { preparer } from './sql.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** yymmdd in the relay's local time zone: the seller's calendar day, which is what they file orders by. */
export function dayStamp(at: Date): string {
  return `${pad2(at.getFullYear() % 100)}${pad2(at.getMonth() + 1)}${pad2(at.getDate())}`;
}

/**
 * Readable order numbers, unique per relay: LC-261122-0042 (the 42nd order of that day), and
 * R-261122-0003 for a rehearsal, so a practice order can never be mistaken for a sale. The counter
 * per day is read from the table once, then kept in memory; it only grows, so a number is never
 * reused (a refused order may leave a gap, which is harmless). Call inside the order's transaction.
 */
export class OrderNumbers {
  private readonly counters = new Map<string, number>();
  private readonly q: ReturnType<typeof preparer>;

  constructor(db: Db) {
    this.q = preparer(db);
  }

  next(rehearsal: boolean, at: Date): string {
    const prefix = `${rehearsal ? 'R' : 'LC'}-${dayStamp(at)}-`;
    let n = this.counters.get(prefix);
    if (n === undefined) {
      // Numbers of one day sort together in the UNIQUE index: '-' < digits < '.', so this is a range scan.
      const row = this.q('SELECT MAX(CAST(substr(number, ?) AS INTEGER)) AS n FROM orders WHERE number > ? AND number < ?').get(prefix.length + 1, prefix, prefix.slice(0, -1) + '.') as { n: number | null };
      n = row.n ?? 0;
    }
    n += 1;
    this.counters.set(prefix, n);
    return prefix + String(n).padStart(4, '0');
  }
}
