import type { Db } from '../db/database.js';
import { CommerceError } from './commerce-error.js';
import { preparer } from './sql.js';

/**
 * Moves stock the relay owns (show_stock; option_id '' = a product without options). Taking is one
 * guarded UPDATE: it succeeds only while enough is left, so two buyers can never both get the last
 * one, and CHECK (stock >= 0) backs it up. Call inside the order's transaction.
 */
export class StockLedger {
  private readonly q: ReturnType<typeof preparer>;

  constructor(db: Db) {
    this.q = preparer(db);
  }

  level(showId: string, productId: string, optionId: string | null): number | null {
    const row = this.q('SELECT stock FROM show_stock WHERE show_id = ? AND product_id = ? AND option_id = ?').get(showId, productId, optionId ?? '') as { stock: number } | undefined;
    return row ? row.stock : null;
  }

  /** Returns the stock left; throws sold_out / out_of_stock when there is not enough. */
  take(showId: string, productId: string, optionId: string | null, quantity: number): number {
    const changed = this.q('UPDATE show_stock SET stock = stock - ? WHERE show_id = ? AND product_id = ? AND option_id = ? AND stock >= ?').run(quantity, showId, productId, optionId ?? '', quantity).changes;
    const left = this.level(showId, productId, optionId) ?? 0;
    if (changed === 0) throw stockError(left);
    return left;
  }

  /** A cancelled or refunded order's items go back on sale. Returns the new level. */
  give(showId: string, productId: string, optionId: string | null, quantity: number): number {
    this.q('UPDATE show_stock SET stock = stock + ? WHERE show_id = ? AND product_id = ? AND option_id = ?').run(quantity, showId, productId, optionId ?? '');
    return this.level(showId, productId, optionId) ?? 0;
  }

  /** A product's total over its options (what its card shows). */
  productTotal(showId: string, productId: string): number {
    return (this.q('SELECT COALESCE(SUM(stock), 0) AS n FROM show_stock WHERE show_id = ? AND product_id = ?').get(showId, productId) as { n: number }).n;
  }
}

export function stockError(left: number): CommerceError {
  return left === 0 ? new CommerceError(409, 'sold_out', 'sold out') : new CommerceError(409, 'out_of_stock', `only ${left} left`);
}
