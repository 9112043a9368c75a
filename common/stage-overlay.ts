import type { Stage } from './stage.js';

/**
 * Facts the relay broadcasts between stage snapshots (stock, coupon quota, poll tallies). Used by the
 * watch page and by the studio's "시청자 화면에 보이는 것" panel, so both show the same figures. They are
 * newer than the stage's own copies (a card's stock is what the studio knew when the host pinned it;
 * the relay owns stock during the show), so they are laid over whatever stage is displayed.
 */
export interface LiveFacts {
  /** productId → stock of the product as a whole (optionId null in the broadcast). */
  readonly productStock: ReadonlyMap<string, number>;
  /** `${productId}/${optionId}` → stock of that option. */
  readonly optionStock: ReadonlyMap<string, number>;
  readonly couponQuota: ReadonlyMap<string, number>;
  readonly pollCounts: ReadonlyMap<string, readonly number[]>;
}

export const NO_FACTS: LiveFacts = { productStock: new Map(), optionStock: new Map(), couponQuota: new Map(), pollCounts: new Map() };

export const optionKey = (productId: string, optionId: string): string => `${productId}/${optionId}`;

export interface StockItem {
  productId: string;
  optionId: string | null;
  stock: number;
}

export function withStock(facts: LiveFacts, items: readonly StockItem[]): LiveFacts {
  const productStock = new Map(facts.productStock);
  const optionStock = new Map(facts.optionStock);
  const touched = new Set<string>();
  for (const it of items) {
    if (it.optionId === null) productStock.set(it.productId, it.stock);
    else {
      optionStock.set(optionKey(it.productId, it.optionId), it.stock);
      touched.add(it.productId);
    }
  }
  // A product with options whose total was not sent: its total is the sum of the options we know of.
  for (const productId of touched) {
    if (items.some((it) => it.productId === productId && it.optionId === null)) continue;
    let sum = 0;
    for (const [k, v] of optionStock) if (k.startsWith(`${productId}/`)) sum += v;
    productStock.set(productId, sum);
  }
  return { ...facts, productStock, optionStock };
}

export function withQuota(facts: LiveFacts, couponId: string, quotaLeft: number): LiveFacts {
  return { ...facts, couponQuota: new Map(facts.couponQuota).set(couponId, quotaLeft) };
}

/** Votes only ever go up, and answers (our vote's response, broadcasts) can arrive in any order: keep the larger count per choice. */
export function mergeCounts(a: readonly number[] | undefined, b: readonly number[]): number[] {
  const n = Math.max(a?.length ?? 0, b.length);
  return Array.from({ length: n }, (_, i) => Math.max(a?.[i] ?? 0, b[i] ?? 0));
}

export function withTally(facts: LiveFacts, pollId: string, counts: readonly number[]): LiveFacts {
  return { ...facts, pollCounts: new Map(facts.pollCounts).set(pollId, mergeCounts(facts.pollCounts.get(pollId), counts)) };
}

/** The stage with the newest stock, quota and tallies laid over it (same object when nothing changes). */
export function overlay(stage: Stage, facts: LiveFacts): Stage {
  let changed = false;
  const pinned = stage.pinned.map((card) => {
    const stock = facts.productStock.get(card.productId) ?? card.stock;
    // Options too: a restocked option must lose its 재입고 알림 button (docs/live-selling.md).
    const options = card.options.some((o) => optionStockOf(facts, card.productId, o.id, o.stock) !== o.stock) ? card.options.map((o) => ({ ...o, stock: optionStockOf(facts, card.productId, o.id, o.stock) })) : card.options;
    if (stock === card.stock && options === card.options) return card;
    changed = true;
    return { ...card, stock, options };
  });
  let coupon = stage.coupon;
  const quota = coupon ? facts.couponQuota.get(coupon.couponId) : undefined;
  // Quota only goes down during a drop: a snapshot sent before the latest claims must not raise it again.
  if (coupon && quota !== undefined && quota < coupon.quotaLeft) {
    coupon = { ...coupon, quotaLeft: quota };
    changed = true;
  }
  let poll = stage.poll;
  const counts = poll ? facts.pollCounts.get(poll.pollId) : undefined;
  if (poll && counts) {
    const merged = mergeCounts(poll.counts, counts).slice(0, poll.choices.length);
    if (merged.some((v, i) => v !== poll!.counts[i])) {
      poll = { ...poll, counts: merged };
      changed = true;
    }
  }
  return changed ? { ...stage, pinned, coupon, poll } : stage;
}

/** Stock of one option (after broadcasts), or the fallback the caller knows. */
export function optionStockOf(facts: LiveFacts, productId: string, optionId: string, fallback: number): number {
  return facts.optionStock.get(optionKey(productId, optionId)) ?? fallback;
}
