import { useEffect, useSyncExternalStore } from 'react';
import { remoteZoneOf } from '../../../common/commerce/remote-postcodes.js';
import { errorMessage, errorPlace } from './api-errors.js';
import { BankTransferFields } from './BankTransferFields.js';
import { BuyerFields } from './BuyerFields.js';
import { cart } from './cart-store.js';
import './checkout.css';
import { BUYER_FIELDS } from './checkout-form.js';
import { isUncertain } from './commerce-api.js';
import type { CommerceStore } from './commerce-store.js';
import { ConsentField } from './ConsentField.js';
import { CouponPicker } from './CouponPicker.js';
import { money } from './format.js';
import { lang } from './i18n.js';
import { k } from './i18n-checkout.js';
import { c } from './i18n-commerce.js';
import { PayTo } from './OrderDone.js';
import { Field, Sheet } from './Sheet.js';
import { useCartCheckout, type CartModel } from './use-cart-checkout.js';

function CartLines({ m }: { m: CartModel }) {
  if (!m.items.length) return <p className="co-note">{k.cartEmpty}</p>;
  return (
    <ul className="cart-lines" data-testid="cart-lines">
      {m.items.map((i, n) => {
        const line = m.quote?.lines[n];
        return (
          <li key={`${i.productId}/${i.optionId ?? ''}`} className="cart-line" data-testid="cart-line" data-product-id={i.productId} data-discount={line?.discount ?? 0}>
            <span className="cart-line-name">
              {i.name}
              {i.optionName ? ` · ${i.optionName}` : ''} <small>{k.lineOf(i.quantity)}</small>
            </span>
            <span className="cart-line-price">{line ? money(line.subtotal, i.currency) : '—'}</span>
            <button type="button" className="link-button" onClick={() => cart.remove(n)} data-testid="cart-remove">
              {k.remove}
            </button>
            {line && line.discount > 0 && (
              <span className="cart-line-discount" data-testid="cart-line-discount">
                {k.lineCoupon(money(line.discount, i.currency))}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function CartSummary({ m }: { m: CartModel }) {
  const q = m.quote;
  const cur = q?.currency ?? 'KRW';
  return (
    <section className="co-section summary" aria-live="polite" data-testid="cart-summary" data-state={q ? 'priced' : 'loading'}>
      <dl>
        <div>
          <dt>{c.subtotal}</dt>
          <dd data-testid="cart-subtotal">{q ? money(q.subtotal, cur) : '—'}</dd>
        </div>
        {q && q.discount > 0 && (
          <div>
            <dt>{c.discount}</dt>
            <dd data-testid="cart-discount" className="minus" data-discount={q.discount}>{`−${money(q.discount, cur)}`}</dd>
          </div>
        )}
        <div>
          <dt>{c.shipping}</dt>
          <dd data-testid="cart-shipping">{q ? (q.shipping === 0 ? c.free : money(q.shipping, cur)) : '—'}</dd>
        </div>
        {q && q.shippingSurcharge > 0 && (
          <div className="surcharge">
            <dt>{remoteZoneOf(m.buyer.postcode) === 'island' ? k.surcharge.island : k.surcharge.jeju}</dt>
            <dd data-testid="cart-surcharge">{`+${money(q.shippingSurcharge, cur)}`}</dd>
          </div>
        )}
        <div className="total">
          <dt>{c.total}</dt>
          <dd data-testid="cart-total" data-total={q?.total}>
            {q ? money(q.total, cur) : m.quoteError ? '—' : c.quoting}
          </dd>
        </div>
      </dl>
      {/* A refused coupon is said at the coupon field (and by the button); other refusals here. */}
      {m.quoteError && errorPlace(m.quoteError.code) !== 'coupon' && (
        <p className="field-error" role="alert" data-testid="cart-quote-error" data-code={m.quoteError.code}>
          {errorMessage(m.quoteError, lang)}
        </p>
      )}
    </section>
  );
}

/** The relay refused the cart's coupon (not applicable, minimum, used up…): the cart cannot be priced with it. */
function cartCouponError(m: CartModel) {
  return m.quoteError && errorPlace(m.quoteError.code) === 'coupon' ? m.quoteError : null;
}

function CartBar({ m }: { m: CartModel }) {
  const q = m.quote;
  const waiting = m.missing.filter((p) => p !== 'quote');
  const couponError = cartCouponError(m);
  const disabled = m.phase !== 'form' || !q || m.missing.length > 0 || !m.items.length;
  const submit = async () => {
    const r = await m.submit();
    const first = BUYER_FIELDS.find((f) => r?.invalid.includes(f));
    if (first) document.getElementById(`co-${first}`)?.focus();
  };
  return (
    <>
      {m.orderError && (
        <p className="sheet-alert" role="alert" data-testid="cart-order-error" data-code={m.orderError.code}>
          {/* The relay's total changed (a special ended…): the cart was priced again; say the new total. */}
          {m.orderError.code === 'total_mismatch' && q ? c.totalChanged(money(q.total, q.currency)) : isUncertain(m.orderError) ? c.uncertain : errorMessage(m.orderError, lang)}
        </p>
      )}
      {couponError && !m.orderError && (
        <p className="sheet-alert soft" data-testid="cart-coupon-blocked" data-code={couponError.code}>
          {k.couponBlocks(errorMessage(couponError, lang, (n) => money(n, m.currency)))}
        </p>
      )}
      {m.phase === 'form' && m.items.length > 0 && waiting.length > 0 && (
        <p className="co-missing" id="cart-missing" data-testid="cart-missing" data-missing={waiting.join(' ')}>
          {k.missingTitle} {waiting.map((p) => k.missing[p]).join(', ')}
        </p>
      )}
      <button type="button" className="btn-primary btn-order" disabled={disabled} aria-describedby={waiting.length ? 'cart-missing' : undefined} onClick={() => void submit()} data-testid="cart-order-button">
        {m.phase === 'sending' ? c.ordering : q ? k.cartOrder(money(q.total, q.currency)) : c.checkout}
      </button>
    </>
  );
}

/** The cart: every line the viewer added, one delivery form, one shipping fee, one order. */
export function CartSheet({ commerce, onClose, onMyOrders }: { commerce: CommerceStore; onClose: () => void; onMyOrders: () => void }) {
  const view = useSyncExternalStore(commerce.subscribe, commerce.getSnapshot);
  const m = useCartCheckout(commerce, view.payment?.methods ?? null);
  useEffect(() => {
    void commerce.loadHeld();
  }, [commerce]);
  if (m.phase === 'done' && m.placed) {
    const first = m.placed.orders[0]!;
    return (
      <Sheet title={c.orderDone} onClose={onClose} testId="cart-sheet">
        <div className="order-done" data-testid="cart-done" data-number={m.placed.number} data-total={m.placed.total}>
          <p className="order-number">{m.placed.number}</p>
          <p>
            <strong>{money(m.placed.total, first.quote.currency)}</strong>
          </p>
          <PayTo order={{ ...first, payTo: m.placed.payTo }} />
          <button type="button" className="btn-secondary" onClick={onMyOrders}>
            {c.myOrders}
          </button>
        </div>
      </Sheet>
    );
  }
  const methods = view.payment?.methods ?? [];
  return (
    <Sheet title={k.cart} onClose={onClose} testId="cart-sheet" footer={<CartBar m={m} />}>
      <form className="co-form" noValidate onSubmit={(e) => e.preventDefault()}>
        <CartLines m={m} />
        {m.items.length > 0 && <CouponPicker m={m} held={view.held} relayError={cartCouponError(m)} />}
        <BuyerFields m={m} />
        <fieldset className="co-section">
          <legend className="co-legend">{c.pay}</legend>
          <div className="pay-options">
            {methods.map((p) => (
              <label key={p} className={`radio-row pay-${p}`}>
                <input type="radio" name="cart-pay" value={p} checked={m.pay === p} onChange={() => m.setPay(p)} data-testid={`cart-pay-${p}`} />
                <span className="radio-main">{c.method[p]}</span>
              </label>
            ))}
          </div>
          {m.pay === 'card' && (
            <div className="test-pay">
              <p className="test-banner" role="note">
                {c.testBanner}
              </p>
              <Field id="cart-card" label={c.testCard} value={m.cardNumber} onChange={m.setCardNumber} maxLength={23} testId="cart-card-number" inputMode="numeric" autoComplete="off" placeholder="4242 4242 4242 4242" help={c.testCardHelp} />
            </div>
          )}
          {m.pay === 'bank_transfer' && <BankTransferFields m={m} windowMinutes={view.payment?.paymentWindowMinutes} />}
        </fieldset>
        <ConsentField checked={m.consent} onChange={m.setConsent} />
        <CartSummary m={m} />
      </form>
    </Sheet>
  );
}
