import type { ViewerOrder } from '../../../common/commerce/order.js';
import type { HeldCoupon, QuizOutcome } from '../../../common/protocol/watch-api.js';
import type { Stage } from '../../../common/stage.js';
import type { CommerceStore } from './commerce-store.js';
import { visibleStage } from './relay-clock.js';
import type { ShownAt } from './stage-sync.js';
import type { WatchSession } from './watch-session.js';

declare global {
  interface Window {
    /** Diagnostics for end-to-end tests and benchmarks. */
    __lcWatch?: {
      /** The live connection (getStats) and its media epoch. */
      pc: () => RTCPeerConnection | null;
      epoch: () => number | null;
      /** The stage as displayed now (held cues excluded, run-out coupon/quiz/poll removed). */
      stage: () => Stage;
      /** How this page reads the frames' stamps (frame-clock.ts). */
      transformPath: () => string;
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
      /** This page's estimate of how far its picture lags the data channel (video-delay.ts), ms. */
      videoDelayMs: () => number;
      /** Recent stamped cues' leads over the frame on screen at arrival, and the extra playout delay they bought (cue-lead.ts), ms. */
      cueLeads: () => readonly number[];
      extraVideoDelayMs: () => number;
    };
  }
}

/**
 * Exposes the page's state to end-to-end tests and benchmarks. Only the build for tests calls this
 * (build-flags.ts); the production page has no such global.
 */
export function installWatchDiagnostics(session: WatchSession, commerce: CommerceStore): void {
  window.__lcWatch = {
    pc: () => session.player.peerConnection,
    epoch: () => session.player.epoch,
    stage: () => visibleStage(session.sync.stage, session.clock.now()),
    transformPath: () => session.frames.path,
    lastFrameCaptureMs: () => session.frames.lastFrameCaptureMs,
    stageShownAt: () => ({ ...session.sync.shownAt }),
    viewerId: () => session.viewerId,
    lastOrder: () => commerce.getSnapshot().lastOrder,
    orders: () => commerce.getSnapshot().orders,
    heldCoupons: () => commerce.getSnapshot().held,
    quizOutcome: () => commerce.getSnapshot().quizResult?.outcome ?? null,
    toasts: () => commerce.getSnapshot().toasts.length,
    videoDelayMs: () => session.videoDelayMs,
    cueLeads: () => [...session.cueLead.recentLeads],
    extraVideoDelayMs: () => session.playout.extraMs,
  };
}
