import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { encodeTextFrame } from './text-frame.js';

describe('encodeTextFrame', () => {
  it('encodes the three length forms so a real WebSocket client reads them back', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    const texts = ['hi', 'é'.repeat(100), 'x'.repeat(70_000)];
    wss.on('connection', (_ws, req) => {
      for (const t of texts) req.socket.write(encodeTextFrame(Buffer.from(t)));
    });
    await once(wss, 'listening');
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const got: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.on('message', (d, isBinary) => {
        expect(isBinary).toBe(false);
        got.push(d.toString());
        if (got.length === texts.length) resolve();
      });
      client.on('error', reject);
    });
    expect(got).toEqual(texts);
    client.close();
    wss.close();
  });
});
