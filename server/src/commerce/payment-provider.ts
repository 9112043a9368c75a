import type { Currency } from '../../../common/commerce/money.js';

export type AuthorizeResult = { approved: true; reference: string } | { approved: false; reason: string };

/**
 * How the relay takes card payments. One adapter per provider (see docs/payments.md for how a
 * Toss Payments or Stripe adapter plugs in). `orderId` is the relay's own order id, generated before
 * the call: real providers key their payment on it, which makes a retried authorisation one payment.
 */
export interface PaymentProvider {
  readonly name: string;
  /** `token` is what the provider's widget in the watch page returned for this payment. */
  authorize(req: { orderId: string; amount: number; currency: Currency; token: string }): Promise<AuthorizeResult>;
  /** Gives the money back: a refunded order, or an approved payment whose order could not be placed (sold out meanwhile). */
  refund(req: { orderId: string; amount: number; currency: Currency; reason: string }): Promise<void>;
}

/**
 * TEST ADAPTER — moves no money and reaches no network. Token `test_ok` approves, `test_decline`
 * (and anything else) declines. It is what a relay with card payments turned on uses until a real
 * adapter is configured; docs/payments.md says so to the seller.
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';
  /** What happened, for tests and for a seller looking at a rehearsal: bounded. */
  readonly journal: { kind: 'authorize' | 'refund'; orderId: string; amount: number; approved?: boolean }[] = [];

  authorize(req: { orderId: string; amount: number; currency: Currency; token: string }): Promise<AuthorizeResult> {
    const approved = req.token === 'test_ok';
    this.note({ kind: 'authorize', orderId: req.orderId, amount: req.amount, approved });
    if (approved) return Promise.resolve({ approved: true, reference: `test_${req.orderId}` });
    return Promise.resolve({ approved: false, reason: req.token === 'test_decline' ? 'the card was declined (test card)' : 'unknown test card token' });
  }

  refund(req: { orderId: string; amount: number }): Promise<void> {
    this.note({ kind: 'refund', orderId: req.orderId, amount: req.amount });
    return Promise.resolve();
  }

  private note(entry: TestPaymentProvider['journal'][number]): void {
    this.journal.push(entry);
    if (this.journal.length > 1000) this.journal.shift();
  }
}
