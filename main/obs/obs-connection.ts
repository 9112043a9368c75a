import { EventEmitter } from 'node:events';
import { OBSWebSocket, OBSWebSocketError, type OBSRequestTypes, type OBSResponseTypes } from 'obs-websocket-js/json';
import { reconnectDelayMs } from '../../common/live-state.js';
import { OBS_CLOSE, OBS_ERRORS, type ObsStatus } from '../../common/obs.js';
import { StudioError } from '../../common/ipc-contract.js';
import { probeObsWebsocketV4 } from './v4-probe.js';

/** OBS answered a request with a failure; `obsStatus` is its RequestStatus (600 = no such resource). */
export class ObsRequestError extends StudioError {
  constructor(
    readonly obsStatus: number,
    message: string,
  ) {
    super(OBS_ERRORS.requestFailed, message);
  }
}

/** Where OBS listens: a ws:// URL (tests reach a namespaced OBS through ws+unix://) and its password. */
export interface ObsTarget {
  url: string;
  password: string | null;
}

/** OBS events the studio forwards; everything else obs-websocket sends is ignored. */
export const FORWARDED_EVENTS = [
  'CurrentProgramSceneChanged',
  'CurrentPreviewSceneChanged',
  'SceneListChanged',
  'SceneItemEnableStateChanged',
  'StreamStateChanged',
  'StudioModeStateChanged',
  'ExitStarted',
] as const;
export type ForwardedEvent = (typeof FORWARDED_EVENTS)[number];

export interface ObsConnectionEvents {
  status: [ObsStatus];
  /** OBS told us something changed (one of FORWARDED_EVENTS). */
  obsEvent: [type: ForwardedEvent, data: unknown];
  /** Identified again after a drop: cached scene lists are stale. */
  reconnected: [];
}

export interface ObsConnectionOptions {
  /** Per request (OBS answers in milliseconds; a screenshot of a big canvas takes longer). */
  requestTimeoutMs?: number;
  /** Open + Hello + Identify. */
  connectTimeoutMs?: number;
  /** Delay before reconnect attempt n (1-based). */
  backoffMs?: (attempt: number) => number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
const DEFAULT_CONNECT_TIMEOUT_MS = 6000;

/**
 * One obs-websocket 5 session with what obs-websocket-js leaves out: a timeout on every request
 * (its pending calls never settle when the socket drops), typed failures the seller can act on
 * (unreachable, wrong password, a v4 server, kicked), and reconnection with backoff after a drop,
 * except after a kick (4011) or a refused password, which a retry cannot fix.
 */
export class ObsConnection extends EventEmitter<ObsConnectionEvents> {
  private ws: OBSWebSocket | null = null;
  private target: ObsTarget | null = null;
  private generation = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Set<(error: StudioError) => void>();
  private current: ObsStatus = { state: 'disconnected', error: null, obsVersion: null, websocketVersion: null, attempt: 0 };
  private readonly requestTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly backoffMs: (attempt: number) => number;

  constructor(opts: ObsConnectionOptions = {}) {
    super();
    this.requestTimeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.connectTimeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.backoffMs = opts.backoffMs ?? reconnectDelayMs;
  }

  get status(): ObsStatus {
    return this.current;
  }

  /** Connects (dropping any earlier session). A first failure is thrown, not retried: the seller fixes it. */
  async connect(target: ObsTarget): Promise<ObsStatus> {
    await this.disconnect();
    this.target = target;
    const gen = this.generation;
    this.setStatus({ state: 'connecting', error: null, attempt: 0 });
    try {
      await this.open(target, gen);
    } catch (e) {
      const error = asStudioError(e);
      if (gen === this.generation) this.setStatus({ state: 'failed', error: { code: error.code, message: error.message } });
      throw error;
    }
    return this.current;
  }

  async disconnect(): Promise<void> {
    this.generation++;
    this.target = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const ws = this.ws;
    this.ws = null;
    this.failInFlight(new StudioError(OBS_ERRORS.closed, 'The studio disconnected from OBS.'));
    if (this.current.state !== 'disconnected') this.setStatus({ state: 'disconnected', error: null, attempt: 0, obsVersion: null, websocketVersion: null });
    if (ws) await ws.disconnect().catch(() => undefined);
  }

  /** One request with its own timeout; rejects at once with `obs_closed` when the socket drops. */
  call<T extends keyof OBSRequestTypes>(type: T, data?: OBSRequestTypes[T], timeoutMs = this.requestTimeoutMs): Promise<OBSResponseTypes[T]> {
    const ws = this.ws;
    if (!ws || this.current.state !== 'connected') return Promise.reject(new StudioError(OBS_ERRORS.notConnected, 'The studio is not connected to OBS.'));
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        this.inFlight.delete(onClosed);
      };
      const onClosed = (error: StudioError) => {
        settle();
        reject(error);
      };
      const timer = setTimeout(() => onClosed(new StudioError(OBS_ERRORS.timeout, `OBS did not answer ${type} within ${timeoutMs} ms.`)), timeoutMs);
      this.inFlight.add(onClosed);
      // obs-websocket-js types `call` with a rest tuple per request; the map above already typed `data`.
      (ws.call as (t: T, d?: OBSRequestTypes[T]) => Promise<OBSResponseTypes[T]>)(type, data).then(
        (res) => {
          settle();
          resolve(res);
        },
        (e: unknown) => {
          settle();
          reject(e instanceof OBSWebSocketError ? new ObsRequestError(e.code, `OBS refused ${type}: ${e.message || 'no reason given'} (status ${e.code}).`) : asStudioError(e));
        },
      );
    });
  }

  private async open(target: ObsTarget, gen: number): Promise<void> {
    const ws = new OBSWebSocket();
    // A close before Identified surfaces through connect(); afterwards through ConnectionClosed.
    let identified = false;
    ws.on('ConnectionClosed', (err) => {
      if (identified) this.onDropped(ws, gen, err);
    });
    for (const type of FORWARDED_EVENTS) {
      (ws.on as (t: string, l: (data?: unknown) => void) => void).call(ws, type, (data) => {
        this.emit('obsEvent', type, data ?? {});
      });
    }
    try {
      await withTimeout(ws.connect(target.url, target.password ?? undefined), this.connectTimeoutMs, () => new StudioError(OBS_ERRORS.timeout, 'OBS did not finish the handshake in time.'));
    } catch (e) {
      void ws.disconnect().catch(() => undefined);
      throw await classifyConnectError(e, target.url);
    }
    if (gen !== this.generation) {
      void ws.disconnect().catch(() => undefined);
      throw new StudioError(OBS_ERRORS.closed, 'A newer connection replaced this one.');
    }
    identified = true;
    this.ws = ws;
    // Bounded: an OBS still starting can identify and then leave a request unanswered, and an
    // unbounded wait here would stop the reconnect loop for good.
    const version = await withTimeout(ws.call('GetVersion'), this.connectTimeoutMs, () => new Error('no answer')).catch(() => null);
    this.setStatus({ state: 'connected', error: null, attempt: 0, obsVersion: version?.obsVersion ?? null, websocketVersion: version?.obsWebSocketVersion ?? null });
  }

  private onDropped(ws: OBSWebSocket, gen: number, err: OBSWebSocketError): void {
    if (gen !== this.generation || ws !== this.ws) return;
    this.ws = null;
    this.failInFlight(new StudioError(OBS_ERRORS.closed, 'The connection to OBS closed before it answered.'));
    if (err.code === OBS_CLOSE.sessionInvalidated) {
      this.setStatus({ state: 'failed', error: { code: OBS_ERRORS.kicked, message: 'OBS ended this session (kicked from its WebSocket session list).' }, attempt: 0 });
      return;
    }
    this.scheduleRetry(gen, 1, { code: OBS_ERRORS.unreachable, message: `The connection to OBS dropped (${err.code}${err.message ? `: ${err.message}` : ''}).` });
  }

  private scheduleRetry(gen: number, attempt: number, error: ObsStatus['error']): void {
    this.setStatus({ state: 'reconnecting', error, attempt });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      const target = this.target;
      if (gen !== this.generation || !target) return;
      this.open(target, gen).then(
        () => this.emit('reconnected'),
        (e: unknown) => {
          if (gen !== this.generation) return;
          const failure = asStudioError(e);
          // A changed password or a kick will not fix itself by retrying.
          if (failure.code === OBS_ERRORS.authFailed || failure.code === OBS_ERRORS.kicked || failure.code === OBS_ERRORS.v4Server) {
            this.setStatus({ state: 'failed', error: { code: failure.code, message: failure.message }, attempt });
          } else this.scheduleRetry(gen, attempt + 1, { code: failure.code, message: failure.message });
        },
      );
    }, this.backoffMs(attempt));
  }

  private failInFlight(error: StudioError): void {
    for (const reject of [...this.inFlight]) reject(error);
  }

  private setStatus(next: Partial<ObsStatus>): void {
    this.current = { ...this.current, ...next };
    this.emit('status', this.current);
  }
}

function asStudioError(e: unknown): StudioError {
  return e instanceof StudioError ? e : new StudioError(OBS_ERRORS.unreachable, (e as Error)?.message ?? String(e));
}

function withTimeout<T>(p: Promise<T>, ms: number, error: () => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(error()), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Turns what obs-websocket-js threw while connecting into the failure the seller can act on. */
async function classifyConnectError(e: unknown, url: string): Promise<StudioError> {
  const code = e instanceof OBSWebSocketError ? e.code : null;
  const message = (e as Error)?.message ?? '';
  if (code === OBS_CLOSE.authenticationFailed) return new StudioError(OBS_ERRORS.authFailed, 'OBS refused the password (4009 AuthenticationFailed).');
  if (code === OBS_CLOSE.sessionInvalidated) return new StudioError(OBS_ERRORS.kicked, 'OBS ended the session (4011 SessionInvalidated).');
  // Something accepted the WebSocket but did not speak obs-websocket 5 (no subprotocol, or no Hello in time).
  const spokeWebSocket = /subprotocol/i.test(message) || (e instanceof StudioError && e.code === OBS_ERRORS.timeout);
  if (spokeWebSocket) {
    const v4 = await probeObsWebsocketV4(url);
    if (v4) return new StudioError(OBS_ERRORS.v4Server, `This is obs-websocket ${v4} (protocol 4); the studio needs obs-websocket 5 (OBS 28 or newer).`);
    if (/subprotocol/i.test(message)) return new StudioError(OBS_ERRORS.notObs, `Something answers at ${url}, but it is not obs-websocket.`);
  }
  return new StudioError(OBS_ERRORS.unreachable, `Cannot reach OBS at ${url}${message ? ` (${message})` : ''}.`);
}
