import type { z } from 'zod';
import { callRoute, type AnswerOf, type CallOptions, type FetchLike as RouteFetch } from '../../../common/api/client.js';
import { RELAY_ROUTES as R } from '../../../common/api/relay-routes.js';
import type { CartCheckoutRequest, CartQuoteRequest } from '../../../common/commerce/cart.js';
import type { RouteDecl } from '../../../common/api/route.js';
import type { CheckoutRequest, QuoteRequest } from '../../../common/commerce/order.js';
import { ApiError } from '../../../common/errors.js';
import { VIEWER_ID_HEADER } from '../../../common/protocol/viewer-header.js';
import { PaymentOptions, type RegisterViewerResponse } from '../../../common/protocol/watch-api.js';

/**
 * The watch page's client for the relay's viewer API (docs/api.md), same origin, derived from the
 * declared routes (common/api/relay-routes.ts): paths, methods, bodies and answer schemas come from
 * there. Every answer is parsed with the declared schema; every failure comes
 * back as a value (never a throw) with a code the UI turns into words (api-errors.ts).
 */

export { PaymentOptions };

export type ApiFailure = {
  /** Relay code (`sold_out`, `coupon_cap`, …), or `network`, `timeout`, `bad_response` for what happened on the way. */
  code: string;
  /** HTTP status; 0 when no answer came back. */
  status: number;
  /** The relay's own (English) message, when it sent one. */
  message: string | null;
};
export type ApiResult<T> = { ok: true; data: T; status: number } | { ok: false; error: ApiFailure };

/** No answer at all: the request may or may not have reached the relay (an order must be retried with the same key). */
export function isUncertain(e: ApiFailure): boolean {
  return e.code === 'network' || e.code === 'timeout' || e.status >= 500;
}

export type FetchLike = (input: string, init: { method: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export interface WatchApiDeps {
  /** The watch link's token (the path parameter of every viewer route). */
  token: string;
  fetch: FetchLike;
  /** The device id the relay gave this page (welcome), or null before it did. */
  viewerId(): string | null;
  /** The relay confirmed (or replaced) the id: remember it. */
  onViewerId(viewerId: string): void;
  /** Nickname to register with, if the viewer gave one. */
  nickname(): string | null;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 12_000;


export class WatchApi {
  private registered: Promise<ApiResult<z.infer<typeof RegisterViewerResponse>>> | null = null;

  constructor(private readonly deps: WatchApiDeps) {}

  /** Issues or confirms the device id (and sets the nickname). Every other call waits for it once. */
  register(nickname: string | null = this.deps.nickname()): Promise<ApiResult<z.infer<typeof RegisterViewerResponse>>> {
    const p = this.send(R.registerViewer, { params: this.at(), body: { viewerId: this.deps.viewerId(), nickname } }).then((r) => {
      if (r.ok) this.deps.onViewerId(r.data.viewerId);
      else if (this.registered === p) this.registered = null; // try again next time
      return r;
    });
    this.registered = p;
    return p;
  }

  quote(body: Omit<QuoteRequest, 'viewerId'>, signal?: AbortSignal) {
    return this.call(R.quote, (viewerId) => ({ params: this.at(), body: { viewerId, ...body } }), signal);
  }

  order(body: Omit<CheckoutRequest, 'viewerId'>) {
    return this.call(R.order, (viewerId) => ({ params: this.at(), body: { viewerId, ...body } }));
  }

  quoteCart(body: Omit<CartQuoteRequest, 'viewerId'>, signal?: AbortSignal) {
    return this.call(R.quoteCart, (viewerId) => ({ params: this.at(), body: { viewerId, ...body } }), signal);
  }

  placeCart(body: Omit<CartCheckoutRequest, 'viewerId'>) {
    return this.call(R.placeCart, (viewerId) => ({ params: this.at(), body: { viewerId, ...body } }));
  }

  /** The show's replay: none, processing, deleted, or ready with its cues and chapters (docs/replay.md). */
  replay() {
    return this.send(R.replayInfo, { params: this.at() });
  }

  /** The chat beside a ready replay: what everyone saw live, at its replay seconds. */
  replayChat() {
    return this.send(R.replayChat, { params: this.at() });
  }

  /** This device opened the ready replay (counted once per device on the relay); fire-and-forget like the funnel. */
  replayViewed(): void {
    void this.call(R.replayView, (viewerId) => ({ params: this.at(), body: { viewerId } }));
  }

  /** The seller's store profile (판매자 정보); profile null while the seller has not filled it in. */
  sellerInfo() {
    return this.send(R.sellerInfo, { params: this.at() });
  }

  orders() {
    return this.call(R.myOrders, () => ({ params: this.at() }));
  }

  /** "Where is my order" from any device: needs no device id, only the order number and the phone given at checkout. */
  lookupOrder(number: string, phone: string) {
    return this.send(R.lookupOrder, { params: this.at(), body: { number, phone } });
  }

  payment() {
    return this.send(R.paymentOptions, { params: this.at() });
  }

  /** 재입고 알림: idempotent per device and line on the relay. */
  requestRestock(productId: string, optionId: string | null) {
    return this.call(R.requestRestock, (viewerId) => ({ params: this.at(), body: { viewerId, productId, optionId } }));
  }

  restockRequests() {
    return this.call(R.myRestockRequests, () => ({ params: this.at() }));
  }

  claimCoupon(couponId: string) {
    return this.call(R.claimCoupon, (viewerId) => ({ params: this.at(), body: { viewerId, couponId } }));
  }

  coupons() {
    return this.call(R.myCoupons, () => ({ params: this.at() }));
  }

  answerQuiz(quizId: string, choiceIndex: number, shownAt: number) {
    return this.call(R.answerQuiz, (viewerId) => ({ params: this.at(), body: { viewerId, quizId, choiceIndex, shownAt } }));
  }

  quizOutcome(quizId: string) {
    return this.call(R.quizOutcome, () => ({ params: { ...this.at(), quizId } }));
  }

  vote(pollId: string, choiceIndex: number) {
    return this.call(R.votePoll, (viewerId) => ({ params: this.at(), body: { viewerId, pollId, choiceIndex } }));
  }

  /** Funnel step; fire-and-forget (a lost event costs a number on a chart, never the viewer's time). */
  event(kind: 'card_open' | 'checkout_start', productId: string): void {
    void this.call(R.viewerEvent, (viewerId) => ({ params: this.at(), body: { viewerId, kind, productId } }));
  }

  private at = () => ({ token: this.deps.token });

  /**
   * A call that names the viewer: registers first (once per page), and if the relay does not know
   * the id (`401 unknown_viewer`, e.g. its data was reset) registers again and retries once.
   * Routes declared with `viewerHeader` name the viewer in the X-Viewer-Id header (never the URL:
   * the id is a bearer secret); the others carry it in their body.
   */
  private async call<Route extends RouteDecl>(route: Route, opts: (viewerId: string) => CallOptions<Route>, signal?: AbortSignal): Promise<ApiResult<AnswerOf<Route>>> {
    for (let attempt = 0; ; attempt++) {
      const reg = await (this.registered ?? this.register());
      if (!reg.ok) return reg;
      const id = reg.data.viewerId;
      const o = opts(id);
      const r = await this.send(route, route.viewerHeader ? { ...o, headers: { ...(o.headers ?? {}), [VIEWER_ID_HEADER]: id } } : o, signal);
      if (r.ok || r.error.code !== 'unknown_viewer' || attempt > 0) return r;
      this.registered = null;
    }
  }

  private async send<Route extends RouteDecl>(route: Route, opts: CallOptions<Route>, signal?: AbortSignal): Promise<ApiResult<AnswerOf<Route>>> {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    signal?.addEventListener('abort', onAbort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const fetchLike: RouteFetch = async (url, init) => {
      const res = await this.deps.fetch(url, { method: init.method, headers: init.headers, body: init.body as string | undefined, signal: ctl.signal });
      return { status: res.status, headers: { get: () => null }, text: () => res.text() };
    };
    try {
      const r = await callRoute(fetchLike, '', route, opts);
      if (r.ok) return { ok: true, data: r.data, status: r.status };
      const { code, status, message } = r.error;
      if (code === 'network' || code === 'timeout') return failure(signal?.aborted ? 'aborted' : timedOut ? 'timeout' : 'network', 0, null);
      if (code.startsWith('http_')) return failure(status >= 500 ? 'server_error' : 'http_error', status, null);
      return failure(code, status, message);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function failure(code: string, status: number, message: string | null): { ok: false; error: ApiFailure } {
  return { ok: false, error: { code, status, message } };
}

/** Turns an HTTP answer into a result: 2xx parsed with the schema, anything else read as an ApiError body. */
export function parseAnswer<T>(status: number, text: string, schema: z.ZodType<T>): ApiResult<T> {
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(json);
    return parsed.success ? { ok: true, data: parsed.data, status } : failure('bad_response', status, null);
  }
  const err = ApiError.safeParse(json);
  if (err.success) return failure(err.data.error, status, err.data.message);
  return failure(status >= 500 ? 'server_error' : 'http_error', status, null);
}
