import http from 'node:http';

/**
 * Requests from a chosen loopback source address (127.x.y.z: the whole 127.0.0.0/8 reaches this
 * machine), so a test or benchmark can play buyers on distinct networks. The relay sees the
 * socket's peer address (req.socket.remoteAddress) and budgets by it.
 */
export interface SourcedAnswer<T> {
  status: number;
  body: T;
}

/** The i-th distinct source address: 127.1.0.1, 127.1.0.2, … 127.1.0.254, 127.1.1.1, … (never 127.0.0.1). */
export function sourceAddress(i: number): string {
  const host = (i % 254) + 1;
  const third = Math.floor(i / 254) % 256;
  const second = 1 + Math.floor(i / (254 * 256));
  if (second > 254) throw new Error(`no more than ${254 * 256 * 254} source addresses`);
  return `127.${second}.${third}.${host}`;
}

/** One JSON request from `localAddress` to the relay at `baseUrl`; a fresh socket each time (bound to that address). */
export function requestFrom<T = Record<string, unknown>>(baseUrl: string, localAddress: string, method: string, p: string, body?: unknown, headers: Record<string, string> = {}): Promise<SourcedAnswer<T>> {
  const url = new URL(baseUrl);
  const text = body === undefined ? '' : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path: p, localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString();
          let parsed: unknown = raw;
          try {
            parsed = JSON.parse(raw);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed as T });
        });
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(text);
  });
}
