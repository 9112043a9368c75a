import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { FireCueRequest } from '../../common/protocol/studio-api.js';
import type { Show, WatchLink } from '../../common/show.js';
import { applyStageOp, EMPTY_STAGE, type Stage } from '../../common/stage.js';

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
  /** When set, the next cue POST answers this instead of applying the op. */
  failNextCue: { status: number; error: string; message: string } | null;
  /** When set, asset uploads answer 500. */
  failAssets: boolean;
  /** Pushes a message to every connected studio event stream. */
  broadcast(message: unknown): void;
  eventClients(): number;
  close(): Promise<void>;
}

export const FAKE_KEY = 'sk_fake_relay_key_for_tests_0123456789';

const show = (id: string): Show => ({ id, title: 'Rehearsal', status: 'scheduled', scheduledAt: null, startedAt: null, endedAt: null, createdAt: new Date(0).toISOString(), rehearsalOf: null });

export async function startFakeRelay(): Promise<FakeRelay> {
  const requests: RecordedRequest[] = [];
  const stages = new Map<string, Stage>();
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true });

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.headers.authorization !== `Bearer ${FAKE_KEY}`) return send(res, 401, { error: 'unauthorized', message: 'bad key' });
      const url = req.url ?? '';
      let m: RegExpMatchArray | null;
      if (req.method === 'GET' && url === '/api/studio/session') return send(res, 200, { ok: true });
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
        return send(res, 201, { show: { ...show(`${m[1]}-r`), rehearsalOf: m[1]! }, link });
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeRelay = {
    url: `http://127.0.0.1:${port}`,
    key: FAKE_KEY,
    requests,
    stages,
    failNextCue: null,
    failAssets: false,
    broadcast: (message) => sockets.forEach((s) => s.send(JSON.stringify(message))),
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
