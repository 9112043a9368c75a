import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { safeDecode } from '../../common/api/match.js';
// Images (≤ 5 MiB, base64) and CSV files (≤ 5 MB) come through the contract; the schemas cap each.
const MAX_IPC_BODY_BYTES = 8 * 1024 * 1024;
import type { StudioCore } from '../studio-core-api.js';

/** `new URL` throws on targets such as `//[`; in an event handler that would end the studio. */
function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://shell');
  } catch {
    return null;
  }
}

/**
 * The studio without Electron: the same core and renderer, served to a browser on localhost.
 * A per-launch token (handed over in the URL fragment, never sent in a Referer) guards the
 * contract, and Host/Origin checks stop other local pages and DNS rebinding from calling it.
 */
export interface BrowserShell {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self' ws://localhost:* ws://127.0.0.1:*; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export async function startBrowserShell(core: StudioCore, opts: { rendererDist: string; port?: number; host?: string }): Promise<BrowserShell> {
  const token = randomBytes(24).toString('base64url');
  const host = opts.host ?? '127.0.0.1';
  let port = 0;
  const allowedHosts = () => [`localhost:${port}`, `127.0.0.1:${port}`];
  const tokenOk = (given: string | undefined) => !!given && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));

  const server = createServer((req, res) => {
    void route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { error: 'internal', message: 'studio shell error' } }));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().includes(req.headers.host ?? '')) return void res.writeHead(421).end('wrong host');
    const url = parseTarget(req.url);
    if (url === null) return void res.writeHead(400).end('bad request target');
    if (req.method === 'POST' && url.pathname.startsWith('/ipc/')) {
      const channel = safeDecode(url.pathname.slice(5));
      if (channel === null) return void res.writeHead(400).end('bad channel name');
      return handleIpc(req, res, channel);
    }
    if (req.method !== 'GET') return void res.writeHead(405).end();
    const rel = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    if (!/^(index\.html|assets\/[\w.-]+|[\w-]+\.(svg|png|ico))$/.test(rel)) return void res.writeHead(404).end('not found');
    const file = path.join(opts.rendererDist, rel);
    if (!existsSync(file)) return void res.writeHead(404).end(rel === 'index.html' ? 'the studio is not built; run npm run build:web' : 'not found');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': rel === 'index.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(readFileSync(file));
  }

  async function handleIpc(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const origin = req.headers.origin;
    if ((origin && !allowedHosts().some((h) => origin === `http://${h}`)) || !tokenOk(req.headers['x-studio-token'] as string | undefined))
      return reply(403, { ok: false, error: { error: 'forbidden', message: 'open the studio from the address it printed' } });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_IPC_BODY_BYTES) return reply(413, { ok: false, error: { error: 'too_large', message: 'request too large' } });
      chunks.push(c as Buffer);
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return reply(400, { ok: false, error: { error: 'bad_request', message: 'request is not JSON' } });
    }
    reply(200, await core.handle(channel, body));
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  server.on('upgrade', (req, socket, head) => {
    // Node took its own error listener off the upgraded socket; a reset must not end the studio.
    socket.on('error', () => socket.destroy());
    const url = parseTarget(req.url);
    const origin = req.headers.origin;
    const ok =
      url !== null &&
      url.pathname === '/ipc/events' && allowedHosts().includes(req.headers.host ?? '') && (!origin || allowedHosts().some((h) => origin === `http://${h}`)) && tokenOk(url.searchParams.get('token') ?? undefined);
    if (!ok) return void socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const off = core.onEvent((event, payload) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
      });
      ws.on('close', off);
      ws.on('error', () => undefined);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/#token=${token}`,
    port,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
