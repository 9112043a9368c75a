import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Stage } from '../../../common/stage.js';
import { App } from './App.js';
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
    };
  }
}

document.documentElement.lang = lang;

// One session per page, created outside React so StrictMode's double effects cannot open two sockets.
const session = new WatchSession(window.location);
window.__lcWatch = {
  pc: () => session.player.peerConnection,
  epoch: () => session.player.epoch,
  stage: () => visibleStage(session.sync.stage, session.clock.now()),
  lastFrameCaptureMs: () => session.frames.lastFrameCaptureMs,
  stageShownAt: () => ({ ...session.sync.shownAt }),
};
session.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
}
