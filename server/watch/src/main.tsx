import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { lang } from './i18n.js';
import { WatchSession } from './watch-session.js';
import './styles.css';

declare global {
  interface Window {
    /** Diagnostics for end-to-end tests (getStats on the live connection). */
    __lcWatch?: { pc: () => RTCPeerConnection | null; epoch: () => number | null };
  }
}

document.documentElement.lang = lang;

// One session per page, created outside React so StrictMode's double effects cannot open two sockets.
const session = new WatchSession(window.location);
window.__lcWatch = { pc: () => session.player.peerConnection, epoch: () => session.player.epoch };
session.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
}
