import type { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import type { RelayToStudio } from '../../../common/protocol/studio-api.js';
import type { Show } from '../../../common/show.js';
import type { Logger } from '../log.js';
import type { CommitQueue } from './commit-queue.js';
import type { CouponStore } from './coupon-store.js';
import type { OrderNumbers } from './order-number.js';
import type { OrderRecord, OrderStore, PayTo } from './order-store.js';
import { toSellerOrder } from './order-store.js';
import type { PaymentProvider } from './payment-provider.js';
import type { Pricer } from './pricer.js';
import type { ShowCatalogStore } from './show-catalog-store.js';
import type { StockLedger } from './stock-ledger.js';
import type { ViewerRegistry } from './viewer-registry.js';
import type { CommerceNotices } from './viewer-notices.js';

/** What the commerce services share; built once in commerce.ts. */
export interface CommerceContext {
  catalogs: ShowCatalogStore;
  stock: StockLedger;
  orders: OrderStore;
  coupons: CouponStore;
  numbers: OrderNumbers;
  pricer: Pricer;
  commits: CommitQueue;
  payments: PaymentProvider;
  viewers: ViewerRegistry;
  notices: CommerceNotices;
  toStudio: (m: RelayToStudio) => void;
  /** The catalog a show sells from (a rehearsal without its own gets a copy of the real show's). */
  catalogOf: (show: Show) => ShowCatalog | null;
  /** The show's status as stored now (not as a cached Show says); checked again inside each commit. */
  statusOf: (showId: string) => string | null;
  isLive: (showId: string) => boolean;
  /** Whether the show sells now and as what: 'live', 'replay' (ended, replay ready), or null. Checked again inside each order's commit. */
  saleSourceOf: (showId: string) => 'live' | 'replay' | null;
  /**
   * The id of the clip with this page token, if it is a clip of this show that still exists: an
   * order is counted for a clip only then (docs/clips.md, "Numbers"). Checked inside each order's commit.
   */
  clipOf: (showId: string, clipToken: string) => string | null;
  log: Logger;
  now: () => number;
}

/** Where a bank-transfer buyer sends the money, while the order waits for it. Never before ordering. */
export function payToFor(catalog: ShowCatalog | null, o: OrderRecord): PayTo {
  const bank = catalog?.payment.bankTransfer;
  if (o.payment !== 'bank_transfer' || o.status !== 'awaiting_payment' || !bank) return null;
  return { bank: bank.bank, accountNumber: bank.accountNumber, holder: bank.holder, amount: o.total };
}

/** Tells every studio window about a new or changed order, with the buyer's details (studio only). */
export function announceToStudio(c: CommerceContext, catalog: ShowCatalog | null, o: OrderRecord): void {
  c.toStudio({ type: 'order', showId: o.showId, order: toSellerOrder(o, payToFor(catalog, o), c.viewers.nickname(o.viewerId)) });
}

/** The changed stock line, plus the product's total when it has options (what its card shows). */
export function announceStock(c: CommerceContext, showId: string, catalog: ShowCatalog | null, productId: string, optionId: string | null, level: number): void {
  const product = catalog?.products.find((p) => p.id === productId);
  const totals = product && product.options.length ? [{ productId, optionId: null, stock: c.stock.productTotal(showId, productId) }] : [];
  c.notices.stock(showId, [{ productId, optionId, stock: level }], totals);
}
