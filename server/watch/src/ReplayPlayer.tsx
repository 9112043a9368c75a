import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { ReadyReplay, ReplayChapter } from '../../../common/replay/replay-view.js';
import { productFromLink } from './replay-product-link.js';
import { replaySources } from './replay-sources.js';
import type { PublicShow } from '../../../common/show.js';
import type { ProductCard } from '../../../common/stage.js';
import { CartSheet } from './CartSheet.js';
import { cart } from './cart-store.js';
import { CheckoutSheet } from './CheckoutSheet.js';
import { useCommerce } from './commerce-context.js';
import { k } from './i18n-checkout.js';
import { c } from './i18n-commerce.js';
import { tr } from './i18n-replay.js';
import { optionStockOf, overlay } from '../../../common/stage-overlay.js';
import { MyOrders } from './MyOrders.js';
import { ProductCards } from './ProductCards.js';
import { momentAt, sameOnScreen, type ReplayMoment } from './replay-moment.js';
import { ReplayChapters, ReplayCoupon, ReplayPoll, ReplayQuiz, ReplayResultPanel } from './ReplayPanels.js';
import { SellerInfoLink, SellerInfoSheet } from './SellerInfo.js';
import './live.css';
import './commerce.css';
import './replay.css';
import { ReplayChat } from './ReplayChat.js';
import type { WatchApi } from './commerce-api.js';

type OpenSheet = { kind: 'checkout'; card: ProductCard } | { kind: 'mine' } | { kind: 'cart' } | { kind: 'seller' } | null;

/**
 * Follows the video's position: on every rendered frame while playing (requestVideoFrameCallback
 * where the browser has it; else timeupdate), and on seeks, so a card appears on the frame the host
 * fired it on and seeking before it takes it away. React re-renders only when the screen would change.
 */
function useReplayMoment(video: HTMLVideoElement | null, replay: ReadyReplay): ReplayMoment {
  const [moment, setMoment] = useState(() => momentAt(replay, 0));
  useEffect(() => {
    if (!video) return;
    let last = momentAt(replay, video.currentTime);
    setMoment(last);
    const update = (sec = video.currentTime, now = false) => {
      const next = momentAt(replay, sec);
      if (sameOnScreen(last, next)) return;
      last = next;
      // From a frame callback the change is committed at once, so it is painted with that frame: a
      // plain state update renders in a later task, after this frame's paint (one frame late, as
      // bench:replay measured for half the cues), where the live page's store updates do not wait.
      if (now) flushSync(() => setMoment(next));
      else setMoment(next);
    };
    const frames = 'requestVideoFrameCallback' in video;
    // While frames are being presented, they alone move the moment: a busy page's currentTime runs
    // ahead of the picture (bench:replay saw 30–430 ms), which showed cards before their frame.
    const onEvent = (e: Event) => {
      if (frames && e.type === 'timeupdate' && !video.paused) return;
      update();
    };
    const events = ['timeupdate', 'seeking', 'seeked', 'loadedmetadata'] as const;
    for (const e of events) video.addEventListener(e, onEvent);
    let frame = 0;
    const onFrame = (_now: number, meta: { mediaTime: number }) => {
      update(meta.mediaTime, true);
      frame = video.requestVideoFrameCallback(onFrame);
    };
    if ('requestVideoFrameCallback' in video) frame = video.requestVideoFrameCallback(onFrame);
    return () => {
      for (const e of events) video.removeEventListener(e, onEvent);
      if (frame) video.cancelVideoFrameCallback(frame);
    };
  }, [video, replay]);
  return moment;
}

/**
 * The shoppable replay: the show's video (seekable), what the host had on screen at each moment
 * (cards with Buy, coupons that still hold, quizzes and polls with their results), chapters per
 * segment and per product, and the same checkout, cart and my-orders sheets as live. A phone gets
 * the video on top and the rest below it; a desktop a column beside it (replay.css).
 */
export function ReplayPlayer({ show, replay, api }: { show: PublicShow; replay: ReadyReplay; api: WatchApi }) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [failed, setFailed] = useState(false);
  const sources = useMemo(() => replaySources(replay), [replay]);
  const [sheet, setSheet] = useState<OpenSheet>(null);
  const [commerceView, commerce] = useCommerce();
  const cartItems = useSyncExternalStore(cart.subscribe, cart.getSnapshot);
  const moment = useReplayMoment(video, replay);
  // Stock the relay announced since the replay was loaded (other buyers) is laid over the cards.
  const stage = overlay(moment.stage, commerceView.facts);
  const attach = useCallback((el: HTMLVideoElement | null) => {
    videoRef.current = el;
    setVideo(el);
    if (!el) return;
    el.setAttribute('muted', '');
    el.defaultMuted = true;
  }, []);
  const seek = useCallback((chapter: ReplayChapter) => {
    const el = videoRef.current;
    if (!el) return;
    el.currentTime = Math.min(chapter.atSec, Math.max(0, replay.durationSec - 0.1));
    el.play().catch(() => undefined);
    el.scrollIntoView({ block: 'nearest' });
  }, [replay.durationSec]);
  const openCheckout = useCallback(
    (card: ProductCard) => {
      commerce.event('card_open', card.productId);
      setSheet({ kind: 'checkout', card });
    },
    [commerce],
  );
  const closeSheet = useCallback(() => setSheet(null), []);
  const openMine = useCallback(() => setSheet({ kind: 'mine' }), []);
  // Arrived from a clip's Buy (?product=): at that product's moment, its checkout open. Once, when the video is there.
  const linked = useRef(productFromLink(window.location.search, replay));
  useEffect(() => {
    const link = linked.current;
    if (!video || !link) return;
    linked.current = null;
    seek(link.chapter);
    openCheckout(link.card);
  }, [video, seek, openCheckout]);
  useEffect(() => {
    const el = videoRef.current;
    if (!el) return;
    setFailed(false);
    // A <source>'s error does not bubble: caught on the way down. Only the last one failing means nothing plays.
    const onError = (e: Event) => {
      if (e.target === el || e.target === el.querySelector('source:last-of-type')) setFailed(true);
    };
    el.addEventListener('error', onError, true);
    return () => el.removeEventListener('error', onError, true);
  }, [video]);
  const cannotPlay = failed || sources.playable === 'none';

  const checkoutCard = sheet?.kind === 'checkout' ? (stage.pinned.find((p) => p.productId === sheet.card.productId) ?? sheet.card) : null;
  const something = stage.pinned.length > 0 || stage.coupon || stage.quiz || stage.poll || moment.results.length > 0;
  return (
    <main className={`replay${sheet ? ' has-sheet' : ''}`} data-testid="replay-state" data-state="ready">
      <header className="replay-head">
        <div className="topbar-row">
          <span className="badge-replay">{tr.replay}</span>
          <button type="button" className="pill pill-button" onClick={openMine} aria-expanded={sheet?.kind === 'mine'} data-testid="my-orders-button">
            {c.myOrders}
          </button>
        </div>
        <h1 className="replay-title">{show.title}</h1>
        <SellerInfoLink onOpen={() => setSheet({ kind: 'seller' })} expanded={sheet?.kind === 'seller'} />
      </header>
      <div className="replay-screen">
        {/* Keyed by its sources: a rendition that became ready starts a fresh source selection. */}
        <video key={sources.list.map((s) => s.src).join(' ')} ref={attach} className="replay-video" data-testid="replay-video" controls playsInline autoPlay muted preload="metadata">
          {sources.list.map((s) => (
            <source key={s.src} src={s.src} type={s.type} />
          ))}
        </video>
        {cannotPlay && (
          <p className="replay-cannot" role="alert" data-testid="replay-cannot-play" data-fallback={replay.fallback?.state ?? 'none'}>
            {replay.fallback?.state === 'preparing' && !failed ? tr.fallbackPreparing : tr.cannotPlay}
          </p>
        )}
      </div>
      <div className="replay-side">
        {something && (
          <section className="replay-stage" data-testid="replay-stage" data-stage-version={stage.version} aria-live="polite">
            {moment.results.map((r) => (
              <ReplayResultPanel key={r.kind === 'quiz' ? `q:${r.quizId}` : `p:${r.pollId}`} result={r} />
            ))}
            {stage.quiz && <ReplayQuiz quiz={stage.quiz} />}
            {stage.poll && <ReplayPoll poll={stage.poll} />}
            {stage.coupon && <ReplayCoupon coupon={stage.coupon} />}
            {stage.pinned.length > 0 && !replay.liveOffers && <p className="replay-note">{tr.regularPrices}</p>}
            <ProductCards cards={stage.pinned} onBuy={openCheckout} />
          </section>
        )}
        <ReplayChat api={api} sec={moment.sec} />
        <ReplayChapters chapters={replay.chapters} current={moment.segment} onSeek={seek} />
      </div>
      {checkoutCard && <CheckoutSheet key={checkoutCard.productId} card={checkoutCard} options={checkoutCard.options.map((o) => ({ ...o, stock: optionStockOf(commerceView.facts, checkoutCard.productId, o.id, o.stock) }))} commerce={commerce} onClose={closeSheet} onMyOrders={openMine} onAddedToCart={closeSheet} />}
      {sheet?.kind === 'mine' && <MyOrders onClose={closeSheet} />}
      {sheet?.kind === 'seller' && <SellerInfoSheet onClose={closeSheet} />}
      {sheet?.kind === 'cart' && <CartSheet commerce={commerce} onClose={closeSheet} onMyOrders={openMine} />}
      {cartItems.length > 0 && sheet === null && (
        <button type="button" className="cart-fab" onClick={() => setSheet({ kind: 'cart' })} data-testid="cart-button" data-count={cartItems.length}>
          {k.cartCount(cartItems.length)}
        </button>
      )}
    </main>
  );
}
