import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FireCueRequest } from '../../common/protocol/studio-api.js';
import type { Show, WatchLink } from '../../common/show.js';
import { applyStageOp, EMPTY_STAGE, type Stage } from '../../common/stage.js';
import { createFakeCommerce, type FakeCommerce } from './fake-relay-commerce.js';

/**
 * A FAKE of the relay's studio API for unit tests of the studio core (the real relay is being
 * written in server/ and is exercised by the integration tests): a real HTTP server on
 * 127.0.0.1 with an ephemeral port that records every request and answers the cue, stage,
 * asset and rehearsal endpoints the way the contract in common/ describes. It applies cues with
 * the shared `applyStageOp`, so pin limits and versions behave like the relay's.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface FakeRelay {
  url: string;
  key: string;
  requests: RecordedRequest[];
  stages: Map<string, Stage>;
  /** Shows GET /api/shows lists and start/end change (add them directly, or through POST /api/shows). */
  shows: Map<string, Show>;
  commerce: FakeCommerce;
  /** When set, the next cue POST answers this instead of applying the op. */
  failNextCue: { status: number; error: string; message: string } | null;
  /** When set, the next catalog hand-off answers this. */
  failNextCatalog: { status: number; error: string; message: string } | null;
  /** Closes every studio event stream (the studio reconnects by itself). */
  dropEventClients(): void;
  /** When set, asset uploads answer 500. */
  failAssets: boolean;
  /** Pushes a message to every connected studio event stream. */
  broadcast(message: unknown): void;
  eventClients(): number;
  close(): Promise<void>;
}

export const FAKE_KEY = 'sk_fake_relay_key_for_tests_0123456789';

const show = (id: string): Show => ({ id, title: 'Rehearsal', status: 'scheduled', scheduledAt: null, startedAt: null, endedAt: null, createdAt: new Date(0).toISOString(), rehearsalOf: null });

export async function startFakeRelay(opts: { port?: number } = {}): Promise<FakeRelay> {
  const requests: RecordedRequest[] = [];
  const stages = new Map<string, Stage>();
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true });

  const shows = new Map<string, Show>();
  const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type });
    res.end(type === 'application/json' ? JSON.stringify(body) : String(body));
  };
  const broadcast = (message: unknown) => sockets.forEach((s) => s.send(JSON.stringify(message)));
  const { commerce, route } = createFakeCommerce(broadcast);
  const link = (showId: string): WatchLink => ({ id: `l-${showId}`, showId, url: `http://127.0.0.1/w/${showId}`, qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', expiresAt: null, revokedAt: null, createdAt: new Date(0).toISOString() });
  const setStatus = (id: string, status: Show['status']) => {
    const s = shows.get(id) ?? show(id);
    const now = new Date().toISOString();
    const next: Show = { ...s, status, startedAt: status === 'live' ? (s.startedAt ?? now) : s.startedAt, endedAt: status === 'ended' ? now : s.endedAt };
    shows.set(id, next);
    broadcast({ type: 'show', show: next });
    return next;
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = req.url ?? '';
      let m: RegExpMatchArray | null;
      if (req.method === 'GET' && url === '/api/health') return send(res, 200, { ok: true, version: 'fake', uptimeSec: 1, mediaEngine: { state: 'up', restarts: 0, managed: false }, liveShows: 0, viewers: 0 });
      if (req.headers.authorization !== `Bearer ${FAKE_KEY}`) return send(res, 401, { error: 'unauthorized', message: 'bad key' });
      if (req.method === 'GET' && url === '/api/studio/session') return send(res, 200, { ok: true });
      if (req.method === 'GET' && url === '/api/shows') return send(res, 200, [...shows.values()]);
      if (req.method === 'POST' && url === '/api/shows') {
        const { title } = JSON.parse(body.toString('utf8') || '{}') as { title?: string };
        const created: Show = { ...show(`show${shows.size + 1}`), title: title ?? 'Show', createdAt: new Date().toISOString() };
        shows.set(created.id, created);
        return send(res, 201, created);
      }
      if ((m = url.match(/^\/api\/shows\/([^/]+)\/(start|end)$/)) && req.method === 'POST') return send(res, 200, setStatus(m[1]!, m[2] === 'start' ? 'live' : 'ended'));
      if ((m = url.match(/^\/api\/shows\/([^/]+)\/links$/))) return send(res, req.method === 'POST' ? 201 : 200, req.method === 'POST' ? link(m[1]!) : [link(m[1]!)]);
      if (fake.failNextCatalog && req.method === 'PUT' && url.endsWith('/catalog')) {
        const { status, ...err } = fake.failNextCatalog;
        fake.failNextCatalog = null;
        return send(res, status, err);
      }
      if (route(req.method ?? '', url, body, (status, b, type) => send(res, status, b, type))) return;
      if (req.method === 'PUT' && url === '/api/assets') {
        if (fake.failAssets) return send(res, 500, { error: 'internal', message: 'disk full on the relay' });
        const ext = ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as Record<string, string>)[req.headers['content-type'] ?? ''];
        if (!ext) return send(res, 415, { error: 'bad_request', message: 'unsupported type' });
        const ref = `${createHash('sha256').update(body).digest('hex')}.${ext}`;
        return send(res, 201, { ref, url: `/assets/${ref}` });
      }
      if ((m = url.match(/^\/api\/shows\/([^/]+)\/stage$/)) && req.method === 'GET') return send(res, 200, stages.get(m[1]!) ?? EMPTY_STAGE);
      if ((m = url.match(/^\/api\/shows\/([^/]+)\/rehearsal$/)) && req.method === 'POST') {
        const link: WatchLink = { id: 'l1', showId: `${m[1]}-r`, url: 'http://relay/w/x', qrSvg: '<svg/>', expiresAt: null, revokedAt: null, createdAt: new Date(0).toISOString() };
        const rehearsal: Show = { ...show(`${m[1]}-r`), title: shows.get(m[1]!)?.title ?? 'Rehearsal', rehearsalOf: m[1]! };
        shows.set(rehearsal.id, rehearsal);
        return send(res, 201, { show: rehearsal, link });
      }
      if ((m = url.match(/^\/api\/shows\/([^/]+)\/cues$/)) && req.method === 'POST') {
        if (fake.failNextCue) {
          const { status, ...err } = fake.failNextCue;
          fake.failNextCue = null;
          return send(res, status, err);
        }
        const parsed = FireCueRequest.safeParse(JSON.parse(body.toString('utf8')));
        if (!parsed.success) return send(res, 400, { error: 'bad_request', message: parsed.error.message });
        const current = stages.get(m[1]!) ?? EMPTY_STAGE;
        if (parsed.data.baseVersion !== current.version) return send(res, 409, { error: 'stale_stage', message: 'Another window changed the stage.' });
        const result = applyStageOp(current, parsed.data.op, Date.now());
        if (!result.ok) return send(res, 409, { error: result.code, message: result.message });
        stages.set(m[1]!, result.stage);
        return send(res, 200, result.stage);
      }
      send(res, 404, { error: 'not_found', message: `no route ${req.method} ${url}` });
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== '/api/studio/events' || req.headers.authorization !== `Bearer ${FAKE_KEY}`) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeRelay = {
    url: `http://127.0.0.1:${port}`,
    key: FAKE_KEY,
    requests,
    stages,
    shows,
    commerce,
    failNextCue: null,
    failAssets: false,
    failNextCatalog: null,
    dropEventClients: () => sockets.forEach((s) => s.terminate()),
    broadcast,
    eventClients: () => sockets.size,
    close: async () => {
      sockets.forEach((s) => s.terminate());
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
