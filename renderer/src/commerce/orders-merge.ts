import type { SellerOrder } from '../../../common/commerce/order.js';

/**
 * Newest first; an order seen again replaces the copy it had, unless that copy is newer. On equal
 * `updatedAt` the incoming copy wins, or the one already there when `keepOnTie` (a fresh list beats
 * an event that arrived while it was loading).
 */
export function mergeOrder(list: readonly SellerOrder[], order: SellerOrder, keepOnTie = false): SellerOrder[] {
  const i = list.findIndex((o) => o.id === order.id);
  if (i >= 0) {
    const had = list[i]!;
    if (had.updatedAt > order.updatedAt || (keepOnTie && had.updatedAt === order.updatedAt)) return [...list];
    const next = [...list];
    next[i] = order;
    return next;
  }
  return sortNewestFirst([...list, order]);
}

export function sortNewestFirst(list: SellerOrder[]): SellerOrder[] {
  return list.sort((a, b) => (a.createdAt === b.createdAt ? b.number.localeCompare(a.number) : b.createdAt.localeCompare(a.createdAt)));
}
