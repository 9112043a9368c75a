import type { PaymentMethod } from '../../../common/commerce/order.js';
import { DEFAULT_PAYMENT_WINDOW_MINUTES, type PaymentSettings, type ShowProduct } from '../../../common/commerce/show-catalog.js';
import { CommerceError } from './commerce-error.js';
import { NETWORK_SHARE } from './identity.js';
import type { OrderStore, OrderTags } from './order-store.js';

/**
 * The caps an order must fit, checked before a card is charged and again inside the order's
 * transaction (where they are authoritative). Per buyer: the product's perBuyerCap in units over
 * standing orders matched by device, phone or delivery address, so fresh device ids do not reset
 * it. Per network: at most NETWORK_SHARE unpaid orders (bank transfer, cash on delivery) of one
 * product, so a script cannot hold a flash sale's stock with orders it never pays; card orders
 * are paid and count only per buyer. docs/identity-and-fairness.md gives the reasons.
 */
export function checkBuyerCaps(orders: OrderStore, a: { showId: string; product: ShowProduct; viewerId: string; quantity: number; payment: PaymentMethod; tags: OrderTags }): void {
  const cap = a.product.perBuyerCap;
  if (cap) {
    const held = orders.unitsHeldBy(a.showId, a.product.id, a.viewerId, a.tags);
    if (held + a.quantity > cap) throw new CommerceError(409, 'buyer_cap', held === 0 ? `at most ${cap} per buyer` : `at most ${cap} per buyer; you already have ${held} (same phone, address or device)`);
  }
  if (a.payment !== 'card' && orders.unpaidFromNetwork(a.showId, a.product.id, a.tags.net) >= NETWORK_SHARE)
    throw new CommerceError(409, 'network_cap', 'too many unpaid orders of this product from your network; pay by card, or try again once they are paid');
}

/** When an unpaid bank transfer placed at `at` expires; null for methods that do not expire. */
export function paymentDeadline(payment: PaymentMethod, settings: PaymentSettings, at: number): string | null {
  if (payment !== 'bank_transfer') return null;
  const minutes = settings.bankTransfer?.paymentWindowMinutes ?? DEFAULT_PAYMENT_WINDOW_MINUTES;
  return new Date(at + minutes * 60_000).toISOString();
}
