import { RELAY_ROUTES as R } from '../../../common/api/relay-routes.js';
import { DEFAULT_PAYMENT_WINDOW_MINUTES } from '../../../common/commerce/show-catalog.js';
import type { PaymentOptions } from '../../../common/protocol/watch-api.js';
import type { Show } from '../../../common/show.js';
import { clipTokenOf } from '../clips/clip-cookies.js';
import { quoteCart } from '../commerce/cart-checkout.js';
import { methodsOf } from '../commerce/checkout-gate.js';
import type { Commerce } from '../commerce/commerce.js';
import { payToFor } from '../commerce/context.js';
import { toViewerOrder } from '../commerce/order-store.js';
import { commerceHttpError } from './commerce-routes.js';
import { apiError, withHeaders, type DeclaredApi } from './declared.js';
import { requireViewer as requireRegistered, viewerIdParam, type WatchAccess } from './watch-access.js';
import type { WatchShowCache } from './watch-show-cache.js';

/**
 * Viewer commerce routes under /api/watch/:token/… (docs/api.md): register a device, quote, order,
 * list own orders, payment options, claim and list coupons. Every call is checked in this order:
 * link (DeclaredApi, before the body) → body (≤ 16 KiB, the declared schema) → the viewer's rate
 * limit → the device id was issued by the relay → the rule of the call. An order or cart placed
 * after a clip page's Buy carries that clip in a cookie (server/src/clips/clip-cookies.ts).
 */
export function addWatchCommerceRoutes(api: DeclaredApi, deps: { access: WatchAccess; shows: WatchShowCache; commerce: Commerce }): void {
  const { commerce, shows, access } = deps;
  const limit = (viewerId: string) => {
    if (!commerce.limiter.take(viewerId)) throw apiError('rate_limited', 'too many requests from this device; wait a moment');
  };
  /** Rate limit, then the device: issued ids are checked by their MAC; an act writes the rows it needs in its own commit. */
  const admit = (show: Show, viewerId: string) => {
    limit(viewerId);
    requireRegistered(access, show, viewerId);
  };
  const e = commerceHttpError;
  api
    .serve(
      R.registerViewer,
      async ({ req, params, body }) => {
        const show = shows.showFor(params.token);
        if (body.viewerId) limit(body.viewerId);
        // An id the relay never issued is not taken: the answer carries a new one (budgeted per network).
        const { write, ...registration } = commerce.viewers.register(show.id, commerce.viewers.addressOf(req), body.viewerId, body.nickname);
        // Lingers for company: a join storm's registrations share one transaction and fsync.
        await commerce.commits.run(write, true);
        return registration;
      },
      e,
    )
    .serve(
      R.quote,
      ({ params, body }) => {
        const show = shows.showFor(params.token);
        admit(show, body.viewerId);
        const catalog = commerce.catalogOf(show);
        if (!catalog) throw apiError('unknown_product', 'this product is not on sale in this show');
        return commerce.context.pricer.price({ showId: show.id, catalog, viewerId: body.viewerId, line: body.line, couponCode: body.couponCode, now: commerce.context.now(), postcode: body.postcode }).quote;
      },
      e,
    )
    .serve(
      R.order,
      async ({ req, params, body }) => {
        const show = shows.showFor(params.token);
        admit(show, body.viewerId);
        const { status, order } = await commerce.checkout.checkout(show, body, commerce.viewers.networkTagOf(req), clipTokenOf(req));
        return withHeaders(order, {}, status); // 200 for an idempotent replay of an order already placed
      },
      e,
    )
    .serve(
      R.quoteCart,
      ({ params, body }) => {
        const show = shows.showFor(params.token);
        admit(show, body.viewerId);
        const catalog = commerce.catalogOf(show);
        if (!catalog) throw apiError('unknown_product', 'this product is not on sale in this show');
        return quoteCart(commerce.context, show, catalog, body);
      },
      e,
    )
    .serve(
      R.placeCart,
      async ({ req, params, body }) => {
        const show = shows.showFor(params.token);
        admit(show, body.viewerId);
        const { status, cart } = await commerce.carts.checkout(show, body, commerce.viewers.networkTagOf(req), clipTokenOf(req));
        return withHeaders(cart, {}, status); // 200 for an idempotent replay of a cart already placed
      },
      e,
    )
    .serve(
      R.myOrders,
      ({ req, params }) => {
        const show = shows.showFor(params.token);
        const viewerId = viewerIdParam(req);
        admit(show, viewerId);
        const catalog = commerce.catalogOf(show);
        return commerce.orders.listByViewer(show.id, viewerId).map((o) => toViewerOrder(o, payToFor(catalog, o)));
      },
      e,
    )
    .serve(R.paymentOptions, ({ params }) => {
      const catalog = commerce.catalogOf(shows.showFor(params.token));
      if (!catalog) throw apiError('not_found', 'the seller has not opened the shop for this show yet');
      // Only what the viewer may choose; the account number comes with a bank-transfer order.
      const { payment } = catalog;
      const options: PaymentOptions = { methods: methodsOf(payment), shippingFee: payment.shippingFee, freeShippingFrom: payment.freeShippingFrom, currency: catalog.products[0]?.currency ?? 'KRW' };
      if (payment.bankTransfer) options.paymentWindowMinutes = payment.bankTransfer.paymentWindowMinutes ?? DEFAULT_PAYMENT_WINDOW_MINUTES;
      if (payment.remoteSurcharge) options.remoteSurcharge = payment.remoteSurcharge;
      return options;
    })
    .serve(
      R.claimCoupon,
      async ({ req, params, body }) => {
        const show = shows.showFor(params.token);
        admit(show, body.viewerId);
        return commerce.claims.claim(show, body.viewerId, body.couponId, commerce.viewers.networkTagOf(req));
      },
      e,
    )
    .serve(
      R.myCoupons,
      ({ req, params }) => {
        const show = shows.showFor(params.token);
        const viewerId = viewerIdParam(req);
        admit(show, viewerId);
        return commerce.claims.held(show, viewerId);
      },
      e,
    );
}
