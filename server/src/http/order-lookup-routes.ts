import { timingSafeEqual } from 'node:crypto';
import { RELAY_ROUTES as R } from '../../../common/api/relay-routes.js';
import type { Commerce } from '../commerce/commerce.js';
import { payToFor } from '../commerce/context.js';
import { toViewerOrder } from '../commerce/order-store.js';
import { RateLimiter } from '../commerce/rate-limiter.js';
import { commerceHttpError } from './commerce-routes.js';
import { apiError, type DeclaredApi } from './declared.js';
import type { WatchShowCache } from './watch-show-cache.js';

/**
 * "Where is my order" from any device (docs/fulfilment.md): order number + the phone number given
 * at checkout. An enumeration target, so: tries are budgeted per network (5, then 1 every 30 s)
 * and per phone (5, then 1 a minute: guessing numbers for a known phone); a wrong phone and an
 * unknown number get the same answer; nothing is revealed unless both match. The phone is compared
 * as the relay's keyed hash (identity.ts), the same one stored with the order.
 */
export const LOOKUP_BURST = 5;
const PER_NETWORK_PER_SEC = 1 / 30;
const PER_PHONE_PER_SEC = 1 / 60;
const NOT_FOUND = 'no order with this order number and phone number in this show';

export function addOrderLookupRoutes(api: DeclaredApi, deps: { shows: WatchShowCache; commerce: Commerce }): void {
  const { shows, commerce } = deps;
  const perNetwork = new RateLimiter(PER_NETWORK_PER_SEC, LOOKUP_BURST);
  const perPhone = new RateLimiter(PER_PHONE_PER_SEC, LOOKUP_BURST);
  api.serve(
    R.lookupOrder,
    ({ req, params, body }) => {
      const show = shows.showFor(params.token);
      const phoneHash = commerce.viewers.identity.phoneHash(body.phone);
      if (!perNetwork.take(commerce.viewers.networkTagOf(req))) throw apiError('rate_limited', 'too many order lookups from this network; wait a minute');
      if (!perPhone.take(phoneHash)) throw apiError('rate_limited', 'too many order lookups for this phone number; wait a minute');
      const order = commerce.orders.byNumber(show.id, body.number);
      const matches = order !== null && order.phoneHash !== null && order.phoneHash.length === phoneHash.length && timingSafeEqual(Buffer.from(order.phoneHash), Buffer.from(phoneHash));
      if (!order || !matches) throw apiError('not_found', NOT_FOUND);
      return toViewerOrder(order, payToFor(commerce.catalogOf(show), order));
    },
    commerceHttpError,
  );
}
