import type { IncomingMessage } from 'node:http';
import { CheckoutRequest, QuoteRequest } from '../../../common/commerce/order.js';
import { ClaimCouponRequest, RegisterViewerRequest, type PaymentOptions } from '../../../common/protocol/watch-api.js';
import type { Show } from '../../../common/show.js';
import { methodsOf } from '../commerce/checkout.js';
import type { Commerce } from '../commerce/commerce.js';
import { payToFor } from '../commerce/context.js';
import { toViewerOrder } from '../commerce/order-store.js';
import type { ShowStore } from '../shows/show-store.js';
import type { WatchLinks } from '../shows/watch-links.js';
import { CommerceError } from '../commerce/commerce-error.js';
import { HttpError, sendJson, type RouteHandler, type Router } from './http-util.js';
import { readWatchJson, requireViewer as requireRegistered, viewerIdParam, type WatchAccess } from './watch-access.js';
import { WatchShowCache } from './watch-show-cache.js';

/**
 * Viewer commerce routes under /api/watch/:token/… (docs/commerce-api.md): register a device,
 * quote, order, list own orders, payment options, claim and list coupons. Every call is checked
 * in this order: link → body (≤ 16 KiB, schema) → the viewer's rate limit → the viewer is
 * registered for the show → the rule of the call.
 */
export function addWatchCommerceRoutes(
  router: Router,
  deps: {
    links: WatchLinks;
    store: ShowStore;
    commerce: Commerce;
    /** Kept for the relay's wiring; no longer needed (issued ids need no row to act). */
    ensureRegistered?: (showId: string, viewerId: string) => void;
  },
): void {
  const { commerce } = deps;
  const access: WatchAccess = { links: deps.links, store: deps.store, viewers: commerce.viewers };
  const shows = new WatchShowCache(access);
  // Issued ids are checked by their MAC; the rows an act needs are written in its own commit.
  const requireViewer = (show: Show, viewerId: string) => requireRegistered(access, show, viewerId);
  const limit = (viewerId: string) => {
    if (!commerce.limiter.take(viewerId)) throw new HttpError(429, 'rate_limited', 'too many requests from this device; wait a moment');
  };
  const viewerGet = (req: IncomingMessage, show: Show) => {
    const viewerId = viewerIdParam(req);
    limit(viewerId);
    requireViewer(show, viewerId);
    return viewerId;
  };
  const route =
    (handler: (req: IncomingMessage, show: Show) => Promise<[number, unknown]> | [number, unknown]): RouteHandler =>
    async (req, res, p) => {
      try {
        const [status, body] = await handler(req, shows.showFor(p.token!));
        sendJson(res, status, body);
      } catch (e) {
        // Answered here rather than rethrown as an HttpError: sold-out answers are most of a flash sale.
        if (e instanceof CommerceError) return sendJson(res, e.status, { error: e.code, message: e.message });
        throw e;
      }
    };

  router
    .add(
      'POST',
      '/api/watch/:token/viewers',
      route(async (req, show) => {
        const body = await readWatchJson(req, RegisterViewerRequest);
        if (body.viewerId) limit(body.viewerId);
        // An id the relay never issued is not taken: the answer carries a new one (budgeted per network).
        const { write, ...registration } = commerce.viewers.register(show.id, commerce.viewers.addressOf(req), body.viewerId, body.nickname);
        // Lingers for company: a join storm's registrations share one transaction and fsync.
        await commerce.commits.run(write, true);
        return [200, registration];
      }),
    )
    .add(
      'POST',
      '/api/watch/:token/quote',
      route(async (req, show) => {
        const body = await readWatchJson(req, QuoteRequest);
        limit(body.viewerId);
        requireViewer(show, body.viewerId);
        const catalog = commerce.catalogOf(show);
        if (!catalog) throw new HttpError(400, 'unknown_product', 'this product is not on sale in this show');
        const priced = commerce.context.pricer.price({ showId: show.id, catalog, viewerId: body.viewerId, line: body.line, couponCode: body.couponCode, now: commerce.context.now() });
        return [200, priced.quote];
      }),
    )
    .add(
      'POST',
      '/api/watch/:token/orders',
      route(async (req, show) => {
        const body = await readWatchJson(req, CheckoutRequest);
        limit(body.viewerId);
        requireViewer(show, body.viewerId);
        const { status, order } = await commerce.checkout.checkout(show, body, commerce.viewers.networkTagOf(req));
        return [status, order];
      }),
    )
    .add(
      'GET',
      '/api/watch/:token/orders',
      route((req, show) => {
        const viewerId = viewerGet(req, show);
        const catalog = commerce.catalogOf(show);
        return [200, commerce.orders.listByViewer(show.id, viewerId).map((o) => toViewerOrder(o, payToFor(catalog, o)))];
      }),
    )
    .add(
      'GET',
      '/api/watch/:token/payment',
      route((_req, show) => {
        const catalog = commerce.catalogOf(show);
        if (!catalog) throw new HttpError(404, 'not_found', 'the seller has not opened the shop for this show yet');
        // Only what the viewer may choose; the account number comes with a bank-transfer order.
        const { payment } = catalog;
        const options: PaymentOptions = { methods: methodsOf(payment), shippingFee: payment.shippingFee, freeShippingFrom: payment.freeShippingFrom, currency: catalog.products[0]?.currency ?? 'KRW' };
        return [200, options];
      }),
    )
    .add(
      'POST',
      '/api/watch/:token/coupons/claim',
      route(async (req, show) => {
        const body = await readWatchJson(req, ClaimCouponRequest);
        limit(body.viewerId);
        requireViewer(show, body.viewerId);
        return [200, await commerce.claims.claim(show, body.viewerId, body.couponId, commerce.viewers.networkTagOf(req))];
      }),
    )
    .add(
      'GET',
      '/api/watch/:token/coupons',
      route((req, show) => [200, commerce.claims.held(show, viewerGet(req, show))]),
    );
}
