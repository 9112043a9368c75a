import type { PaymentMethod } from '../../../common/commerce/order.js';
import type { PaymentSettings, ShowCatalog } from '../../../common/commerce/show-catalog.js';
import type { Show } from '../../../common/show.js';
import { CommerceError } from './commerce-error.js';
import type { CommerceContext } from './context.js';

export function methodsOf(p: PaymentSettings): PaymentMethod[] {
  return [...(p.bankTransfer ? (['bank_transfer'] as const) : []), ...(p.cashOnDelivery ? (['cash_on_delivery'] as const) : []), ...(p.card ? (['card'] as const) : [])];
}

/** Orders and claims only while live, by the status stored now (the Show passed in may be cached). */
export function requireLiveShow(c: CommerceContext, show: Show): void {
  const status = c.statusOf(show.id);
  if (status !== 'live') throw new CommerceError(409, 'show_not_live', status === 'ended' ? 'the show has ended' : 'the show has not started yet');
}

/** Orders while live and from a ready replay (docs/replay.md); claims, answers and votes stay live-only. */
export function requireSaleOpen(c: CommerceContext, show: Show): 'live' | 'replay' {
  const source = c.saleSourceOf(show.id);
  if (source) return source;
  const status = c.statusOf(show.id);
  throw new CommerceError(409, 'show_not_live', status === 'ended' ? 'the show has ended and its replay is not ready' : 'the show has not started yet');
}

/** 개인정보 수집·이용 동의: no order is written without it (the buyer ticked it on the form). */
export function requireConsent(consent: boolean): void {
  if (!consent) throw new CommerceError(400, 'consent_required', 'agree to the collection and use of your personal data (name, phone, address) to order');
}

/**
 * What every checkout (one product or a cart) checks before pricing: the show is live (or its replay ready), the buyer
 * consented, the show sells from a catalog, the seller takes this way of paying, a card comes with
 * its token. Returns the catalog.
 */
export function admitCheckout(c: CommerceContext, show: Show, req: { consent: boolean; payment: PaymentMethod; paymentToken?: string | null | undefined }): ShowCatalog {
  requireSaleOpen(c, show);
  requireConsent(req.consent);
  const catalog = c.catalogOf(show);
  if (!catalog) throw new CommerceError(400, 'unknown_product', 'this product is not on sale in this show');
  if (!methodsOf(catalog.payment).includes(req.payment)) throw new CommerceError(400, 'bad_request', 'the seller does not take this way of paying in this show');
  if (req.payment === 'card' && !req.paymentToken) throw new CommerceError(400, 'bad_request', 'a card payment needs the payment token from the card form');
  return catalog;
}

/**
 * One run per (show, viewer, idempotency key) at a time: an overlapping duplicate waits for the
 * first and then finds its stored answer, so a retried tap is one order.
 */
export class OncePerKey<T> {
  private readonly inflight = new Map<string, Promise<T>>();

  async run(key: string, fn: () => Promise<T>): Promise<T> {
    for (let p = this.inflight.get(key); p; p = this.inflight.get(key)) await p.catch(() => undefined);
    // No await between the loop's last look and this set: two duplicates cannot both get here.
    const run = fn();
    this.inflight.set(key, run);
    try {
      return await run;
    } finally {
      if (this.inflight.get(key) === run) this.inflight.delete(key);
    }
  }
}
