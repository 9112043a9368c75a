import type { ViewerOrder } from '../../../common/commerce/order.js';
import { isUncertain, type ApiResult } from './commerce-api.js';

/** 24 random URL-safe characters (≈ 143 bits): the contract asks for 16–64 of [A-Za-z0-9_-]. */
export function newIdempotencyKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = random(new Uint8Array(24));
  let key = '';
  for (const b of bytes) key += ALPHABET[b & 63];
  return key;
}

export type SendOrder<B> = (body: B, idempotencyKey: string) => Promise<ApiResult<ViewerOrder>>;

export interface AttemptOptions {
  /** Automatic retries after an answer that never came (network, timeout, 5xx). */
  retries?: number;
  /** Waits before retry n (1, 2, …). Injected so tests need no timers. */
  wait?: (retry: number) => Promise<void>;
  makeKey?: () => string;
}

/**
 * One checkout attempt and its idempotency key.
 *
 * - A double tap sends once: while a request is in flight, `submit` returns that same request.
 * - A request whose answer never came (network error, timeout, 5xx) may have created the order, so it
 *   is retried, automatically and when the viewer taps again, with the **same** key: the relay answers
 *   the stored order instead of making a second one.
 * - A definite refusal (sold out, declined card, changed total…) ends the attempt: the next tap is a new
 *   attempt with a new key (its content differs anyway: another card, a confirmed new total).
 * - After success the attempt is done and answers its order without sending again.
 */
export class CheckoutAttempt<B> {
  private key: string | null = null;
  private inFlight: Promise<ApiResult<ViewerOrder>> | null = null;
  private done: ApiResult<ViewerOrder> | null = null;
  private readonly retries: number;
  private readonly wait: (retry: number) => Promise<void>;
  private readonly makeKey: () => string;

  constructor(
    private readonly send: SendOrder<B>,
    opts: AttemptOptions = {},
  ) {
    this.retries = opts.retries ?? 2;
    this.wait = opts.wait ?? ((n) => new Promise((r) => setTimeout(r, 800 * n)));
    this.makeKey = opts.makeKey ?? (() => newIdempotencyKey());
  }

  /** The key the next (or current) request uses; null before the first tap. */
  get currentKey(): string | null {
    return this.key;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  submit(body: B): Promise<ApiResult<ViewerOrder>> {
    if (this.done) return Promise.resolve(this.done);
    if (this.inFlight) return this.inFlight;
    if (this.key === null) this.key = this.makeKey();
    const key = this.key;
    const run = async (): Promise<ApiResult<ViewerOrder>> => {
      let result = await this.send(body, key);
      for (let n = 1; n <= this.retries && !result.ok && isUncertain(result.error); n++) {
        await this.wait(n);
        result = await this.send(body, key);
      }
      return result;
    };
    this.inFlight = run().then((result) => {
      this.inFlight = null;
      if (result.ok) this.done = result;
      // Still unknown: keep the key for the viewer's "try again". Known refusal: a fresh key next time.
      else if (!isUncertain(result.error)) this.key = null;
      return result;
    });
    return this.inFlight;
  }
}
