import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import type { PublicShow } from '../../../common/show.js';
import type { ProductCard, Stage } from '../../../common/stage.js';
import { CartSheet } from './CartSheet.js';
import { ChatCaption, HeartRain } from './chat/ChatPanel.js';
import { useChatStore } from './chat/chat-context.js';
import { ChatSheet } from './chat/ChatSheet.js';
import { tc } from './chat/i18n-chat.js';
import { useUnread } from './chat/useUnread.js';
import { cart } from './cart-store.js';
import { CheckoutSheet } from './CheckoutSheet.js';
import { DisplayContext } from './display-context.js';
import { k } from './i18n-checkout.js';
import { useCommerce } from './commerce-context.js';
import { formatCount } from './format.js';
import { t } from './i18n.js';
import { c } from './i18n-commerce.js';
import { optionStockOf, overlay } from '../../../common/stage-overlay.js';
import { OVERLAY_SHARE } from './overlay-budget.js';
import { MyOrders } from './MyOrders.js';
import { SellerInfoLink, SellerInfoSheet } from './SellerInfo.js';
import { PurchaseToasts } from './PurchaseToasts.js';
import { useRelayNow, visibleStage, type RelayClock } from './relay-clock.js';
import { hasContent, StageDock } from './StageDock.js';
import './live.css';
import './commerce.css';
import type { WatchState } from './watch-session.js';

/** Plays, and if the browser refuses sound without a tap, falls back to muted so the picture still runs. */
function playSafely(video: HTMLVideoElement): void {
  video.play().catch(() => {
    if (video.muted) return;
    video.muted = true;
    video.play().catch(() => undefined);
  });
}

/** Fill the screen with a portrait picture when the screen is about as tall (crop at most ~25% of its width). */
function shouldFill(video: HTMLVideoElement): boolean {
  const { videoWidth: w, videoHeight: h, clientWidth: cw, clientHeight: ch } = video;
  if (!w || !h || !cw || !ch || w >= h || cw >= ch) return false;
  return (cw / ch) / (w / h) >= 0.75;
}

/** The picture's shape once frames arrive: a 9:16 show ('tall') fills a phone; a 16:9 one ('wide') sits high on it. */
function shapeOf(video: HTMLVideoElement): 'tall' | 'wide' | null {
  const { videoWidth: w, videoHeight: h } = video;
  if (!w || !h) return null;
  return w < h ? 'tall' : 'wide';
}

interface Props {
  state: WatchState;
  show: PublicShow;
  viewers: number | null;
  stream: MediaStream | null;
  stage: Stage;
  clock: RelayClock;
  /** Receives the video element (rendered frames release held cues). */
  attachVideo: (video: HTMLVideoElement | null) => void;
}

type OpenSheet = { kind: 'checkout'; card: ProductCard } | { kind: 'mine' } | { kind: 'cart' } | { kind: 'chat' } | { kind: 'seller' } | null;

/**
 * The live screen: the picture, a top bar, the host's cards and interactions, unmute and reconnect
 * overlays, purchase notices, and the checkout / my-orders sheet. The video element never remounts
 * when a sheet opens: the same picture keeps playing, smaller.
 */
export function Live(props: Props) {
  // What the host lets viewers see (docs/phone-layout.md), for every overlay below.
  return (
    <DisplayContext.Provider value={props.show.display}>
      <LiveScreen {...props} />
    </DisplayContext.Provider>
  );
}

function LiveScreen({ state, show, viewers, stream, stage, clock, attachVideo }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [muted, setMuted] = useState(true);
  const [fill, setFill] = useState(false);
  const [shape, setShape] = useState<'tall' | 'wide' | null>(null);
  const [sheet, setSheet] = useState<OpenSheet>(null);
  const [commerceView, commerce] = useCommerce();
  const relayNow = useRelayNow(clock);
  const shown = overlay(visibleStage(stage, relayNow), commerceView.facts);
  const openCheckout = useCallback(
    (card: ProductCard) => {
      commerce.event('card_open', card.productId);
      setSheet({ kind: 'checkout', card });
    },
    [commerce],
  );
  const closeSheet = useCallback(() => setSheet(null), []);
  // Purchase notices sit just above the dock on a phone: follow its height as it grows and shrinks.
  const dockRef = useCallback((el: HTMLElement | null) => {
    const main = el?.closest<HTMLElement>('.stage');
    if (!el || !main || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => main.style.setProperty('--dock-h', `${el.offsetHeight}px`));
    ro.observe(el);
    return () => {
      ro.disconnect();
      main.style.removeProperty('--dock-h');
    };
  }, []);
  const openMine = useCallback(() => setSheet({ kind: 'mine' }), []);
  const openCart = useCallback(() => setSheet({ kind: 'cart' }), []);
  const chat = useChatStore();
  const openChat = useCallback(() => setSheet({ kind: 'chat' }), []);
  const unread = useUnread(chat, sheet?.kind === 'chat');
  const cartItems = useSyncExternalStore(cart.subscribe, cart.getSnapshot);
  // The card as it is now (stock from the latest broadcast), even after the host unpinned it.
  const checkoutCard = sheet?.kind === 'checkout' ? (shown.pinned.find((p) => p.productId === sheet.card.productId) ?? stockNow(sheet.card, commerceView.facts.productStock)) : null;

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !stream || video.srcObject === stream) return;
    video.srcObject = stream;
    playSafely(video);
  }, [stream]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    attachVideo(video);
    // React sets only the property; some mobile browsers look for the attribute before autoplaying.
    video.setAttribute('muted', '');
    video.defaultMuted = true;
    // The element is the truth (the fallback above can mute it again).
    const sync = () => setMuted(video.muted);
    const fit = () => {
      setFill(shouldFill(video));
      setShape(shapeOf(video));
    };
    video.addEventListener('volumechange', sync);
    video.addEventListener('resize', fit);
    window.addEventListener('resize', fit);
    return () => {
      video.removeEventListener('volumechange', sync);
      video.removeEventListener('resize', fit);
      window.removeEventListener('resize', fit);
      attachVideo(null);
    };
  }, [attachVideo]);

  const unmute = () => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = false;
    playSafely(video);
  };

  const busy = state !== 'live';
  const dock = hasContent(shown) || commerceView.quizResult !== null || commerceView.askNickname;
  const unmuteButton = (
    <button type="button" className="unmute" data-testid="unmute-button" onClick={unmute}>
      <SpeakerOffIcon />
      <span>{t.unmute}</span>
    </button>
  );
  return (
    <main className={`stage${dock ? ' has-dock' : ''}${sheet ? ' has-sheet' : ''}${shape ? ` video-${shape}` : ''}`} style={{ '--overlay-share': OVERLAY_SHARE } as CSSProperties}>
      <div className="screen">
        <video ref={videoRef} className={`video${fill ? ' fill' : ''}`} data-testid="watch-video" autoPlay playsInline muted />
        <header className="topbar">
          <div className="topbar-row">
            <span className={`badge-live${busy ? ' dim' : ''}`}>{t.live}</span>
            {show.rehearsal && (
              <span className="badge-rehearsal" data-testid="rehearsal-badge">
                {t.rehearsal}
              </span>
            )}
            {viewers !== null && (
              <span className="pill" data-testid="viewer-count">
                <span className="eye" aria-hidden="true">●</span>
                {t.watching(formatCount(viewers))}
              </span>
            )}
            <button type="button" className="pill pill-button" onClick={openMine} aria-expanded={sheet?.kind === 'mine'} data-testid="my-orders-button">
              {c.myOrders}
            </button>
            {chat && (
              <button type="button" className="pill pill-button chat-open" onClick={openChat} aria-expanded={sheet?.kind === 'chat'} data-testid="chat-button">
                {tc.chat}
                {unread > 0 && <span className="badge">{unread > 99 ? '99+' : unread}</span>}
              </button>
            )}
          </div>
          <h1 className="stage-title">{show.title}</h1>
          {/* The bottom belongs to the cards and Buy buttons: the legal link sits small under the title. */}
          <SellerInfoLink onOpen={() => setSheet({ kind: 'seller' })} expanded={sheet?.kind === 'seller'} />
          {/* In the top bar's flow, so it never lands on the unmute button or the cards. */}
          {chat && <ChatCaption chat={chat} />}
          {/* With cards at the bottom, the unmute button sits under the title; otherwise low, near the thumb. */}
          {muted && dock && unmuteButton}
        </header>
        {busy && (
          <div className="overlay" role="status" aria-live="polite" data-testid="watch-busy" data-state={state}>
            <div className="spinner" aria-hidden="true" />
            <p>{state === 'reconnecting' ? t.reconnecting : t.connecting}</p>
          </div>
        )}
        {muted && !dock && unmuteButton}
        {chat && <HeartRain chat={chat} />}
        {/* With a dock, purchase notices ride inside it, within the overlay budget. */}
        {!dock && <PurchaseToasts />}
      </div>
      <StageDock stage={shown} relayNow={relayNow} onBuy={openCheckout} dockRef={dockRef} notices={dock ? <PurchaseToasts /> : undefined} />
      {checkoutCard && <CheckoutSheet key={checkoutCard.productId} card={checkoutCard} options={checkoutCard.options.map((o) => ({ ...o, stock: optionStockOf(commerceView.facts, checkoutCard.productId, o.id, o.stock) }))} commerce={commerce} onClose={closeSheet} onMyOrders={openMine} onAddedToCart={closeSheet} />}
      {sheet?.kind === 'mine' && <MyOrders onClose={closeSheet} />}
      {sheet?.kind === 'seller' && <SellerInfoSheet onClose={closeSheet} />}
      {sheet?.kind === 'cart' && <CartSheet commerce={commerce} onClose={closeSheet} onMyOrders={openMine} />}
      {sheet?.kind === 'chat' && chat && <ChatSheet chat={chat} commerce={commerce} nickname={commerceView.nickname} pinned={shown.pinned} onBuy={openCheckout} onClose={closeSheet} />}
      {cartItems.length > 0 && sheet === null && (
        <button type="button" className="cart-fab" onClick={openCart} data-testid="cart-button" data-count={cartItems.length}>
          {k.cartCount(cartItems.length)}
        </button>
      )}
    </main>
  );
}

function stockNow(card: ProductCard, productStock: ReadonlyMap<string, number>): ProductCard {
  const stock = productStock.get(card.productId);
  return stock === undefined || stock === card.stock ? card : { ...card, stock };
}

function SpeakerOffIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M11 5 6 9H3v6h3l5 4V5z" fill="currentColor" />
      <path d="m22 9-6 6M16 9l6 6" />
    </svg>
  );
}
