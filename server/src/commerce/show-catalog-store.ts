import { ShowCatalog, type StockLevel } from '../../../common/commerce/show-catalog.js';
import type { Db } from '../db/database.js';
import { preparer } from './sql.js';

interface StockRow {
  product_id: string;
  option_id: string;
  stock: number;
}

const toLevel = (r: StockRow): StockLevel => ({ productId: r.product_id, optionId: r.option_id === '' ? null : r.option_id, stock: r.stock });

/**
 * The catalog the studio handed the relay for a show, and the stock the relay owns from then on.
 * A re-hand-off replaces definitions (names, prices, coupons…) but keeps every stock row the relay
 * already holds: stock only moves through orders, cancellations and refunds on the relay.
 * Stock rows: one per option, or one with option_id '' for a product without options.
 */
export class ShowCatalogStore {
  private readonly cache = new Map<string, ShowCatalog>();

  /** Cached statements for the catalog read each chat message makes (which product it names). */
  private readonly q: ReturnType<typeof preparer>;

  constructor(private readonly db: Db) {
    this.q = preparer(db);
  }

  put(showId: string, catalog: ShowCatalog): StockLevel[] {
    const insertStock = this.db.prepare('INSERT OR IGNORE INTO show_stock (show_id, product_id, option_id, stock) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO show_catalog (show_id, catalog, updated_at) VALUES (?, ?, ?) ON CONFLICT (show_id) DO UPDATE SET catalog = excluded.catalog, updated_at = excluded.updated_at')
        .run(showId, JSON.stringify(catalog), new Date().toISOString());
      for (const p of catalog.products) {
        if (p.options.length === 0) insertStock.run(showId, p.id, '', p.stock);
        for (const o of p.options) insertStock.run(showId, p.id, o.id, o.stock);
      }
    })();
    this.cache.set(showId, catalog);
    return this.stock(showId);
  }

  get(showId: string): ShowCatalog | null {
    const hit = this.cache.get(showId);
    if (hit) return hit;
    const row = this.q('SELECT catalog FROM show_catalog WHERE show_id = ?').get(showId) as { catalog: string } | undefined;
    if (!row) return null;
    // Stored by put() after validation; parsed again so a hand-edited file cannot smuggle bad data in.
    const catalog = ShowCatalog.parse(JSON.parse(row.catalog));
    this.cache.set(showId, catalog);
    return catalog;
  }

  stock(showId: string): StockLevel[] {
    return (this.db.prepare('SELECT product_id, option_id, stock FROM show_stock WHERE show_id = ? ORDER BY product_id, option_id').all(showId) as StockRow[]).map(toLevel);
  }

  /** Current stock of one line: the option's, or the product's when it has none. null = not held. */
  stockOf(showId: string, productId: string, optionId: string | null): number | null {
    const row = this.db.prepare('SELECT stock FROM show_stock WHERE show_id = ? AND product_id = ? AND option_id = ?').get(showId, productId, optionId ?? '') as { stock: number } | undefined;
    return row ? row.stock : null;
  }

  /** A product's total stock (sum over its options). */
  productStock(showId: string, productId: string): number {
    const row = this.db.prepare('SELECT COALESCE(SUM(stock), 0) AS n FROM show_stock WHERE show_id = ? AND product_id = ?').get(showId, productId) as { n: number };
    return row.n;
  }
}
