import type { Quote } from '../../../common/commerce/order.js';
import type { ApiFailure, ApiResult } from './commerce-api.js';

/** What the viewer has chosen so far; the relay prices it. */
export interface QuoteInput {
  productId: string;
  optionId: string | null;
  quantity: number;
  couponCode: string | null;
  /** The delivery postcode once complete (Jeju/island surcharge); absent = not known yet. */
  postcode?: string | null;
  /** The 라이브 특가 price the page shows now (null: none). Not sent: the relay prices by its own clock;
   * it is here so that a quote taken under a special does not belong to the form after it ends. */
  specialPrice?: number | null;
}

export type QuoteState =
  | { status: 'idle' }
  | { status: 'loading'; input: QuoteInput }
  | { status: 'ok'; input: QuoteInput; quote: Quote }
  | { status: 'error'; input: QuoteInput; error: ApiFailure };

export function sameInput(a: QuoteInput | null, b: QuoteInput | null): boolean {
  if (a === null || b === null) return a === b;
  return a.productId === b.productId && a.optionId === b.optionId && a.quantity === b.quantity && a.couponCode === b.couponCode && (a.postcode ?? null) === (b.postcode ?? null) && (a.specialPrice ?? null) === (b.specialPrice ?? null);
}

/** The quote that belongs to exactly what is on the form now, or null (stale, loading, failed). */
export function currentQuote(state: QuoteState, input: QuoteInput | null): Quote | null {
  return state.status === 'ok' && sameInput(state.input, input) ? state.quote : null;
}

export interface QuoteSchedulerDeps {
  fetchQuote(input: QuoteInput, signal: AbortSignal): Promise<ApiResult<Quote>>;
  onState(state: QuoteState): void;
  /** Quiet time after the last change before asking (typing a quantity, stepping + + +). */
  delayMs?: number;
  setTimer?(fn: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
}

export const QUOTE_DEBOUNCE_MS = 300;

/**
 * Asks the relay for a price when the viewer stops changing the cart: one request per pause, the
 * one before it cancelled, and an answer that arrives after a newer question is dropped, so the
 * total on screen always belongs to what is on the form.
 */
export class QuoteScheduler {
  private timer: unknown = null;
  private controller: AbortController | null = null;
  private seq = 0;
  private state: QuoteState = { status: 'idle' };
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: QuoteSchedulerDeps) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get current(): QuoteState {
    return this.state;
  }

  /** The form changed: price `input` after a pause (null: nothing to price yet). */
  request(input: QuoteInput | null): void {
    // Already priced, or being priced, exactly this (a re-render, a field that does not change the price): nothing to ask.
    if ((this.state.status === 'ok' || this.state.status === 'loading') && sameInput(this.state.input, input)) return;
    this.cancel();
    if (input === null) return this.set({ status: 'idle' });
    this.set({ status: 'loading', input });
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.run(input);
    }, this.deps.delayMs ?? QUOTE_DEBOUNCE_MS);
  }

  /** Price now, without waiting (after the relay said the total changed). */
  now(input: QuoteInput): Promise<QuoteState> {
    this.cancel();
    this.set({ status: 'loading', input });
    return this.run(input);
  }

  stop(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.controller?.abort();
    this.controller = null;
    this.seq++;
  }

  private async run(input: QuoteInput): Promise<QuoteState> {
    const seq = ++this.seq;
    const controller = new AbortController();
    this.controller = controller;
    const result = await this.deps.fetchQuote(input, controller.signal);
    if (seq !== this.seq) return this.state; // a newer question was asked meanwhile
    this.controller = null;
    this.set(result.ok ? { status: 'ok', input, quote: result.data } : { status: 'error', input, error: result.error });
    return this.state;
  }

  private set(state: QuoteState): void {
    this.state = state;
    this.deps.onState(state);
  }
}
