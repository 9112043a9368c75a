import { useEffect, useRef, useState } from 'react';
import type { ProductCard } from '../../../common/stage.js';
import { useCommerce } from './commerce-context.js';
import { money, percentOff } from './format.js';
import { ls, mmss } from './i18n-live-selling.js';

/** A 라이브 특가 in force now: its price and the time left (relay clock, ms). */
export interface SpecialNow {
  price: number;
  left: number;
}

/**
 * The running 라이브 특가 of a card (a socket change wins over the stage's), ticking once a second
 * for the countdown; null once it ended (by the relay clock, with no message needed) or was ended.
 */
export function useLiveSpecial(card: ProductCard): SpecialNow | null {
  const [view, commerce] = useCommerce();
  const heard = view.specials[card.productId];
  const special = heard === undefined ? (card.liveSpecial ?? null) : heard;
  const [now, setNow] = useState(() => commerce.relayNow());
  useEffect(() => {
    if (!special) return;
    setNow(commerce.relayNow());
    const id = setInterval(() => setNow(commerce.relayNow()), 1000);
    return () => clearInterval(id);
  }, [special, commerce]);
  return special && special.endsAt > now ? { price: special.price, left: special.endsAt - now } : null;
}

/**
 * True once a special this component showed has ended (by its clock or by the host) and none runs
 * now: the checkout sheet then tells the buyer the order is at the regular price.
 */
export function useSpecialEnded(special: SpecialNow | null): boolean {
  const seen = useRef(false);
  if (special) seen.current = true;
  return seen.current && special === null;
}

/** The unit price a card sells at now: the special, else a real sale price, else the regular price. */
export function priceNow(card: Pick<ProductCard, 'price' | 'salePrice'>, special: SpecialNow | null): { now: number; off: number | null } {
  if (special) return { now: special.price, off: percentOff(card.price, special.price) };
  const off = percentOff(card.price, card.salePrice);
  return { now: off !== null && card.salePrice !== null ? card.salePrice : card.price, off };
}

/** % off, the price now, and the regular price struck through (the card and the checkout sheet draw the same). */
export function PriceLine({ card, special }: { card: ProductCard; special: SpecialNow | null }) {
  const { now, off } = priceNow(card, special);
  return (
    <p className="product-price" data-testid="price-line" data-now={now} data-special={special ? '1' : undefined}>
      {off !== null && <span className="product-off">{off}%</span>}
      <strong className="product-now">{money(now, card.currency)}</strong>
      {off !== null && <s className="product-was">{money(card.price, card.currency)}</s>}
    </p>
  );
}

/** "라이브 특가 mm:ss 후 종료". */
export function SpecialCountdown({ special }: { special: SpecialNow }) {
  return (
    <p className="product-special" data-testid="live-special" role="timer">
      <span className="special-tag">{ls.special}</span> {ls.endsIn(mmss(special.left))}
    </p>
  );
}
