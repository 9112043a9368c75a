import net from 'node:net';

/**
 * Raw bytes to a server on loopback, for requests no HTTP client would send (bad request lines,
 * undecodable escapes). Resolves with what came back before the server closed, or after `ms`.
 */
export function rawRequest(port: number, bytes: string | Buffer, ms = 3000, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    const s = net.connect(port, host, () => s.write(bytes));
    const timer = setTimeout(() => s.destroy(), ms);
    s.on('data', (d) => (out += d.toString('latin1')));
    s.on('error', () => undefined);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

export const upgradeRequest = (target: string, headers = '') =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${headers}\r\n`;
