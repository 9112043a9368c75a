import type { AdjustStockRequest, AdjustStockResponse, LiveSpecial, RestockDemand, RestockRequest, RestockWatch, StartSpecialRequest } from '../../../common/commerce/live-selling.js';
import { MAX_RESTOCK_REQUESTS_PER_DEVICE, MAX_STOCK } from '../../../common/commerce/live-selling.js';
import type { ShowCatalog, ShowProduct } from '../../../common/commerce/show-catalog.js';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import type { Db } from '../db/database.js';
import { CommerceError } from './commerce-error.js';
import { announceStock, type CommerceContext } from './context.js';
import { preparer } from './sql.js';

/**
 * What the host changes while the show runs (docs/live-selling.md):
 * - stock: a delta applied to the relay's level in one statement, optionally guarded by the level
 *   the studio last saw (compare-and-set). Never an absolute overwrite, so a sale between the
 *   host's look and her click is never lost;
 * - 라이브 특가: a lower price until a relay-clock deadline; the Pricer asks `specialPrice` at the
 *   moment of each order, so a buyer cannot stretch it and it ends by itself;
 * - 재입고 알림: per-device requests on sold-out lines, bounded, answered when stock comes back.
 */
export class LiveSelling {
  private readonly q: ReturnType<typeof preparer>;

  constructor(
    private readonly db: Db,
    private readonly ctx: CommerceContext,
    private readonly toViewers: (showId: string, m: RelayToViewer) => void,
    /** Per-device delivery: a restock notice goes only to the devices that asked for it. */
    private readonly toViewer: (showId: string, viewerId: string, m: RelayToViewer) => void,
  ) {
    this.q = preparer(db);
  }

  adjustStock(showId: string, catalog: ShowCatalog | null, req: AdjustStockRequest): AdjustStockResponse {
    lineOf(catalog, req.productId, req.optionId);
    const key = req.optionId ?? '';
    const stock = this.db.transaction(() => {
      const before = this.ctx.stock.level(showId, req.productId, req.optionId);
      if (before === null) throw new CommerceError(400, 'unknown_product', 'the product is not in the catalog the relay holds for this show');
      if (req.expectedStock !== null && req.expectedStock !== before) throw new CommerceError(409, 'stock_changed', `the relay now holds ${before} (you saw ${req.expectedStock}); nothing was changed`);
      const after = before + req.delta;
      if (after < 0) throw new CommerceError(409, 'stock_below_zero', `only ${before} left; cannot remove ${-req.delta}`);
      if (after > MAX_STOCK) throw new CommerceError(409, 'stock_below_zero', `stock cannot exceed ${MAX_STOCK}`);
      // Relative, in the same statement as the read it depends on: concurrent orders only ever subtract.
      this.q('UPDATE show_stock SET stock = stock + ? WHERE show_id = ? AND product_id = ? AND option_id = ?').run(req.delta, showId, req.productId, key);
      return after;
    })();
    announceStock(this.ctx, showId, catalog, req.productId, req.optionId, stock);
    const notified = stock > 0 ? this.answerRestock(showId, req.productId, req.optionId, stock) : 0;
    this.ctx.log.info('stock adjusted live', { showId, productId: req.productId, optionId: req.optionId, delta: req.delta, stock, notified });
    return { productId: req.productId, optionId: req.optionId, stock, notified };
  }

  startSpecial(showId: string, catalog: ShowCatalog | null, req: StartSpecialRequest): LiveSpecial {
    const product = lineOf(catalog, req.productId, null, true);
    const current = product.salePrice ?? product.price;
    if (req.price >= current) throw new CommerceError(409, 'special_price', `the special price must be below ${current} ${product.currency}`);
    const endsAt = this.ctx.now() + req.minutes * 60_000;
    this.q('INSERT INTO live_specials (show_id, product_id, price, ends_at) VALUES (?, ?, ?, ?) ON CONFLICT (show_id, product_id) DO UPDATE SET price = excluded.price, ends_at = excluded.ends_at').run(showId, req.productId, req.price, endsAt);
    this.toViewers(showId, { type: 'special', productId: req.productId, price: req.price, endsAt });
    return { productId: req.productId, price: req.price, endsAt };
  }

  /** Ends a special early; ending one that is not running is not an error (the host's click may race its end). */
  endSpecial(showId: string, productId: string): LiveSpecial[] {
    const changed = this.q('DELETE FROM live_specials WHERE show_id = ? AND product_id = ?').run(showId, productId).changes;
    if (changed) this.toViewers(showId, { type: 'special', productId, price: null, endsAt: null });
    return this.specials(showId);
  }

  specials(showId: string): LiveSpecial[] {
    const rows = this.q('SELECT product_id, price, ends_at FROM live_specials WHERE show_id = ? AND ends_at > ? ORDER BY product_id').all(showId, this.ctx.now()) as { product_id: string; price: number; ends_at: number }[];
    return rows.map((r) => ({ productId: r.product_id, price: r.price, endsAt: r.ends_at }));
  }

  /** The special in force at `now` (relay clock), or null. */
  specialPrice(showId: string, productId: string, now: number): { price: number; endsAt: number } | null {
    const row = this.q('SELECT price, ends_at FROM live_specials WHERE show_id = ? AND product_id = ? AND ends_at > ?').get(showId, productId, now) as { price: number; ends_at: number } | undefined;
    return row ? { price: row.price, endsAt: row.ends_at } : null;
  }

  requestRestock(showId: string, catalog: ShowCatalog | null, req: RestockRequest): RestockWatch[] {
    lineOf(catalog, req.productId, req.optionId);
    const level = this.ctx.stock.level(showId, req.productId, req.optionId) ?? 0;
    if (level > 0) throw new CommerceError(409, 'in_stock', `${level} left: order it now`);
    this.db.transaction(() => {
      const open = (this.q('SELECT COUNT(*) AS n FROM restock_requests WHERE show_id = ? AND viewer_id = ? AND notified_at IS NULL').get(showId, req.viewerId) as { n: number }).n;
      const exists = this.q('SELECT 1 FROM restock_requests WHERE show_id = ? AND viewer_id = ? AND product_id = ? AND option_id = ? AND notified_at IS NULL').get(showId, req.viewerId, req.productId, req.optionId ?? '');
      if (!exists && open >= MAX_RESTOCK_REQUESTS_PER_DEVICE) throw new CommerceError(409, 'restock_limit', `at most ${MAX_RESTOCK_REQUESTS_PER_DEVICE} back-in-stock requests per device in a show`);
      // Asking again after being told re-arms the request.
      this.q('INSERT INTO restock_requests (show_id, viewer_id, product_id, option_id, created_at, notified_at) VALUES (?, ?, ?, ?, ?, NULL) ON CONFLICT DO UPDATE SET notified_at = NULL, created_at = excluded.created_at').run(showId, req.viewerId, req.productId, req.optionId ?? '', this.ctx.now());
    })();
    return this.restockWatches(showId, req.viewerId);
  }

  restockWatches(showId: string, viewerId: string): RestockWatch[] {
    const rows = this.q('SELECT product_id, option_id, notified_at FROM restock_requests WHERE show_id = ? AND viewer_id = ? ORDER BY created_at, product_id, option_id').all(showId, viewerId) as { product_id: string; option_id: string; notified_at: number | null }[];
    return rows.map((r) => ({ productId: r.product_id, optionId: r.option_id === '' ? null : r.option_id, notifiedAt: r.notified_at }));
  }

  demand(showId: string): RestockDemand[] {
    const rows = this.q('SELECT product_id, option_id, COUNT(*) AS n FROM restock_requests WHERE show_id = ? AND notified_at IS NULL GROUP BY product_id, option_id ORDER BY n DESC, product_id, option_id').all(showId) as { product_id: string; option_id: string; n: number }[];
    return rows.map((r) => ({ productId: r.product_id, optionId: r.option_id === '' ? null : r.option_id, waiting: r.n }));
  }

  /**
   * Marks the line's open requests answered and tells the connected pages of the devices that asked
   * (only them: the rest of the audience did not ask); returning devices read it from restockWatches.
   */
  private answerRestock(showId: string, productId: string, optionId: string | null, stock: number): number {
    const asked = this.q('UPDATE restock_requests SET notified_at = ? WHERE show_id = ? AND product_id = ? AND option_id = ? AND notified_at IS NULL RETURNING viewer_id').all(this.ctx.now(), showId, productId, optionId ?? '') as { viewer_id: string }[];
    for (const { viewer_id } of asked) this.toViewer(showId, viewer_id, { type: 'restocked', productId, optionId, stock });
    return asked.length;
  }
}

/** The product (and option) must be in the show's catalog; the codes match checkout's. */
function lineOf(catalog: ShowCatalog | null, productId: string, optionId: string | null, anyOption = false): ShowProduct {
  const product = catalog?.products.find((p) => p.id === productId);
  if (!product) throw new CommerceError(400, 'unknown_product', 'the product is not in this show');
  if (anyOption) return product;
  if (optionId === null && product.options.length) throw new CommerceError(400, 'option_required', 'choose which option');
  if (optionId !== null && !product.options.some((o) => o.id === optionId)) throw new CommerceError(400, 'unknown_option', 'the option does not belong to the product');
  return product;
}
