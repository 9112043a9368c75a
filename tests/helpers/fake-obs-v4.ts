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
