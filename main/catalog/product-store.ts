import type Database from 'better-sqlite3';
import { StudioError } from '../../common/ipc-contract.js';
import { Id, ProductInput, type Product } from '../../common/commerce/catalog.js';
import { deletedLabel, forgetDeleted, itemGone, newId, nowIso, parseInput, parseStoredItem, rememberDeleted } from './store-util.js';

interface ProductRow {
  id: string;
  name: string;
  description: string;
  currency: string;
  price: number;
  sale_price: number | null;
  stock: number;
  external_url: string | null;
  updated_at: string;
}
interface OptionRow {
  product_id: string;
  id: string;
  name: string;
  stock: number;
}
interface ImageRow {
  product_id: string;
  ref: string;
}

/** Products with their options and images (rows of their own). Every write is one transaction. */
export class ProductStore {
  constructor(private readonly db: Database.Database) {}

  list(): Product[] {
    const rows = this.db.prepare('SELECT * FROM products ORDER BY created_at, rowid').all() as ProductRow[];
    return this.assemble(rows);
  }

  get(id: string): Product | null {
    const row = this.db.prepare('SELECT * FROM products WHERE id = ?').get(id) as ProductRow | undefined;
    return row ? this.assemble([row], id)[0]! : null;
  }

  /** The name a deleted product had, if it was deleted from this studio. */
  deletedName(id: string): string | null {
    return deletedLabel(this.db, 'product', id);
  }

  /** Inserts (new id when none is given, or an unknown id) or replaces the product with that id. */
  save(id: string | undefined, input: unknown): Product {
    const productId = id === undefined ? newId() : parseInput(Id, id);
    this.saveMany([{ id: productId, input }]);
    return this.get(productId)!;
  }

  /** Validates every item first, then writes them all in one transaction (all or none). Returns the ids. */
  saveMany(items: readonly { id?: string; input: unknown }[]): string[] {
    const hasImage = this.db.prepare('SELECT 1 FROM images WHERE ref = ?').pluck();
    const checked = items.map((item) => {
      const p = parseInput(ProductInput, item.input);
      const repeated = p.options.find((o, i) => p.options.findIndex((other) => other.id === o.id) !== i);
      if (repeated) throw StudioError.refuse({ reason: 'optionIdRepeated', args: { optionId: repeated.id } });
      for (const ref of p.images) if (!hasImage.get(ref)) throw StudioError.refuse({ reason: 'imageNotAdded', args: { ref: ref.slice(0, 12) } });
      return { id: item.id === undefined ? newId() : parseInput(Id, item.id), p };
    });
    const upsert = this.db.prepare(
      `INSERT INTO products (id, name, description, currency, price, sale_price, stock, external_url, created_at, updated_at)
       VALUES (@id, @name, @description, @currency, @price, @salePrice, @stock, @externalUrl, @now, @now)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, description = excluded.description, currency = excluded.currency,
         price = excluded.price, sale_price = excluded.sale_price, stock = excluded.stock, external_url = excluded.external_url,
         updated_at = excluded.updated_at`,
    );
    const clearOptions = this.db.prepare('DELETE FROM product_options WHERE product_id = ?');
    const clearImages = this.db.prepare('DELETE FROM product_images WHERE product_id = ?');
    const addOption = this.db.prepare('INSERT INTO product_options (product_id, position, id, name, stock) VALUES (?, ?, ?, ?, ?)');
    const addImage = this.db.prepare('INSERT INTO product_images (product_id, position, ref) VALUES (?, ?, ?)');
    const now = nowIso();
    this.db.transaction(() => {
      for (const { id, p } of checked) {
        upsert.run({ id, name: p.name, description: p.description, currency: p.currency, price: p.price, salePrice: p.salePrice, stock: p.stock, externalUrl: p.externalUrl, now });
        clearOptions.run(id);
        clearImages.run(id);
        p.options.forEach((o, i) => addOption.run(id, i, o.id, o.name, o.stock));
        p.images.forEach((ref, i) => addImage.run(id, i, ref));
        forgetDeleted(this.db, 'product', id);
      }
    })();
    return checked.map((c) => c.id);
  }

  /** Deletes the product (its options and image links go with it). Cues that name it stay; firing them fails clearly. */
  delete(id: string): void {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT name FROM products WHERE id = ?').get(id) as { name: string } | undefined;
      if (!row) throw itemGone('product');
      this.db.prepare('DELETE FROM products WHERE id = ?').run(id);
      rememberDeleted(this.db, 'product', id, row.name);
    })();
  }

  /**
   * Writes the relay's stock back (it owns stock during a show), in one transaction: option levels
   * set their option, product levels set products without options, and a product with options then
   * holds the sum of its options. Items the studio no longer has are skipped. Returns the product ids
   * whose stock changed. `updated_at` is left alone: this is not the seller editing the product.
   */
  applyStock(levels: readonly { productId: string; optionId: string | null; stock: number }[]): string[] {
    const setOption = this.db.prepare('UPDATE product_options SET stock = ? WHERE product_id = ? AND id = ? AND stock <> ?');
    const setProduct = this.db.prepare('UPDATE products SET stock = ? WHERE id = ? AND stock <> ? AND NOT EXISTS (SELECT 1 FROM product_options WHERE product_id = products.id)');
    const sumOptions = this.db.prepare(
      'UPDATE products SET stock = (SELECT COALESCE(SUM(stock), 0) FROM product_options WHERE product_id = products.id) WHERE id = ? AND stock <> (SELECT COALESCE(SUM(stock), 0) FROM product_options WHERE product_id = products.id)',
    );
    const changed = new Set<string>();
    this.db.transaction(() => {
      const withOptions = new Set<string>();
      for (const l of levels) {
        if (!Number.isInteger(l.stock) || l.stock < 0) throw StudioError.refuse({ reason: 'stockLevelInvalid', args: { stock: String(l.stock).slice(0, 40) } });
        if (l.optionId === null) {
          if (setProduct.run(l.stock, l.productId, l.stock).changes) changed.add(l.productId);
        } else {
          withOptions.add(l.productId);
          if (setOption.run(l.stock, l.productId, l.optionId, l.stock).changes) changed.add(l.productId);
        }
      }
      for (const id of withOptions) if (sumOptions.run(id).changes) changed.add(id);
    })();
    return [...changed];
  }

  /** `onlyId`: rows are that one product; otherwise they are all products. */
  private assemble(rows: ProductRow[], onlyId?: string): Product[] {
    if (!rows.length) return [];
    const where = onlyId === undefined ? '' : 'WHERE product_id = ?';
    const args = onlyId === undefined ? [] : [onlyId];
    const options = group(this.db.prepare(`SELECT product_id, id, name, stock FROM product_options ${where} ORDER BY product_id, position`).all(...args) as OptionRow[]);
    const images = group(this.db.prepare(`SELECT product_id, ref FROM product_images ${where} ORDER BY product_id, position`).all(...args) as ImageRow[]);
    return rows.map((r) => {
      const input = parseStoredItem(
        ProductInput,
        {
          name: r.name,
          description: r.description,
          currency: r.currency,
          price: r.price,
          salePrice: r.sale_price,
          stock: r.stock,
          externalUrl: r.external_url,
          options: (options.get(r.id) ?? []).map((o) => ({ id: o.id, name: o.name, stock: o.stock })),
          images: (images.get(r.id) ?? []).map((i) => i.ref),
        },
        'product',
        r.name,
      );
      return { id: r.id, updatedAt: r.updated_at, ...input };
    });
  }
}

function group<R extends { product_id: string }>(rows: R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.product_id);
    if (list) list.push(r);
    else out.set(r.product_id, [r]);
  }
  return out;
}
