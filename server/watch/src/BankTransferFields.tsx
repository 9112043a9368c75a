import { k } from './i18n-checkout.js';
import { Field } from './Sheet.js';
import type { CheckoutModel } from './use-checkout.js';

/** Bank transfer: who the money comes from (입금자명, the buyer's name unless typed) and the deadline to pay. */
export function BankTransferFields({ m, windowMinutes }: { m: Pick<CheckoutModel, 'depositor' | 'setDepositor' | 'buyer'>; windowMinutes: number | undefined }) {
  return (
    <div className="co-bank" data-testid="checkout-bank">
      <Field id="co-depositor" label={k.depositor} value={m.depositor} onChange={m.setDepositor} maxLength={40} testId="checkout-depositor" placeholder={m.buyer.name || '홍길동'} help={k.depositorHelp} autoComplete="off" />
      {windowMinutes !== undefined && (
        <p className="co-note co-deadline" data-testid="checkout-pay-deadline">
          {k.payDeadline(windowMinutes)}
        </p>
      )}
    </div>
  );
}
