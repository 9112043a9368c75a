import { describe, expect, it } from 'vitest';
import type { ViewerOrder } from '../../../common/commerce/order.js';
import type { ApiResult } from './commerce-api.js';
import { CheckoutAttempt, newIdempotencyKey } from './checkout-attempt.js';

const ORDER = { id: 'o1', number: 'LC-20261122-0001' } as unknown as ViewerOrder;
const ok: ApiResult<ViewerOrder> = { ok: true, data: ORDER, status: 201 };
const fail = (code: string, status: number): ApiResult<ViewerOrder> => ({ ok: false, error: { code, status, message: null } });

/** A send that answers from a script and records the keys it was called with. */
function scripted(answers: ApiResult<ViewerOrder>[]) {
  const keys: string[] = [];
  const send = async (_body: { n: number }, key: string) => {
    keys.push(key);
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next;
  };
  let k = 0;
  const attempt = new CheckoutAttempt(send, { wait: async () => undefined, makeKey: () => `key-${++k}-aaaaaaaaaaaaaaaa` });
  return { attempt, keys };
}

describe('idempotency keys', () => {
  it('are 24 characters the contract accepts, and differ', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(a).toHaveLength(24);
    expect(a).not.toBe(b);
  });
});

describe('CheckoutAttempt', () => {
  it('sends a double tap once', async () => {
    const { attempt, keys } = scripted([ok]);
    const [a, b] = await Promise.all([attempt.submit({ n: 1 }), attempt.submit({ n: 1 })]);
    expect(keys).toHaveLength(1);
    expect(a).toBe(b);
    expect(a.ok).toBe(true);
  });

  it('retries a lost answer (network, timeout, 5xx) with the same key', async () => {
    const { attempt, keys } = scripted([fail('network', 0), fail('timeout', 0), ok]);
    const r = await attempt.submit({ n: 1 });
    expect(r.ok).toBe(true);
    expect(keys).toEqual(['key-1-aaaaaaaaaaaaaaaa', 'key-1-aaaaaaaaaaaaaaaa', 'key-1-aaaaaaaaaaaaaaaa']);
  });

  it('keeps the key for the viewer’s own retry when automatic retries ran out', async () => {
    const { attempt, keys } = scripted([fail('network', 0), fail('server_error', 502), fail('network', 0), ok]);
    const first = await attempt.submit({ n: 1 });
    expect(first.ok).toBe(false);
    expect(attempt.currentKey).toBe('key-1-aaaaaaaaaaaaaaaa');
    const second = await attempt.submit({ n: 1 });
    expect(second.ok).toBe(true);
    expect(new Set(keys)).toEqual(new Set(['key-1-aaaaaaaaaaaaaaaa']));
    expect(keys).toHaveLength(4);
  });

  it('starts a new key after a definite refusal (declined card, changed total)', async () => {
    const { attempt, keys } = scripted([fail('payment_declined', 402), fail('total_mismatch', 409), ok]);
    expect((await attempt.submit({ n: 1 })).ok).toBe(false);
    expect((await attempt.submit({ n: 2 })).ok).toBe(false);
    expect((await attempt.submit({ n: 3 })).ok).toBe(true);
    expect(keys).toEqual(['key-1-aaaaaaaaaaaaaaaa', 'key-2-aaaaaaaaaaaaaaaa', 'key-3-aaaaaaaaaaaaaaaa']);
  });

  it('does not send again once the order is placed', async () => {
    const { attempt, keys } = scripted([ok]);
    await attempt.submit({ n: 1 });
    const again = await attempt.submit({ n: 1 });
    expect(again.ok && again.data.number).toBe('LC-20261122-0001');
    expect(keys).toHaveLength(1);
  });
});
