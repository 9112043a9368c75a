import { z } from 'zod';
import { Quote, ViewerOrder, type CheckoutRequest, type QuoteRequest } from '../../../common/commerce/order.js';
import { ApiError } from '../../../common/errors.js';
import { VIEWER_ID_HEADER } from '../../../common/protocol/viewer-header.js';
import {
  ClaimCouponResponse,
  HeldCoupon,
  PaymentOptions,
  PollVoteResponse,
  QuizAnswerResponse,
  QuizOutcome,
  RegisterViewerResponse,
} from '../../../common/protocol/watch-api.js';

/**
 * The watch page's client for the relay's viewer commerce API (docs/commerce-api.md), same origin,
 * under /api/watch/<token>/…. Every answer is parsed with the common/ schemas; every failure comes
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
  /** `/api/watch/<token>` (already encoded). */
  base: string;
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

/** The relay answered with no content (204) for events; the schema for "nothing". */
const Empty = z.unknown();

export class WatchApi {
  private registered: Promise<ApiResult<z.infer<typeof RegisterViewerResponse>>> | null = null;

  constructor(private readonly deps: WatchApiDeps) {}

  /** Issues or confirms the device id (and sets the nickname). Every other call waits for it once. */
  register(nickname: string | null = this.deps.nickname()): Promise<ApiResult<z.infer<typeof RegisterViewerResponse>>> {
    const p = this.raw('POST', '/viewers', RegisterViewerResponse, { viewerId: this.deps.viewerId(), nickname }).then((r) => {
      if (r.ok) this.deps.onViewerId(r.data.viewerId);
      else if (this.registered === p) this.registered = null; // try again next time
      return r;
    });
    this.registered = p;
    return p;
  }

  quote(body: Omit<QuoteRequest, 'viewerId'>, signal?: AbortSignal) {
    return this.call('POST', '/quote', Quote, (viewerId) => ({ viewerId, ...body }), signal);
  }

  order(body: Omit<CheckoutRequest, 'viewerId'>) {
    return this.call('POST', '/orders', ViewerOrder, (viewerId) => ({ viewerId, ...body }));
  }

  orders() {
    return this.call('GET', '/orders', z.array(ViewerOrder));
  }

  payment() {
    return this.raw('GET', '/payment', PaymentOptions);
  }

  claimCoupon(couponId: string) {
    return this.call('POST', '/coupons/claim', ClaimCouponResponse, (viewerId) => ({ viewerId, couponId }));
  }

  coupons() {
    return this.call('GET', '/coupons', z.array(HeldCoupon));
  }

  answerQuiz(quizId: string, choiceIndex: number, shownAt: number) {
    return this.call('POST', '/quizzes/answer', QuizAnswerResponse, (viewerId) => ({ viewerId, quizId, choiceIndex, shownAt }));
  }

  quizOutcome(quizId: string) {
    return this.call('GET', `/quizzes/${encodeURIComponent(quizId)}/outcome`, QuizOutcome);
  }

  vote(pollId: string, choiceIndex: number) {
    return this.call('POST', '/polls/vote', PollVoteResponse, (viewerId) => ({ viewerId, pollId, choiceIndex }));
  }

  /** Funnel step; fire-and-forget (a lost event costs a number on a chart, never the viewer's time). */
  event(kind: 'card_open' | 'checkout_start', productId: string): void {
    void this.call('POST', '/events', Empty, (viewerId) => ({ viewerId, kind, productId }));
  }

  /**
   * A call that names the viewer: registers first (once per page), and if the relay does not know
   * the id (`401 unknown_viewer`, e.g. its data was reset) registers again and retries once.
   * GETs name the viewer in the X-Viewer-Id header (never the URL: the id is a bearer secret).
   */
  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body?: (viewerId: string) => unknown,
    signal?: AbortSignal,
  ): Promise<ApiResult<T>> {
    for (let attempt = 0; ; attempt++) {
      const reg = await (this.registered ?? this.register());
      if (!reg.ok) return reg;
      const id = reg.data.viewerId;
      const r = await this.raw(method, path, schema, body?.(id), signal, method === 'GET' ? id : undefined);
      if (r.ok || r.error.code !== 'unknown_viewer' || attempt > 0) return r;
      this.registered = null;
    }
  }

  private async raw<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown, signal?: AbortSignal, viewerId?: string): Promise<ApiResult<T>> {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort();
    signal?.addEventListener('abort', onAbort);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, this.deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      const headers: Record<string, string> = {};
      if (viewerId !== undefined) headers[VIEWER_ID_HEADER] = viewerId;
      const init: Parameters<FetchLike>[1] = { method, signal: ctl.signal, headers };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      let res: Awaited<ReturnType<FetchLike>>;
      let text: string;
      try {
        res = await this.deps.fetch(`${this.deps.base}${path}`, init);
        text = await res.text();
      } catch {
        if (signal?.aborted) return failure('aborted', 0, null);
        return failure(timedOut ? 'timeout' : 'network', 0, null);
      }
      return parseAnswer(res.status, text, schema);
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
