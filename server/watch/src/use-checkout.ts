import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckoutRequest, PaymentMethod, ViewerOrder } from '../../../common/commerce/order.js';
import type { HeldCoupon } from '../../../common/protocol/watch-api.js';
import type { ProductCard } from '../../../common/stage.js';
import type { ApiFailure } from './commerce-api.js';
import type { CommerceStore } from './commerce-store.js';
import { CheckoutAttempt } from './checkout-attempt.js';
import { missingForOrder } from './checkout-missing.js';
import { clampQuantity, EMPTY_BUYER, maxQuantity, storeUrl, testCardToken, validateBuyer, type BuyerDraft, type BuyerField } from './checkout-form.js';
import { lang } from './i18n.js';
import { useLiveSpecial, useSpecialEnded } from './LivePrice.js';
import { afterOrder, browserStore, clearBuyer, forgetBuyer, loadBuyer, loadRemember } from './local-store.js';
import { couponCodeOf, defaultCoupon, useCouponChoice } from './use-coupon-choice.js';
import { currentQuote, QuoteScheduler, type QuoteInput, type QuoteState } from './quote-scheduler.js';

export interface OptionView {
  id: string;
  name: string;
  stock: number;
}

export type PayChoice = PaymentMethod | 'store';
export type Phase = 'form' | 'sending' | 'done';

type OrderBody = Omit<CheckoutRequest, 'viewerId' | 'idempotencyKey'>;

/**
 * Everything the checkout sheet knows and does: the line (option, quantity), the coupon, the
 * delivery fields, how to pay, the relay's quote (debounced), and the order itself (one idempotency
 * key per attempt, retried with the same key when the answer was lost).
 */
/** `methods`: what GET …/payment listed, null until it answered. */
export function useCheckout(card: ProductCard, options: readonly OptionView[], commerce: CommerceStore, held: readonly HeldCoupon[], methods: readonly PaymentMethod[] | null) {
  const storage = useMemo(() => browserStore(), []);
  const soldOut = card.stock === 0;
  const [optionId, setOptionId] = useState<string | null>(() => (options.length === 1 && options[0]!.stock > 0 ? options[0]!.id : null));
  const option = options.find((o) => o.id === optionId) ?? null;
  const lineStock = option ? option.stock : card.stock;
  const [quantity, setQuantityRaw] = useState(1);
  const { coupon, setCoupon, suggest, applyTyped } = useCouponChoice(defaultCoupon(held, card));
  // The viewer's coupons arrive after the sheet opened: offer the newest one unless they already chose.
  const { currency, price, salePrice } = card;
  useEffect(() => suggest(defaultCoupon(held, { currency, price, salePrice })), [held, currency, price, salePrice, suggest]);
  const [buyer, setBuyer] = useState<BuyerDraft>(() => loadBuyer(storage) ?? EMPTY_BUYER);
  const [hadSaved, setHadSaved] = useState(() => loadBuyer(storage) !== null);
  // Unticked unless the viewer ticked it before; the details are stored only after an order with it ticked.
  const [remember, setRememberRaw] = useState(() => loadRemember(storage));
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
  const [errors, setErrors] = useState<Partial<Record<BuyerField, string>>>({});
  // 개인정보 수집·이용 동의: never pre-ticked, never remembered (consent is given per order).
  const [consent, setConsent] = useState(false);
  /** Bank transfer: the depositor's name when it differs from the buyer's (empty = the buyer's name). */
  const [depositor, setDepositor] = useState('');
  const [pay, setPay] = useState<PayChoice | null>(null);
  const [cardNumber, setCardNumber] = useState('');
  const [quote, setQuote] = useState<QuoteState>({ status: 'idle' });
  const [phase, setPhase] = useState<Phase>('form');
  const [orderError, setOrderError] = useState<ApiFailure | null>(null);
  /** The relay's total changed under the viewer: the new quote must be confirmed before ordering. */
  const [mustConfirm, setMustConfirm] = useState(false);
  const [order, setOrder] = useState<ViewerOrder | null>(null);

  // A 라이브 특가 starting or ending while the sheet is open is a new question for the relay (the
  // quote for the old price no longer belongs to the form), and the buyer is told (docs/live-selling.md).
  const special = useLiveSpecial(card);
  const specialEnded = useSpecialEnded(special);
  const specialPrice = special?.price ?? null;
  const needsOption = options.length > 0;
  const couponCode = couponCodeOf(coupon);
  // A complete 5-digit postcode goes into the quote: Jeju and islands then show their surcharge.
  const postcode = /^[0-9]{5}$/.test(buyer.postcode.trim()) ? buyer.postcode.trim() : null;
  const input: QuoteInput | null = useMemo(
    () => (needsOption && optionId === null ? null : { productId: card.productId, optionId, quantity, couponCode, postcode, specialPrice }),
    [card.productId, optionId, quantity, couponCode, needsOption, postcode, specialPrice],
  );

  const scheduler = useMemo(() => new QuoteScheduler({ fetchQuote: (i, signal) => commerce.api.quote({ line: { productId: i.productId, optionId: i.optionId, quantity: i.quantity }, couponCode: i.couponCode, postcode: i.postcode ?? null }, signal), onState: setQuote }), [commerce]);
  useEffect(() => () => scheduler.stop(), [scheduler]);
  useEffect(() => {
    scheduler.request(input);
    setMustConfirm(false);
  }, [scheduler, input]);

  // Stock fell under the chosen quantity (others bought): bring the quantity down with it.
  useEffect(() => {
    if (lineStock > 0 && quantity > maxQuantity(lineStock)) setQuantityRaw(maxQuantity(lineStock));
  }, [lineStock, quantity]);

  // The first way to pay the seller offers is chosen for the viewer (the seller's store only when it is the sole way).
  useEffect(() => {
    if (pay !== null || methods === null) return;
    if (methods.length) setPay(methods[0]!);
    else if (card.externalUrl) setPay('store');
  }, [methods, pay, card.externalUrl]);

  const attempt = useRef<CheckoutAttempt<OrderBody> | null>(null);
  if (attempt.current === null) attempt.current = new CheckoutAttempt<OrderBody>((body, idempotencyKey) => commerce.api.order({ ...body, idempotencyKey }));

  const priced = currentQuote(quote, input);
  const setQuantity = useCallback((q: number) => setQuantityRaw(clampQuantity(q, lineStock)), [lineStock]);
  const setField = useCallback((field: BuyerField, value: string) => {
    setBuyer((b) => ({ ...b, [field]: value }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  }, []);

  const clearSaved = () => {
    clearBuyer(storage);
    setBuyer(EMPTY_BUYER);
    setHadSaved(false);
  };

  const submit = async (): Promise<{ invalid: BuyerField[] } | null> => {
    if (phase !== 'form' || pay === null || pay === 'store' || soldOut || !consent) return null;
    const check = validateBuyer(buyer, lang);
    if (!check.ok) {
      setErrors(check.errors);
      return { invalid: Object.keys(check.errors) as BuyerField[] };
    }
    if (!priced || input === null) return null;
    setPhase('sending');
    setOrderError(null);
    const body: OrderBody = {
      line: { productId: input.productId, optionId: input.optionId, quantity: input.quantity },
      couponCode: input.couponCode,
      buyer: pay === 'bank_transfer' && depositor.trim() ? { ...check.buyer, depositor: depositor.trim() } : check.buyer,
      consent,
      payment: pay,
      expectedTotal: priced.total,
      paymentToken: pay === 'card' ? testCardToken(cardNumber) : null,
    };
    const result = await attempt.current!.submit(body);
    if (result.ok) {
      afterOrder(storage, buyer, remember);
      commerce.orderPlaced(result.data);
      setOrder(result.data);
      setPhase('done');
      return null;
    }
    setPhase('form');
    setOrderError(result.error);
    if (result.error.code === 'total_mismatch') {
      // Price it again and ask the viewer to confirm the new total (a new attempt: the content changed).
      const fresh = await scheduler.now(input);
      setMustConfirm(fresh.status === 'ok');
    }
    return null;
  };

  const storeHref = card.externalUrl ? storeUrl(card.externalUrl, couponCodeOf(coupon)) : null;
  const missing = missingForOrder({ needsOption: needsOption && optionId === null, buyer, consent, pay, priced: priced !== null });

  return {
    card, currency, options, option, optionId, setOptionId, needsOption, lineStock, soldOut, special, specialEnded,
    quantity, setQuantity, maxQuantity: maxQuantity(lineStock),
    coupon, setCoupon, applyTyped,
    buyer, setField, errors, remember, setRemember, hadSaved, clearSaved,
    consent, setConsent, depositor, setDepositor, missing,
    pay, setPay, cardNumber, setCardNumber,
    quote, priced, mustConfirm,
    phase, orderError, order,
    submit, storeHref,
  };
}

export type CheckoutModel = ReturnType<typeof useCheckout>;
