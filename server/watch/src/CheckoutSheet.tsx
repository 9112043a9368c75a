import { useEffect, useSyncExternalStore } from 'react';
import type { ProductCard } from '../../../common/stage.js';
import { errorMessage, errorPlace } from './api-errors.js';
import { isUncertain } from './commerce-api.js';
import type { CommerceStore } from './commerce-store.js';
import { BankTransferFields } from './BankTransferFields.js';
import { BuyerFields } from './BuyerFields.js';
import { cart } from './cart-store.js';
import './checkout.css';
import { ConsentField } from './ConsentField.js';
import { k } from './i18n-checkout.js';
import { BUYER_FIELDS } from './checkout-form.js';
import { CouponPicker } from './CouponPicker.js';
import { formatCount, money } from './format.js';
import { lang, t } from './i18n.js';
import { c } from './i18n-commerce.js';
import { LineFields, lineError } from './LineFields.js';
import { PriceLine, priceNow, SpecialCountdown } from './LivePrice.js';
import { ls } from './i18n-live-selling.js';
import { NicknameField } from './NicknameField.js';
import { OrderDone } from './OrderDone.js';
import { OrderSummary } from './OrderSummary.js';
import { PaymentPicker } from './PaymentPicker.js';
import { ProductThumb } from './ProductCards.js';
import { Sheet } from './Sheet.js';
import { useCheckout, type CheckoutModel, type OptionView } from './use-checkout.js';

/** The product, its price now (a 라이브 특가 with the regular price struck through and its countdown, as on the card). */
function ProductHead({ m }: { m: CheckoutModel }) {
  const { card, soldOut, special } = m;
  return (
    <div className="co-product">
      <ProductThumb url={card.imageUrls[0]} soldOut={soldOut} />
      <div className="co-product-text">
        <p className="co-product-name">{card.name}</p>
        <PriceLine card={card} special={special} />
        {special && <SpecialCountdown special={special} />}
        {!soldOut && <p className="product-stock">{t.stockLeft(formatCount(card.stock))}</p>}
      </div>
    </div>
  );
}

/** The footer: what the viewer pays and the one button that orders (or opens the seller's store). */
function OrderBar({ m, onAddedToCart }: { m: CheckoutModel; onAddedToCart?: (() => void) | undefined }) {
  const q = m.priced;
  // Whole-order problems, and a declined card (the one thing the viewer must act on), show by the button.
  const place = m.orderError ? errorPlace(m.orderError.code) : null;
  const orderError = place === 'form' || place === 'payment' ? m.orderError : null;
  const hasErrors = Object.values(m.errors).some(Boolean);
  if (m.pay === 'store' && m.storeHref) {
    return (
      <a className="btn-primary btn-order" href={m.storeHref} target="_blank" rel="noopener noreferrer" data-testid="store-link">
        {c.openStore} ↗
      </a>
    );
  }
  const submit = async () => {
    const r = await m.submit();
    const first = BUYER_FIELDS.find((f) => r?.invalid.includes(f));
    if (first) document.getElementById(`co-${first}`)?.focus();
    // A refusal about one field (coupon, quantity, option): bring its message into view.
    else requestAnimationFrame(() => document.querySelector('.sheet-body [data-testid="checkout-error"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  };
  const label = m.phase === 'sending' ? c.ordering : q ? (m.mustConfirm ? c.confirmTotal(money(q.total, q.currency)) : c.orderFor(money(q.total, q.currency))) : c.checkout;
  const disabled = m.soldOut || m.pay === null || m.phase !== 'form' || !q || m.missing.length > 0;
  const waiting = m.missing.filter((p) => p !== 'quote');
  return (
    <>
      {m.soldOut && (
        <p className="sheet-alert" role="alert" data-testid="checkout-sold-out">
          {c.soldOutNow}
        </p>
      )}
      {orderError && (
        <p className="sheet-alert" role="alert" data-testid="order-error" data-code={orderError.code}>
          {m.mustConfirm && q ? c.totalChanged(money(q.total, q.currency)) : isUncertain(orderError) ? c.uncertain : errorMessage(orderError, lang, (n) => money(n, m.card.currency))}
        </p>
      )}
      {m.specialEnded && (
        <p className="sheet-alert special-ended" role="alert" data-testid="special-ended">
          {ls.specialEnded(money(priceNow(m.card, null).now, m.card.currency))}
        </p>
      )}
      {hasErrors && <p className="sheet-alert soft">{c.fixFields}</p>}
      {!m.soldOut && m.phase === 'form' && waiting.length > 0 && (
        <p className="co-missing" id="co-missing" data-testid="order-missing" data-missing={waiting.join(' ')}>
          {k.missingTitle} {waiting.map((p) => k.missing[p]).join(', ')}
        </p>
      )}
      {onAddedToCart && !m.soldOut && m.pay !== 'store' && m.phase === 'form' && (
        <button
          type="button"
          className="btn-secondary btn-add-cart"
          disabled={m.needsOption && m.optionId === null}
          onClick={() => {
            if (cart.add({ productId: m.card.productId, optionId: m.optionId, quantity: m.quantity, name: m.card.name, optionName: m.option?.name ?? null, currency: m.card.currency })) onAddedToCart();
          }}
          data-testid="add-to-cart"
        >
          {k.addToCart}
        </button>
      )}
      <button type="button" className="btn-primary btn-order" disabled={disabled} aria-disabled={disabled} aria-describedby={waiting.length ? 'co-missing' : undefined} onClick={() => void submit()} data-testid="order-button" data-must-confirm={m.mustConfirm || undefined}>
        {orderError && isUncertain(orderError) && m.phase === 'form' ? `${c.retry} · ${label}` : label}
      </button>
    </>
  );
}

function CheckoutForm({ m, commerce }: { m: CheckoutModel; commerce: CommerceStore }) {
  const view = useSyncExternalStore(commerce.subscribe, commerce.getSnapshot);
  return (
    <form
      className="co-form"
      noValidate
      onSubmit={(e) => {
        // Never a real form post (the page's CSP forbids them anyway); ordering is the button's job.
        e.preventDefault();
      }}
    >
      <ProductHead m={m} />
      <LineFields m={m} />
      <CouponPicker m={m} held={view.held} relayError={lineError(m, 'coupon')} />
      <BuyerFields m={m} />
      {!commerce.nicknameOffered && <NicknameField commerce={commerce} compact />}
      <PaymentPicker m={m} methods={view.payment?.methods ?? []} loadError={view.paymentError} onReload={() => void commerce.loadPayment()} />
      {m.pay === 'bank_transfer' && <BankTransferFields m={m} windowMinutes={view.payment?.paymentWindowMinutes} />}
      <ConsentField checked={m.consent} onChange={m.setConsent} />
      <OrderSummary m={m} />
    </form>
  );
}

interface Props {
  card: ProductCard;
  options: readonly OptionView[];
  commerce: CommerceStore;
  onClose: () => void;
  onMyOrders: () => void;
  /** Shown with an "add to cart" button; called once the line is in the cart. */
  onAddedToCart?: () => void;
}

/** Buy without leaving the video: the sheet beside (desktop) or under (phone) the still-playing picture. */
export function CheckoutSheet({ card, options, commerce, onClose, onMyOrders, onAddedToCart }: Props) {
  const view = useSyncExternalStore(commerce.subscribe, commerce.getSnapshot);
  useEffect(() => {
    void commerce.loadPayment();
    void commerce.loadHeld();
    commerce.event('checkout_start', card.productId);
  }, [commerce, card.productId]);
  const m = useCheckout(card, options, commerce, view.held, view.payment?.methods ?? null);
  if (m.phase === 'done' && m.order) {
    return (
      <Sheet title={c.orderDone} onClose={onClose} testId="checkout-sheet">
        <OrderDone order={m.order} onBack={onClose} onMyOrders={onMyOrders} />
      </Sheet>
    );
  }
  return (
    <Sheet title={c.checkout} onClose={onClose} testId="checkout-sheet" footer={<OrderBar m={m} onAddedToCart={onAddedToCart} />}>
      <CheckoutForm m={m} commerce={commerce} />
    </Sheet>
  );
}
