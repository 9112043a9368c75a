import { RELAY_ROUTES as R } from '../../../common/api/relay-routes.js';
import { CLUSTER_MIN_ORDERS } from '../../../common/commerce/clusters.js';
import { CommerceError } from '../commerce/commerce-error.js';
import type { Commerce } from '../commerce/commerce.js';
import { payToFor } from '../commerce/context.js';
import { toSellerOrder } from '../commerce/order-store.js';
import { ordersCsv } from '../commerce/orders-csv.js';
import type { ShowStore } from '../shows/show-store.js';
import { withHeaders, type DeclaredApi } from './declared.js';
import { HttpError } from './http-util.js';
import { findShow } from './studio-routes.js';

export function commerceHttpError(e: unknown): unknown {
  return e instanceof CommerceError ? new HttpError(e.status, e.code, e.message) : e;
}

/** Studio-only commerce routes (docs/commerce-api.md): hand-off, stock, orders, CSV, order actions, clusters and bulk cancel. */
export function addCommerceRoutes(api: DeclaredApi, deps: { store: ShowStore; commerce: Commerce }): void {
  const { store, commerce } = deps;
  const showOr404 = (id: string) => findShow(store, id);
  const sellerOrders = (showId: string) => {
    const show = showOr404(showId);
    const catalog = commerce.catalogOf(show);
    return commerce.orders.listByShow(show.id).map((o) => toSellerOrder(o, payToFor(catalog, o), commerce.viewers.nickname(o.viewerId)));
  };
  const e = commerceHttpError;
  api
    .serve(R.putCatalog, ({ params, body }) => ({ stock: commerce.putCatalog(showOr404(params.id).id, body) }), e)
    .serve(R.getStock, ({ params }) => commerce.catalogs.stock(showOr404(params.id).id), e)
    .serve(R.listOrders, ({ params }) => sellerOrders(params.id), e)
    .serve(
      R.ordersCsv,
      ({ params }) => {
        const show = showOr404(params.id);
        return withHeaders(ordersCsv(commerce.orders.listByShow(show.id)), { 'content-disposition': `attachment; filename="orders-${show.id}.csv"` });
      },
      e,
    )
    .serve(R.orderClusters, ({ params }) => commerce.orders.clusters(showOr404(params.id).id, CLUSTER_MIN_ORDERS), e)
    .serve(R.cancelOrders, ({ params, body }) => commerce.actions.cancelMany(showOr404(params.id).id, body.orderIds, body.reason || 'cancelled in bulk by the seller'), e)
    // paid and erase take no options; cancel and refund may carry a reason for the log.
    .serve(R.markPaid, ({ params }) => commerce.actions.act(params.orderId, 'paid', ''), e)
    .serve(R.cancelOrder, ({ params, body }) => commerce.actions.act(params.orderId, 'cancel', body.reason), e)
    .serve(R.refundOrder, ({ params, body }) => commerce.actions.act(params.orderId, 'refund', body.reason), e)
    .serve(R.markShipped, ({ params, body }) => commerce.actions.ship(params.orderId, body.courier, body.trackingNumber), e)
    .serve(R.shipOrders, ({ params, body }) => commerce.actions.shipMany(showOr404(params.id).id, body.rows), e)
    .serve(R.eraseBuyer, ({ params }) => commerce.actions.act(params.orderId, 'erase', ''), e);
}
