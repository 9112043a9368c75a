import type { Handlers } from '../handlers.js';
import type { RelayClient } from '../relay-client.js';

type LiveSellingChannel = 'live.stock' | 'live.adjustStock' | 'live.startSpecial' | 'live.endSpecial' | 'live.specials' | 'live.restockDemand';

/** Live selling from the host view, passed through to the relay, which owns stock and prices (docs/live-selling.md). */
export function liveSellingHandlers(client: () => RelayClient): Pick<Handlers, LiveSellingChannel> {
  return {
    'live.stock': (req) => client().getStock(req.showId),
    'live.adjustStock': ({ showId, ...body }) => client().adjustStock(showId, body),
    'live.startSpecial': ({ showId, ...body }) => client().startSpecial(showId, body),
    'live.endSpecial': (req) => client().endSpecial(req.showId, req.productId),
    'live.specials': (req) => client().listSpecials(req.showId),
    'live.restockDemand': (req) => client().restockDemand(req.showId),
  };
}
