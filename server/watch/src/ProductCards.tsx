import { useState } from 'react';
import { useCommerce } from './commerce-context.js';
import { restockKey } from './commerce-store.js';
import { ls } from './i18n-live-selling.js';
import { PriceLine, SpecialCountdown, useLiveSpecial } from './LivePrice.js';
import type { ProductCard } from '../../../common/stage.js';
import { formatCount, safeHttpUrl } from './format.js';
import { t } from './i18n.js';
import { c } from './i18n-commerce.js';
import { useDisplay } from './display-context.js';

/** Relay assets are same-origin paths; anything else that is not a web URL is not loaded. */
function imageSrc(url: string | undefined): string | null {
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  return safeHttpUrl(url);
}

/** A product picture (or a bag when there is none), with the Sold out badge over it. */
export function ProductThumb({ url, soldOut }: { url: string | undefined; soldOut: boolean }) {
  const [broken, setBroken] = useState(false);
  const src = imageSrc(url);
  return (
    <div className="product-img">
      {src && !broken ? <img src={src} alt="" loading="eager" decoding="async" onError={() => setBroken(true)} /> : <BagIcon />}
      {soldOut && (
        <span className="product-img-soldout" data-testid="sold-out">
          {t.soldOut}
        </span>
      )}
    </div>
  );
}

/** 재입고 알림 for a sold-out card: one button per sold-out option (or one for the product). */
function RestockAsk({ card }: { card: ProductCard }) {
  const [view, commerce] = useCommerce();
  const lines = card.options.length ? card.options.filter((o) => o.stock === 0).map((o) => ({ id: o.id as string | null, name: o.name })) : card.stock === 0 ? [{ id: null, name: '' }] : [];
  if (!lines.length) return null;
  return (
    <div className="restock-ask">
      {lines.map((l) =>
        view.restockAsked.includes(restockKey(card.productId, l.id)) ? (
          <p key={l.id ?? ''} className="restock-asked" data-testid="restock-asked">
            {ls.willNotify}
          </p>
        ) : (
          <button key={l.id ?? ''} type="button" className="restock-button" data-testid="restock-button" data-option-id={l.id ?? ''} onClick={() => void commerce.askRestock(card.productId, l.id)}>
            {l.name ? ls.notifyOption(l.name) : ls.notifyMe}
          </button>
        ),
      )}
    </div>
  );
}

function Card({ card, onBuy }: { card: ProductCard; onBuy: (card: ProductCard) => void }) {
  const soldOut = card.stock === 0;
  const special = useLiveSpecial(card);
  const low = card.stock > 0 && card.stock <= 10;
  // The host may hide the "N개 남음" counter; Sold out always shows (it decides whether Buy works).
  const { stock: showStock } = useDisplay();
  const open = () => {
    if (!soldOut) onBuy(card);
  };
  return (
    <article className={`product${soldOut ? ' is-sold-out' : ''}`} data-testid="product-card" data-product-id={card.productId} data-stock={card.stock}>
      {/* The picture and name open the same sheet for a pointer; keyboard users have the Buy button. */}
      <div className="product-tap" onClick={open} aria-hidden="true">
        <ProductThumb url={card.imageUrls[0]} soldOut={soldOut} />
      </div>
      <div className="product-body">
        <h2 className="product-name" onClick={open}>
          {card.name}
        </h2>
        <PriceLine card={card} special={special} />
        {special && <SpecialCountdown special={special} />}
        {(soldOut || showStock) && (
          <p className={`product-stock${low ? ' low' : ''}`} data-testid="stock-left">
            {soldOut ? t.soldOut : t.stockLeft(formatCount(card.stock))}
          </p>
        )}
        <RestockAsk card={card} />
      </div>
      <button type="button" className="product-cta" disabled={soldOut} onClick={open} data-testid="buy-button" aria-label={`${c.buy}: ${card.name}`}>
        {soldOut ? t.soldOut : c.buy}
      </button>
    </article>
  );
}

/** Up to three pinned products: a swipeable strip on a phone, a column beside the video on a desktop. */
export function ProductCards({ cards, onBuy }: { cards: readonly ProductCard[]; onBuy: (card: ProductCard) => void }) {
  if (!cards.length) return null;
  return (
    <section className={`products count-${cards.length}`} aria-label={t.products}>
      {cards.map((card) => (
        <Card key={card.productId} card={card} onBuy={onBuy} />
      ))}
    </section>
  );
}

function BagIcon() {
  return (
    <svg className="product-img-placeholder" width="30" height="30" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 7h12l-1 13H7L6 7z" />
      <path d="M9 7a3 3 0 0 1 6 0" />
    </svg>
  );
}

/** "재입고되었어요": shown to the device that asked when the host restocks its line. */
export function RestockNotice({ cards }: { cards: readonly ProductCard[] }) {
  const [view, commerce] = useCommerce();
  const n = view.restockNotice;
  if (!n) return null;
  const card = cards.find((k) => k.productId === n.productId);
  const option = card?.options.find((o) => o.id === n.optionId);
  const name = [card?.name, option?.name].filter(Boolean).join(' · ');
  return (
    <div className="restock-notice" role="status" data-testid="restock-notice">
      <span>{ls.restocked(name)}</span>
      <button type="button" className="restock-dismiss" aria-label="×" onClick={() => commerce.dismissRestockNotice()}>
        ×
      </button>
    </div>
  );
}
