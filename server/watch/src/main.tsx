import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ChatContext } from './chat/chat-context.js';
import { ChatStore } from './chat/chat-store.js';
import { DIAGNOSTICS } from './build-flags.js';
import { WatchApi } from './commerce-api.js';
import { CommerceStore } from './commerce-store.js';
import { installWatchDiagnostics } from './diagnostics.js';
import { browserStore } from './local-store.js';
import { lang } from './i18n.js';
import { WatchSession } from './watch-session.js';
import './styles.css';

document.documentElement.lang = lang;

// One session per page, created outside React so StrictMode's double effects cannot open two sockets.
const session = new WatchSession(window.location);
const storage = browserStore();
let commerce: CommerceStore | null = null;
const VIEWER_ID_KEY = 'lc.viewerId';
const api = new WatchApi({
  token: session.token ?? '',
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
const chat = new ChatStore(session.sendToRelay);
session.onRelayMessage(chat.onMessage);
// Called on the very frame the stage changes on screen: when a quiz appeared here is its fair start.
session.subscribe(() => commerce.onStageShown(session.getSnapshot().stage));

if (DIAGNOSTICS) installWatchDiagnostics(session, commerce);
session.start();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ChatContext.Provider value={chat}>
        <App session={session} commerce={commerce} />
      </ChatContext.Provider>
    </StrictMode>,
  );
}
