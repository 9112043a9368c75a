import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ViewerOrder } from '../../../common/commerce/order.js';
import type { HeldCoupon, QuizOutcome } from '../../../common/protocol/watch-api.js';
import type { Stage } from '../../../common/stage.js';
import { App } from './App.js';
import { WatchApi } from './commerce-api.js';
import { CommerceStore } from './commerce-store.js';
import { browserStore } from './local-store.js';
import { lang } from './i18n.js';
import { visibleStage } from './relay-clock.js';
import type { ShownAt } from './stage-sync.js';
import { WatchSession } from './watch-session.js';
import './styles.css';

declare global {
  interface Window {
    /** Diagnostics for end-to-end tests and benchmarks. */
    __lcWatch?: {
      /** The live connection (getStats) and its media epoch. */
      pc: () => RTCPeerConnection | null;
      epoch: () => number | null;
      /** The stage as displayed now (held cues excluded, run-out coupon/quiz/poll removed). */
      stage: () => Stage;
      /** Capture stamp (studio clock) of the last rendered video frame, or null. */
      lastFrameCaptureMs: () => number | null;
      /** The frame on which the displayed stage was first shown; frameCaptureMs null when no stamped frame applied it. */
      stageShownAt: () => ShownAt;
      /** The device id the commerce calls use. */
      viewerId: () => string | null;
      /** The order placed last on this page (null before one). */
      lastOrder: () => ViewerOrder | null;
      /** The viewer's orders in this show as last loaded (null before My orders was opened). */
      orders: () => readonly ViewerOrder[] | null;
      /** Coupons the viewer holds (claimed or won). */
      heldCoupons: () => readonly HeldCoupon[];
      /** The last quiz's outcome for this viewer (null before it is known). */
      quizOutcome: () => QuizOutcome | null;
      /** Purchase notices on screen now. */
      toasts: () => number;
    };
  }
}

document.documentElement.lang = lang;

// One session per page, created outside React so StrictMode's double effects cannot open two sockets.
const session = new WatchSession(window.location);
const storage = browserStore();
let commerce: CommerceStore | null = null;
const VIEWER_ID_KEY = 'lc.viewerId';
const api = new WatchApi({
  base: `/api/watch/${encodeURIComponent(session.token ?? '')}`,
  fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin', cache: 'no-store' }),
  viewerId: () => session.viewerId,
  onViewerId: (id) => {
    // The relay confirmed (or replaced) the id: the socket's next hello uses the same one.
    session.viewerId = id;
    try {
      storage?.setItem(VIEWER_ID_KEY, id);
    } catch {
      /* not persisted */
    }
  },
  nickname: () => commerce?.getSnapshot().nickname ?? null,
});
commerce = new CommerceStore({ api, token: session.token ?? '', storage, relayNow: () => session.clock.now() });
session.onRelayMessage(commerce.onMessage);
// Called on the very frame the stage changes on screen: when a quiz appeared here is its fair start.
session.subscribe(() => commerce.onStageShown(session.getSnapshot().stage));

window.__lcWatch = {
  pc: () => session.player.peerConnection,
  epoch: () => session.player.epoch,
  stage: () => visibleStage(session.sync.stage, session.clock.now()),
  lastFrameCaptureMs: () => session.frames.lastFrameCaptureMs,
  stageShownAt: () => ({ ...session.sync.shownAt }),
  viewerId: () => session.viewerId,
  lastOrder: () => commerce.getSnapshot().lastOrder,
  orders: () => commerce.getSnapshot().orders,
  heldCoupons: () => commerce.getSnapshot().held,
  quizOutcome: () => commerce.getSnapshot().quizResult?.outcome ?? null,
  toasts: () => commerce.getSnapshot().toasts.length,
};
session.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App session={session} commerce={commerce} />
    </StrictMode>,
  );
}
