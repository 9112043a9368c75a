import { remoteZoneOf, type RemoteZone } from './remote-postcodes.js';
import type { PaymentSettings } from './show-catalog.js';

/**
 * The one shipping formula, for a single line and for a whole cart: the relay charges it, the
 * watch page shows it. A cart ships once (one fee for all its lines).
 *
 * - base: the show's flat fee, waived when the goods subtotal (before coupons) reaches
 *   `freeShippingFrom`;
 * - surcharge: Jeju or island extra by the delivery postcode. It is charged even when the base fee
 *   is waived, as Korean shops do ("무료배송, 제주/도서산간 추가 배송비 별도"): the ferry costs the
 *   seller the same either way.
 */
export interface Shipping {
  zone: RemoteZone;
  base: number;
  surcharge: number;
  /** base + surcharge: what the quote's `shipping` carries. */
  total: number;
}

export function shippingFor(args: { subtotal: number; payment: Pick<PaymentSettings, 'shippingFee' | 'freeShippingFrom' | 'remoteSurcharge'>; postcode: string | null }): Shipping {
  const { subtotal, payment, postcode } = args;
  const base = payment.freeShippingFrom !== null && subtotal >= payment.freeShippingFrom ? 0 : payment.shippingFee;
  const zone = postcode === null ? 'mainland' : remoteZoneOf(postcode);
  const surcharge = zone === 'mainland' || !payment.remoteSurcharge ? 0 : payment.remoteSurcharge[zone];
  return { zone, base, surcharge, total: base + surcharge };
}
