import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CartOrder, CartQuote } from '../../../common/commerce/cart.js';
import type { PaymentMethod } from '../../../common/commerce/order.js';
import { cart, type CartItem } from './cart-store.js';
import { newIdempotencyKey } from './checkout-attempt.js';
import { EMPTY_BUYER, testCardToken, validateBuyer, type BuyerDraft, type BuyerField } from './checkout-form.js';
import { missingForOrder } from './checkout-missing.js';
import { isUncertain, type ApiFailure } from './commerce-api.js';
import type { CommerceStore } from './commerce-store.js';
import { lang } from './i18n.js';
import { couponCodeOf, useCouponChoice } from './use-coupon-choice.js';
import { afterOrder, browserStore, clearBuyer, forgetBuyer, loadBuyer, loadRemember } from './local-store.js';

/**
 * The cart sheet's state: the lines, the same delivery fields, consent and payment as the one-product
 * checkout, the relay's cart quote (asked again when the lines or the postcode change), and the
 * order (one idempotency key per attempt, kept for a retry after an uncertain answer).
 */
export function useCartCheckout(commerce: CommerceStore, methods: readonly PaymentMethod[] | null) {
  const storage = useMemo(() => browserStore(), []);
  const items = useSyncExternalStore(cart.subscribe, cart.getSnapshot);
  const [buyer, setBuyer] = useState<BuyerDraft>(() => loadBuyer(storage) ?? EMPTY_BUYER);
  const [hadSaved, setHadSaved] = useState(() => loadBuyer(storage) !== null);
  const [remember, setRememberRaw] = useState(() => loadRemember(storage));
  const [errors, setErrors] = useState<Partial<Record<BuyerField, string>>>({});
  const [consent, setConsent] = useState(false);
  const [depositor, setDepositor] = useState('');
  const [pay, setPay] = useState<PaymentMethod | null>(null);
  const [cardNumber, setCardNumber] = useState('');
  const [quote, setQuote] = useState<CartQuote | null>(null);
  const [quoteError, setQuoteError] = useState<ApiFailure | null>(null);
  const [phase, setPhase] = useState<'form' | 'sending' | 'done'>('form');
  const [orderError, setOrderError] = useState<ApiFailure | null>(null);
  const [placed, setPlaced] = useState<CartOrder | null>(null);
  const key = useRef<string | null>(null);
  /** Bumped when the relay refused the total (a 라이브 특가 ended, a price changed): price the cart again. */
  const [requote, setRequote] = useState(0);
  // No coupon until the viewer picks one: a cart mixes products a coupon may not cover, and a
  // pre-selected coupon that covers none of them would stop the cart from being priced (docs/checkout.md).
  const { coupon, setCoupon, applyTyped } = useCouponChoice({ kind: 'none' });
  const couponCode = couponCodeOf(coupon);
  const currency = items[0]?.currency ?? 'KRW';

  const setRemember = useCallback(
    (on: boolean) => {
      setRememberRaw(on);
      if (!on) {
        forgetBuyer(storage);
        setHadSaved(false);
      }
    },
    [storage],
  );
  const setField = useCallback((field: BuyerField, value: string) => {
    setBuyer((b) => ({ ...b, [field]: value }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  }, []);
  const clearSaved = () => {
    clearBuyer(storage);
    setBuyer(EMPTY_BUYER);
    setHadSaved(false);
  };

  useEffect(() => {
    if (pay === null && methods?.length) setPay(methods[0]!);
  }, [methods, pay]);

  const postcode = /^[0-9]{5}$/.test(buyer.postcode.trim()) ? buyer.postcode.trim() : null;
  const lines = useMemo(() => items.map((i: CartItem) => ({ productId: i.productId, optionId: i.optionId, quantity: i.quantity })), [items]);
  // A 라이브 특가 the host starts or ends on a product in the cart: price the cart again now (one that
  // runs out by the clock alone is caught by the relay's total_mismatch below).
  const specials = useSyncExternalStore(commerce.subscribe, () => commerce.getSnapshot().specials);
  const specialsKey = items.map((i) => JSON.stringify(specials[i.productId] ?? null)).join();
  useEffect(() => {
    if (!lines.length || phase === 'done') return;
    const ctl = new AbortController();
    setQuote(null);
    // A new content is a new order: a later tap must not replay an older cart's key.
    key.current = null;
    const timer = setTimeout(() => {
      void commerce.api.quoteCart({ lines, postcode, couponCode }, ctl.signal).then((r) => {
        if (ctl.signal.aborted) return;
        setQuote(r.ok ? r.data : null);
        setQuoteError(r.ok ? null : r.error);
      });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [commerce, lines, postcode, couponCode, phase, requote, specialsKey]);

  const missing = missingForOrder({ needsOption: false, buyer, consent, pay, priced: quote !== null });

  const submit = async (): Promise<{ invalid: BuyerField[] } | null> => {
    if (phase !== 'form' || !quote || pay === null || !consent) return null;
    const check = validateBuyer(buyer, lang);
    if (!check.ok) {
      setErrors(check.errors);
      return { invalid: Object.keys(check.errors) as BuyerField[] };
    }
    setPhase('sending');
    setOrderError(null);
    key.current ??= newIdempotencyKey();
    const r = await commerce.api.placeCart({
      lines,
      idempotencyKey: key.current,
      buyer: pay === 'bank_transfer' && depositor.trim() ? { ...check.buyer, depositor: depositor.trim() } : check.buyer,
      payment: pay,
      expectedTotal: quote.total,
      paymentToken: pay === 'card' ? testCardToken(cardNumber) : null,
      consent,
      couponCode,
    });
    if (r.ok) {
      afterOrder(storage, buyer, remember);
      for (const o of r.data.orders) commerce.orderPlaced(o);
      cart.clear();
      setPlaced(r.data);
      setPhase('done');
      return null;
    }
    if (!isUncertain(r.error)) key.current = null;
    if (r.error.code === 'total_mismatch') setRequote((n) => n + 1);
    setOrderError(r.error);
    setPhase('form');
    return null;
  };

  return { items, currency, coupon, setCoupon, applyTyped, buyer, setField, errors, remember, setRemember, hadSaved, clearSaved, consent, setConsent, depositor, setDepositor, pay, setPay, cardNumber, setCardNumber, quote, quoteError, phase, orderError, placed, missing, submit };
}

export type CartModel = ReturnType<typeof useCartCheckout>;
