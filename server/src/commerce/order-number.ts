import { randomInt } from 'node:crypto';
import type { Db } from '../db/database.js';
import { preparer } from './sql.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** yymmdd in the relay's local time zone: the seller's calendar day, which is what they file orders by. */
export function dayStamp(at: Date): string {
  return `${pad2(at.getFullYear() % 100)}${pad2(at.getMonth() + 1)}${pad2(at.getDate())}`;
}

/**
 * Readable order numbers that do not count sales: LC-261122-483051 (a random 6-digit number of
 * that day) and R-261122-… for a rehearsal, so a practice order can never be mistaken for a sale.
 * Digits only, in groups, because buyers read them out on the phone. A number already taken (the
 * UNIQUE index, checked here inside the order's transaction) is drawn again; at 10⁶ per day a
 * day of 10,000 orders needs a second draw about 1% of the time.
 */
export class OrderNumbers {
  private readonly q: ReturnType<typeof preparer>;

  constructor(
    db: Db,
    private readonly draw: () => number = () => randomInt(0, 1_000_000),
  ) {
    this.q = preparer(db);
  }

  next(rehearsal: boolean, at: Date): string {
    const prefix = `${rehearsal ? 'R' : 'LC'}-${dayStamp(at)}-`;
    for (let attempt = 0; attempt < 50; attempt++) {
      const number = prefix + String(this.draw()).padStart(6, '0');
      if (!this.q('SELECT 1 FROM orders WHERE number = ?').get(number)) return number;
    }
    // 50 taken draws in a row means the day is nearly full: a longer number rather than a failed order.
    return prefix + String(this.draw()).padStart(6, '0') + String(this.draw() % 1000).padStart(3, '0');
  }
}
