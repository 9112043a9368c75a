import { WebSocketServer } from 'ws';

/**
 * FAKE of an outside product: obs-websocket 4.9 (the plugin for OBS ≤ 27). It negotiates no
 * subprotocol, sends no Hello, and answers v4 requests ({"request-type", "message-id"}) — enough
 * for the studio to recognise it. Listens on loopback only.
 */
export async function startFakeObsWebsocketV4(): Promise<{ url: string; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => false });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      let req: Record<string, unknown>;
      try {
        req = JSON.parse(String(data)) as Record<string, unknown>;
      } catch {
        return;
      }
      if (req['request-type'] === 'GetVersion') ws.send(JSON.stringify({ 'message-id': req['message-id'], status: 'ok', version: 1.1, 'obs-websocket-version': '4.9.1', 'obs-studio-version': '27.2.4' }));
      else ws.send(JSON.stringify({ 'message-id': req['message-id'], status: 'error', error: 'invalid request type' }));
    });
  });
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () => new Promise((r) => wss.close(() => r())),
  };
}

/**
 * FAKE of OBS's kick (an outside product's UI action obs-websocket exposes no request for): a
 * loopback server that speaks just enough obs-websocket 5 (Hello without auth, Identified) and then
 * closes the session with 4011 SessionInvalidated, as OBS's "Kick" button in its session list does.
 * With `answerRequests: false` it identifies and then answers nothing, like an OBS still starting.
 */
export async function startFakeObsKicking(opts: { answerRequests?: boolean } = {}): Promise<{ url: string; kick(): void; connections(): number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: (p) => (p.has('obswebsocket.json') ? 'obswebsocket.json' : false) });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  let count = 0;
  wss.on('connection', (ws) => {
    count++;
    ws.send(JSON.stringify({ op: 0, d: { obsWebSocketVersion: '5.1.0', rpcVersion: 1 } }));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { op: number; d: { requestId?: string; requestType?: string } };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 2, d: { negotiatedRpcVersion: 1 } }));
      if (msg.op === 6 && opts.answerRequests !== false) ws.send(JSON.stringify({ op: 7, d: { requestId: msg.d.requestId, requestType: msg.d.requestType, requestStatus: { result: true, code: 100 }, responseData: { obsVersion: '29.0.2', obsWebSocketVersion: '5.1.0' } } }));
    });
  });
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    kick: () => wss.clients.forEach((c) => c.close(4011, 'You have been kicked')),
    connections: () => count,
    close: () => new Promise((r) => wss.close(() => r())),
  };
}
