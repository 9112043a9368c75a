import type { RelayToStudio } from '../../../common/protocol/studio-api.js';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import type { StockLevel } from '../../../common/commerce/show-catalog.js';
import { Throttle } from './throttle.js';

type Purchase = Extract<RelayToViewer, { type: 'purchases' }>['items'][number];

/** Stock lines keyed by product and option: a later level of the same line replaces the earlier. */
const mergeStock = (pending: Map<string, StockLevel> | undefined, next: Map<string, StockLevel>) => {
  const out = pending ?? new Map<string, StockLevel>();
  for (const [k, v] of next) out.set(k, v);
  return out;
};
const lineKey = (l: StockLevel) => `${l.productId}\u0000${l.optionId ?? ''}`;
const MAX_STOCK_ITEMS = 600;
const MAX_PURCHASES = 5;

/**
 * What buying tells everyone, coalesced so a flash sale is not a message storm:
 * - viewers: `stock` at most 4 per second (a line reaching 0 goes out at once, so every viewer sees
 *   Sold out on the same message), `purchases` at most 2 per second with the 5 latest notices
 *   (older ones in between are dropped: they are social proof, not a ledger), `couponQuota` at
 *   most 4 per second per coupon (0 at once);
 * - the studio: `stock` at most 4 per second (it writes the levels back to its catalog).
 */
export class CommerceNotices {
  private readonly viewerStock: Throttle<Map<string, StockLevel>>;
  private readonly studioStock: Throttle<Map<string, StockLevel>>;
  private readonly purchases: Throttle<Purchase[]>;
  private readonly quota: Throttle<number>;

  /**
   * @param purchasesShown whether the host lets the show's viewers see purchase notices
   *   (docs/phone-layout.md); when off they are not sent at all, and none held back goes out later.
   */
  constructor(toViewers: (showId: string, m: RelayToViewer) => void, toStudio: (m: RelayToStudio) => void, private readonly purchasesShown: (showId: string) => boolean = () => true) {
    this.viewerStock = new Throttle(250, mergeStock, (showId, lines) => {
      const items = [...lines.values()];
      for (let i = 0; i < items.length; i += MAX_STOCK_ITEMS) toViewers(showId, { type: 'stock', items: items.slice(i, i + MAX_STOCK_ITEMS) });
    });
    this.studioStock = new Throttle(250, mergeStock, (showId, lines) => toStudio({ type: 'stock', showId, items: [...lines.values()] }));
    this.purchases = new Throttle(500, (p: Purchase[] | undefined, n: Purchase[]) => [...(p ?? []), ...n].slice(-MAX_PURCHASES), (showId, items) => {
      if (this.purchasesShown(showId)) toViewers(showId, { type: 'purchases', items });
    });
    this.quota = new Throttle(250, (_p: number | undefined, n: number) => n, (key, quotaLeft) => {
      const [showId, couponId] = key.split('\u0000') as [string, string];
      toViewers(showId, { type: 'couponQuota', couponId, quotaLeft });
    });
  }

  /**
   * Stock lines that changed (as held: per option, or per product without options). Viewers also get
   * `cardTotals`: for a product with options, its total with optionId null, which is what its card
   * shows. The studio gets only the held lines, which map one to one onto its catalog (and none
   * after its own hand-off, which it got in the answer).
   */
  stock(showId: string, lines: StockLevel[], cardTotals: StockLevel[] = [], toStudio = true): void {
    const soldOut = [...lines, ...cardTotals].some((l) => l.stock === 0);
    this.viewerStock.push(showId, new Map([...lines, ...cardTotals].map((l) => [lineKey(l), l])), soldOut);
    if (toStudio && lines.length) this.studioStock.push(showId, new Map(lines.map((l) => [lineKey(l), l])), soldOut);
  }

  purchase(showId: string, item: Purchase): void {
    if (this.purchasesShown(showId)) this.purchases.push(showId, [item]);
  }

  couponQuota(showId: string, couponId: string, quotaLeft: number): void {
    this.quota.push(`${showId}\u0000${couponId}`, quotaLeft, quotaLeft === 0);
  }

  stop(): void {
    for (const t of [this.viewerStock, this.studioStock, this.purchases, this.quota]) t.stop();
  }
}
