import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { BulkCancelRequest, CLUSTER_MIN_ORDERS } from '../../../common/commerce/clusters.js';
import { ShowCatalog } from '../../../common/commerce/show-catalog.js';
import { describeZodError, ERROR_CODES } from '../../../common/errors.js';
import { MarkPaidRequest, OrderActionRequest } from '../../../common/protocol/studio-api.js';
import type { StudioKeys } from '../auth/studio-keys.js';
import { CommerceError } from '../commerce/commerce-error.js';
import type { Commerce } from '../commerce/commerce.js';
import { payToFor } from '../commerce/context.js';
import type { OrderAction } from '../commerce/order-actions.js';
import { toSellerOrder } from '../commerce/order-store.js';
import { ordersCsv } from '../commerce/orders-csv.js';
import type { ShowStore } from '../shows/show-store.js';
import { HttpError, readBody, sendJson, type RouteHandler, type Router } from './http-util.js';
import { findShow, studioRoute } from './studio-routes.js';

/** A catalog of 500 products with images and options is larger than the API's usual 256 KiB. */
const MAX_CATALOG_BYTES = 4 * 1024 * 1024;

export function commerceHttpError(e: unknown): unknown {
  return e instanceof CommerceError ? new HttpError(e.status, e.code, e.message) : e;
}

async function readBodyJson<S extends z.ZodType>(req: IncomingMessage, schema: S, limit?: number): Promise<z.infer<S>> {
  const text = await readBody(req, limit);
  let raw: unknown;
  try {
    raw = text.trim().length ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, ERROR_CODES.badRequest, 'request body is not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new HttpError(400, ERROR_CODES.badRequest, describeZodError(parsed.error));
  return parsed.data;
}

/** Studio-only commerce routes (docs/commerce-api.md): hand-off, stock, orders, CSV, order actions, clusters and bulk cancel. */
export function addCommerceRoutes(router: Router, deps: { keys: StudioKeys; store: ShowStore; commerce: Commerce }): void {
  const { keys, store, commerce } = deps;
  const authed = studioRoute(keys, commerceHttpError);
  const showOr404 = (id: string) => findShow(store, id);
  const sellerOrders = (showId: string) => {
    const show = showOr404(showId);
    const catalog = commerce.catalogOf(show);
    return commerce.orders.listByShow(show.id).map((o) => toSellerOrder(o, payToFor(catalog, o), commerce.viewers.nickname(o.viewerId)));
  };
  const action =
    (name: OrderAction): RouteHandler =>
    async (req, res, p) => {
      // paid and erase take no options; cancel and refund may carry a reason for the log.
      const body = name === 'cancel' || name === 'refund' ? await readBodyJson(req, OrderActionRequest) : (await readBodyJson(req, MarkPaidRequest), { reason: '' });
      sendJson(res, 200, await commerce.actions.act(p.orderId!, name, body.reason));
    };

  router
    .add(
      'PUT',
      '/api/shows/:id/catalog',
      authed(async (req, res, p) => {
        const show = showOr404(p.id!);
        const catalog = await readBodyJson(req, ShowCatalog, MAX_CATALOG_BYTES);
        sendJson(res, 200, { stock: commerce.putCatalog(show.id, catalog) });
      }),
    )
    .add('GET', '/api/shows/:id/stock', authed((_req, res, p) => sendJson(res, 200, commerce.catalogs.stock(showOr404(p.id!).id))))
    .add('GET', '/api/shows/:id/orders', authed((_req, res, p) => sendJson(res, 200, sellerOrders(p.id!))))
    .add(
      'GET',
      '/api/shows/:id/orders.csv',
      authed((_req, res, p) => {
        const show = showOr404(p.id!);
        const csv = ordersCsv(commerce.orders.listByShow(show.id));
        const name = `orders-${show.id}.csv`;
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.end(csv);
      }),
    )
    .add('GET', '/api/shows/:id/orders/clusters', authed((_req, res, p) => sendJson(res, 200, commerce.orders.clusters(showOr404(p.id!).id, CLUSTER_MIN_ORDERS))))
    .add(
      'POST',
      '/api/shows/:id/orders/cancel',
      authed(async (req, res, p) => {
        const show = showOr404(p.id!);
        const body = await readBodyJson(req, BulkCancelRequest);
        sendJson(res, 200, await commerce.actions.cancelMany(show.id, body.orderIds, body.reason || 'cancelled in bulk by the seller'));
      }),
    )
    .add('POST', '/api/orders/:orderId/paid', authed(action('paid')))
    .add('POST', '/api/orders/:orderId/cancel', authed(action('cancel')))
    .add('POST', '/api/orders/:orderId/refund', authed(action('refund')))
    .add('POST', '/api/orders/:orderId/erase', authed(action('erase')));
}
