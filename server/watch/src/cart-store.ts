import { MAX_CART_LINES } from '../../../common/commerce/cart.js';
import { MAX_QUANTITY, type CartLine } from '../../../common/commerce/order.js';
import type { Currency } from '../../../common/commerce/money.js';

/** A line in the viewer's cart, with what the cart sheet shows before the relay prices it. */
export interface CartItem extends CartLine {
  name: string;
  optionName: string | null;
  currency: Currency;
}

/**
 * The viewer's cart for this page (kept in memory: a cart is for this show, now). Adding the same
 * product and option again adds to its quantity (the relay refuses duplicate lines); at most
 * MAX_CART_LINES lines, as the relay allows.
 */
export class CartStore {
  private items: readonly CartItem[] = [];
  private readonly listeners = new Set<() => void>();

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): readonly CartItem[] => this.items;

  /** False when the cart is full (a new line would be one too many). */
  add(item: CartItem): boolean {
    const same = this.items.findIndex((i) => i.productId === item.productId && i.optionId === item.optionId);
    if (same >= 0) this.set(this.items.map((i, n) => (n === same ? { ...i, quantity: Math.min(MAX_QUANTITY, i.quantity + item.quantity) } : i)));
    else if (this.items.length >= MAX_CART_LINES) return false;
    else this.set([...this.items, item]);
    return true;
  }

  remove(index: number): void {
    this.set(this.items.filter((_, n) => n !== index));
  }

  clear(): void {
    this.set([]);
  }

  private set(items: readonly CartItem[]): void {
    this.items = items;
    for (const fn of this.listeners) fn();
  }
}

export const cart = new CartStore();
