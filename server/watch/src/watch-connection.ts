import { RelayToViewer, ViewerId, type ViewerToRelay } from '../../../common/protocol/viewer.js';

/** What the connection tells its one listener. */
export type ConnectionEvent =
  | { kind: 'message'; message: RelayToViewer }
  /** The socket is gone; a reconnect is scheduled. Anything tied to the old socket (our subscription) is gone too. */
  | { kind: 'down' }
  /** The relay refused the link; we stop for good. */
  | { kind: 'link-invalid'; code: string | null; message: string | null };

export type ConnectionListener = (event: ConnectionEvent) => void;

const VIEWER_ID_KEY = 'lc.viewerId';
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 5_000;
/** Close code the relay uses for a link that is not (or no longer) valid. */
const CLOSE_LINK_INVALID = 4403;

/** localStorage can throw (private mode, storage disabled); a missing id only costs a fresh one. */
function loadViewerId(): string | undefined {
  try {
    const stored = localStorage.getItem(VIEWER_ID_KEY);
    // A corrupted id would make every hello fail; drop it rather than get stuck.
    return stored !== null && ViewerId.safeParse(stored).success ? stored : undefined;
  } catch {
    return undefined;
  }
}

function saveViewerId(id: string): void {
  try {
    localStorage.setItem(VIEWER_ID_KEY, id);
  } catch {
    /* not persisted; the relay hands out a new id next time */
  }
}

/**
 * The viewer's WebSocket to the relay: says hello with the link token, validates every
 * message, and reconnects with backoff (0.5 s doubling to 5 s) until the link is refused.
 */
export class WatchConnection {
  private ws: WebSocket | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private linkInvalid = false;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly listener: ConnectionListener,
  ) {}

  start(): void {
    // A phone that regains its network should not wait out the backoff.
    window.addEventListener('online', this.reconnectNow);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.ws?.close(1000, 'page closed');
    this.ws = null;
  }

  /** Sends if connected; otherwise drops it (after a reconnect the session starts over anyway). */
  send(message: ViewerToRelay): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  private readonly reconnectNow = (): void => {
    if (this.stopped || this.linkInvalid || this.ws) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  };

  private connect(): void {
    this.retryTimer = null;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      const viewerId = loadViewerId();
      this.send(viewerId ? { type: 'hello', token: this.token, viewerId } : { type: 'hello', token: this.token });
    };
    ws.onmessage = (ev) => {
      if (this.ws !== ws || typeof ev.data !== 'string') return;
      let raw: unknown;
      try {
        raw = JSON.parse(ev.data);
      } catch {
        return;
      }
      const parsed = RelayToViewer.safeParse(raw);
      if (!parsed.success) return; // unknown or malformed: ignore, never crash
      const message = parsed.data;
      if (message.type === 'welcome') {
        saveViewerId(message.viewerId);
        // Only a welcome proves the relay accepted us; a socket that opens and drops keeps backing off.
        this.retryMs = FIRST_RETRY_MS;
      }
      if (message.type === 'error' && message.code.startsWith('link_')) {
        this.refuse(message.code, message.message);
        return;
      }
      this.listener({ kind: 'message', message });
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped || this.linkInvalid) return;
      if (ev.code === CLOSE_LINK_INVALID) {
        this.refuse(null, null);
        return;
      }
      this.listener({ kind: 'down' });
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
    // onerror is always followed by onclose, which does the work.
    ws.onerror = () => undefined;
  }

  private refuse(code: string | null, message: string | null): void {
    if (this.linkInvalid) return;
    this.linkInvalid = true;
    window.removeEventListener('online', this.reconnectNow);
    this.listener({ kind: 'link-invalid', code, message });
  }
}
