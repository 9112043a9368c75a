import { describe, expect, it } from 'vitest';
import type { Quote } from '../../../common/commerce/order.js';
import type { ApiResult } from './commerce-api.js';
import { currentQuote, QuoteScheduler, sameInput, type QuoteInput, type QuoteState } from './quote-scheduler.js';

const quote = (total: number): Quote => ({ currency: 'KRW', unitPrice: total, quantity: 1, subtotal: total, discount: 0, shipping: 0, total, couponCode: null, productName: 'p', optionName: null });
const input = (quantity: number, couponCode: string | null = null): QuoteInput => ({ productId: 'p1', optionId: null, quantity, couponCode });

/** Manual timers and manual answers: the test decides when the pause ends and when the relay answers. */
function harness() {
  const timers: { fn: () => void; cancelled: boolean }[] = [];
  const asked: { input: QuoteInput; signal: AbortSignal; answer: (r: ApiResult<Quote>) => void }[] = [];
  const states: QuoteState[] = [];
  const s = new QuoteScheduler({
    fetchQuote: (i, signal) => new Promise((answer) => asked.push({ input: i, signal, answer })),
    onState: (st) => states.push(st),
    setTimer: (fn) => {
      const t = { fn, cancelled: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => {
      (h as { cancelled: boolean }).cancelled = true;
    },
  });
  const fire = () => timers.filter((t) => !t.cancelled).forEach((t) => ((t.cancelled = true), t.fn()));
  return { s, asked, states, fire, timers };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('QuoteScheduler', () => {
  it('asks once per pause, with the last input', async () => {
    const h = harness();
    h.s.request(input(1));
    h.s.request(input(2));
    h.s.request(input(3));
    expect(h.asked).toHaveLength(0);
    h.fire();
    expect(h.asked.map((a) => a.input.quantity)).toEqual([3]);
    h.asked[0]!.answer({ ok: true, data: quote(300), status: 200 });
    await flush();
    expect(h.s.current.status).toBe('ok');
    expect(currentQuote(h.s.current, input(3))?.total).toBe(300);
  });

  it('drops an answer that arrives after a newer question, and cancels the old request', async () => {
    const h = harness();
    h.s.request(input(1));
    h.fire();
    h.s.request(input(2));
    expect(h.asked[0]!.signal.aborted).toBe(true);
    h.fire();
    h.asked[1]!.answer({ ok: true, data: quote(200), status: 200 });
    h.asked[0]!.answer({ ok: true, data: quote(100), status: 200 });
    await flush();
    expect(currentQuote(h.s.current, input(2))?.total).toBe(200);
    expect(currentQuote(h.s.current, input(1))).toBeNull();
  });

  it('does not ask again for what is already priced', async () => {
    const h = harness();
    h.s.request(input(1, 'LIVE10'));
    h.fire();
    h.asked[0]!.answer({ ok: true, data: quote(90), status: 200 });
    await flush();
    h.s.request(input(1, 'LIVE10'));
    h.fire();
    expect(h.asked).toHaveLength(1);
  });

  it('keeps the relay’s refusal with the input it belongs to', async () => {
    const h = harness();
    h.s.request(input(5));
    h.fire();
    h.asked[0]!.answer({ ok: false, error: { code: 'out_of_stock', status: 409, message: 'only 3 left' } });
    await flush();
    const st = h.s.current;
    expect(st.status === 'error' && st.error.code).toBe('out_of_stock');
    expect(currentQuote(st, input(5))).toBeNull();
  });

  it('prices at once on demand (after total_mismatch)', async () => {
    const h = harness();
    const p = h.s.now(input(1));
    expect(h.asked).toHaveLength(1);
    h.asked[0]!.answer({ ok: true, data: quote(150), status: 200 });
    const st = await p;
    expect(st.status === 'ok' && st.quote.total).toBe(150);
  });

  it('asks again when a 라이브 특가 ends: the quote taken under it no longer belongs to the form', async () => {
    const h = harness();
    const during = { ...input(1), specialPrice: 99000 };
    h.s.request(during);
    h.fire();
    h.asked[0]!.answer({ ok: true, data: quote(99000), status: 200 });
    await flush();
    const after = { ...input(1), specialPrice: null };
    expect(currentQuote(h.s.current, after)).toBeNull(); // the order button waits instead of offering the special's total
    h.s.request(after);
    h.fire();
    expect(h.asked).toHaveLength(2);
    h.asked[1]!.answer({ ok: true, data: quote(129000), status: 200 });
    await flush();
    expect(currentQuote(h.s.current, after)?.total).toBe(129000);
  });

  it('compares inputs field by field', () => {
    expect(sameInput(input(1), input(1))).toBe(true);
    expect(sameInput(input(1), input(1, 'A'))).toBe(false);
    expect(sameInput(null, null)).toBe(true);
    expect(sameInput(input(1), null)).toBe(false);
  });
});
