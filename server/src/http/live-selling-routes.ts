import { RELAY_ROUTES as R } from '../../../common/api/relay-routes.js';
import type { Commerce } from '../commerce/commerce.js';
import type { ShowStore } from '../shows/show-store.js';
import { commerceHttpError } from './commerce-routes.js';
import { apiError, withHeaders, type DeclaredApi } from './declared.js';
import { findShow } from './studio-routes.js';
import { requireViewer, viewerIdParam, type WatchAccess } from './watch-access.js';
import type { WatchShowCache } from './watch-show-cache.js';

/** Live restock, 라이브 특가 and back-in-stock requests (docs/live-selling.md): the studio's and the viewers' routes. */
export function addLiveSellingRoutes(api: DeclaredApi, deps: { store: ShowStore; commerce: Commerce; access: WatchAccess; shows: WatchShowCache }): void {
  const { store, commerce, access, shows } = deps;
  const live = commerce.live;
  const e = commerceHttpError;
  const showOr404 = (id: string) => findShow(store, id);
  const admit = (viewerId: string) => {
    if (!commerce.limiter.take(viewerId)) throw apiError('rate_limited', 'too many requests from this device; wait a moment');
  };
  api
    .serve(R.adjustStock, ({ params, body }) => {
      const show = showOr404(params.id);
      return live.adjustStock(show.id, commerce.catalogOf(show), body);
    }, e)
    .serve(R.startSpecial, ({ params, body }) => {
      const show = showOr404(params.id);
      return withHeaders(live.startSpecial(show.id, commerce.catalogOf(show), body), {}, 201);
    }, e)
    .serve(R.endSpecial, ({ params, body }) => live.endSpecial(showOr404(params.id).id, body.productId), e)
    .serve(R.listSpecials, ({ params }) => live.specials(showOr404(params.id).id), e)
    .serve(R.restockDemand, ({ params }) => live.demand(showOr404(params.id).id), e)
    .serve(R.requestRestock, ({ params, body }) => {
      const show = shows.showFor(params.token);
      admit(body.viewerId);
      requireViewer(access, show, body.viewerId);
      return live.requestRestock(show.id, commerce.catalogOf(show), body);
    }, e)
    .serve(R.myRestockRequests, ({ req, params }) => {
      const show = shows.showFor(params.token);
      const viewerId = viewerIdParam(req);
      admit(viewerId);
      requireViewer(access, show, viewerId);
      return live.restockWatches(show.id, viewerId);
    }, e);
}
