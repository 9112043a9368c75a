import { useCallback, useRef, useState } from 'react';
import type { Currency } from '../../../common/commerce/money.js';
import type { HeldCoupon } from '../../../common/protocol/watch-api.js';
import type { ProductCard } from '../../../common/stage.js';
import { normalizeCouponCode } from './checkout-form.js';

/** The coupon on an order or a cart: none, one the viewer holds, or a typed code. */
export type CouponChoice = { kind: 'none' } | { kind: 'held'; code: string } | { kind: 'typed'; code: string };

/** A held coupon that can go on this order or cart (right currency, uses left). */
export function usableCoupons(held: readonly HeldCoupon[], where: { currency: Currency }): HeldCoupon[] {
  return held.filter((h) => h.usesLeft > 0 && h.currency === where.currency);
}

/** Pre-selects the newest usable coupon whose minimum the line already meets (a claimed coupon is meant to be used). */
export function defaultCoupon(held: readonly HeldCoupon[], card: Pick<ProductCard, 'currency' | 'price' | 'salePrice'>): CouponChoice {
  const unit = card.salePrice ?? card.price;
  const fit = usableCoupons(held, card).filter((h) => h.minOrder <= unit);
  const last = fit.at(-1);
  return last ? { kind: 'held', code: last.code } : { kind: 'none' };
}

export function couponCodeOf(choice: CouponChoice): string | null {
  return choice.kind === 'none' ? null : choice.code;
}

/**
 * The coupon choice of a checkout or cart sheet: what the viewer picked, a suggestion that applies
 * only until they pick, and a typed code checked for its form (the relay checks the rest).
 */
export function useCouponChoice(initial: CouponChoice) {
  const [coupon, setRaw] = useState<CouponChoice>(initial);
  const touched = useRef(false);
  const setCoupon = useCallback((choice: CouponChoice) => {
    touched.current = true;
    setRaw(choice);
  }, []);
  const suggest = useCallback((next: CouponChoice) => {
    if (touched.current) return;
    setRaw((prev) => (couponCodeOf(prev) === couponCodeOf(next) && prev.kind === next.kind ? prev : next));
  }, []);
  /** Applies a typed code; returns a local error (format) or null. */
  const applyTyped = useCallback(
    (text: string): string | null => {
      const code = normalizeCouponCode(text);
      if (code === 'invalid') return 'invalid';
      setCoupon(code === null ? { kind: 'none' } : { kind: 'typed', code });
      return null;
    },
    [setCoupon],
  );
  return { coupon, setCoupon, suggest, applyTyped };
}

/** What the coupon picker needs from a sheet's model. */
export type CouponChoiceModel = Pick<ReturnType<typeof useCouponChoice>, 'coupon' | 'setCoupon' | 'applyTyped'> & { currency: Currency };
