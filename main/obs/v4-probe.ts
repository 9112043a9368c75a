import WebSocket from 'ws';
import { z } from 'zod';

/** obs-websocket 4's answer to GetVersion (v4 protocol: JSON with "request-type" and "message-id"). */
const V4Version = z.object({ 'message-id': z.literal('studio-v4-probe'), 'obs-websocket-version': z.string() });

const PROBE_TIMEOUT_MS = 2000;

/**
 * Asks the server, in obs-websocket 4's own protocol, for its version. obs-websocket 4 never sends
 * v5's Hello and does not negotiate the `obswebsocket.json` subprotocol, so obs-websocket-js only
 * sees "no subprotocol"; this tells a v4 server (the seller must update OBS) from anything else.
 * Returns the v4 version string, or null.
 */
export function probeObsWebsocketV4(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, { handshakeTimeout: PROBE_TIMEOUT_MS });
    } catch {
      resolve(null);
      return;
    }
    const done = (v: string | null) => {
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      resolve(v);
    };
    const timer = setTimeout(() => done(null), PROBE_TIMEOUT_MS);
    ws.on('open', () => ws.send(JSON.stringify({ 'request-type': 'GetVersion', 'message-id': 'studio-v4-probe' })));
    ws.on('message', (data) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        return;
      }
      const v4 = V4Version.safeParse(parsed);
      if (v4.success) done(v4.data['obs-websocket-version']);
    });
    ws.on('error', () => done(null));
    ws.on('close', () => done(null));
  });
}
