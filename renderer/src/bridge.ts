import { ipcChannels, ipcEvents, IpcEventMessage, IpcResult, StudioError, studioErrorOf, type IpcChannel, type IpcEvent, type IpcEventPayload, type IpcRequest, type IpcResponse, type StudioBridge, type StudioTransport } from '../../common/ipc-contract.js';

/**
 * The one place that knows which shell the studio runs in: Electron's preload (window.studio)
 * or the browser shell on localhost (HTTP for calls, one WebSocket for events).
 */
declare global {
  interface Window {
    studioTransport?: StudioTransport;
  }
}

const TOKEN_KEY = 'lc.shellToken';

function takeToken(): string {
  const m = /^#token=([\w-]+)/.exec(location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, m[1]);
    // Drop the token from the address bar so it is not bookmarked, shared or screenshotted.
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The browser shell: HTTP for calls, one WebSocket (reopened on close) for events. */
function browserShellTransport(): StudioTransport {
  const token = takeToken();
  const listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;

  const openSocket = () => {
    const ws = new WebSocket(`ws://${location.host}/ipc/events?token=${encodeURIComponent(token)}`);
    socket = ws;
    ws.onmessage = (m) => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(m.data));
      } catch {
        return;
      }
      const msg = IpcEventMessage.safeParse(raw);
      if (msg.success) for (const l of listeners.get(msg.data.event) ?? []) l(msg.data.payload);
    };
    ws.onclose = () => {
      if (socket === ws) setTimeout(openSocket, 1000);
    };
  };

  return {
    async invoke(channel, request) {
      try {
        const res = await fetch(`/ipc/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-studio-token': token },
          body: JSON.stringify(request),
        });
        return await res.json();
      } catch {
        throw new StudioError('shell_unreachable', 'The studio is not responding. Is it still running?');
      }
    },
    on(event, listener) {
      if (!socket) openSocket();
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  };
}

/** Validates every answer and event against the contract, whichever shell carried it. */
function bridgeOver(transport: StudioTransport): StudioBridge {
  // Facts (a viewer count, the stage, the relay status) can arrive before a screen subscribes, e.g.
  // right after a reload. Every event is listened to from the start and the latest one per show is
  // kept, so a new listener starts from the current fact instead of waiting for the next change.
  const latest = new Map<string, { event: IpcEvent; payload: unknown }>();
  const listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();
  for (const event of Object.keys(ipcEvents) as IpcEvent[]) {
    transport.on(event, (raw) => {
      const parsed = ipcEvents[event].safeParse(raw);
      if (!parsed.success) return;
      const showId = (parsed.data as { showId?: unknown; id?: unknown }).showId ?? (parsed.data as { id?: unknown }).id ?? '';
      latest.set(`${event}:${String(showId)}`, { event, payload: parsed.data });
      for (const l of listeners.get(event) ?? []) l(parsed.data);
    });
  }
  return {
    async invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
      const result = IpcResult.safeParse(await transport.invoke(channel, request));
      if (!result.success) throw new StudioError('internal', 'The studio sent an answer this page does not understand.');
      if (!result.data.ok) throw studioErrorOf(result.data.error);
      const data = ipcChannels[channel].response.safeParse(result.data.data);
      if (!data.success) throw new StudioError('internal', `The studio sent an unexpected answer to ${channel}.`);
      return data.data as IpcResponse<C>;
    },
    on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void {
      const l = listener as (payload: unknown) => void;
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(l);
      for (const entry of latest.values()) if (entry.event === event) l(entry.payload);
      return () => void set.delete(l);
    },
  };
}

export const bridge: StudioBridge = bridgeOver(window.studioTransport ?? browserShellTransport());
