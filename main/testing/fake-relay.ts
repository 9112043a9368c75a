import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ErrorCode } from '../../common/api/error-codes.js';
import type { Show, WatchLink } from '../../common/show.js';
import { applyStageOp, EMPTY_STAGE, type Stage } from '../../common/stage.js';
import { dispatchDeclared, FakeRefusal, type FakeHandlers } from './declared-fake.js';
import { createFakeCommerce, type FakeCommerce } from './fake-relay-commerce.js';
import { createFakeIngest, type FakeIngest } from './fake-relay-ingest.js';

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
  /** OBS ingest keys issued per show (ending a show revokes its key, as the relay does). */
  ingest: FakeIngest;
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

/** A scheduled show as the fake holds it; tests add their own with `relay.shows.set(id, fakeShow(id))`. */
export const fakeShow = (id: string, status: Show['status'] = 'scheduled'): Show => ({ id, title: 'Rehearsal', status, scheduledAt: null, startedAt: null, endedAt: null, createdAt: new Date(0).toISOString(), rehearsalOf: null });

export async function startFakeRelay(opts: { port?: number } = {}): Promise<FakeRelay> {
  const requests: RecordedRequest[] = [];
  const stages = new Map<string, Stage>();
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true });

  const shows = new Map<string, Show>();
  const broadcast = (message: unknown) => sockets.forEach((s) => s.send(JSON.stringify(message)));
  const { commerce, handlers: commerceHandlers } = createFakeCommerce(broadcast);
  const links = new Map<string, WatchLink>();
  const newLink = (showId: string): WatchLink => {
    const l: WatchLink = { id: `l-${showId}-${links.size + 1}`, showId, url: `http://127.0.0.1/w/${showId}`, qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', expiresAt: null, revokedAt: null, createdAt: new Date(0).toISOString() };
    links.set(l.id, l);
    return l;
  };
  const showOr404 = (id: string): Show => {
    const s = shows.get(id);
    if (!s) throw new FakeRefusal('not_found', `no show with id ${id}`);
    return s;
  };
  const setStatus = (id: string, status: Show['status']) => {
    const s = showOr404(id);
    if (status === 'live' && s.status === 'ended') throw new FakeRefusal('conflict', 'the show has ended');
    if (status === 'ended' && s.status === 'scheduled') throw new FakeRefusal('conflict', 'the show has not started');
    const now = new Date().toISOString();
    const next: Show = { ...s, status, startedAt: status === 'live' ? (s.startedAt ?? now) : s.startedAt, endedAt: status === 'ended' ? (s.endedAt ?? now) : s.endedAt };
    shows.set(id, next);
    broadcast({ type: 'show', show: next });
    return next;
  };
  const { ingest, handlers: ingestHandlers } = createFakeIngest(showOr404);
  const refuseOnce = (which: 'failNextCue' | 'failNextCatalog') => {
    const fail = fake[which];
    if (!fail) return;
    fake[which] = null;
    throw Object.assign(new FakeRefusal(fail.error as ErrorCode, fail.message), { status: fail.status });
  };

  const handlers: FakeHandlers = {
    ...commerceHandlers,
    ...ingestHandlers,
    health: () => ({ ok: true, version: 'fake', uptimeSec: 1, mediaEngine: { state: 'up', restarts: 0, managed: false }, liveShows: 0, viewers: 0 }),
    checkKey: () => ({ ok: true }),
    listShows: () => [...shows.values()],
    createShow: ({ body }) => {
      const created: Show = { ...fakeShow(`show${shows.size + 1}`), title: body.title, scheduledAt: body.scheduledAt ?? null, createdAt: new Date().toISOString() };
      shows.set(created.id, created);
      return created;
    },
    getShow: ({ params }) => showOr404(params.id),
    renameShow: ({ params, body }) => {
      const next = { ...showOr404(params.id), title: body.title };
      shows.set(next.id, next);
      return next;
    },
    // The fake keeps no orders of its own here; the real relay also refuses a show with orders.
    deleteShow: ({ params }) => {
      if (showOr404(params.id).status === 'live') throw new FakeRefusal('show_live', 'this show is live; end it before deleting it');
      for (const [id, s] of shows) if (id === params.id || s.rehearsalOf === params.id) shows.delete(id);
      return {};
    },
    startShow: ({ params }) => setStatus(params.id, 'live'),
    endShow: ({ params }) => {
      const ended = setStatus(params.id, 'ended');
      ingest.keys.delete(params.id);
      return ended;
    },
    listLinks: ({ params }) => {
      showOr404(params.id);
      const mine = [...links.values()].filter((l) => l.showId === params.id);
      return mine.length ? mine : [newLink(params.id)];
    },
    createLink: ({ params }) => newLink(showOr404(params.id).id),
    revokeLink: ({ params }) => {
      const l = links.get(params.id);
      if (!l) throw new FakeRefusal('not_found', `no watch link with id ${params.id}`);
      const revoked = { ...l, revokedAt: l.revokedAt ?? new Date().toISOString() };
      links.set(l.id, revoked);
      return revoked;
    },
    putCatalog: (call) => (refuseOnce('failNextCatalog'), commerceHandlers.putCatalog!(call)),
    putAsset: ({ body, req }) => {
      if (fake.failAssets) throw new FakeRefusal('internal', 'disk full on the relay');
      const ext = ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' } as Record<string, string>)[req.headers['content-type'] ?? '']!;
      const ref = `${createHash('sha256').update(body).digest('hex')}.${ext}`;
      return { ref, url: `/assets/${ref}` };
    },
    getStage: ({ params }) => stages.get(params.id) ?? EMPTY_STAGE,
    rehearse: ({ params }) => {
      const original = showOr404(params.id);
      const rehearsal: Show = { ...fakeShow(`${params.id}-r`), title: original.title, rehearsalOf: params.id };
      shows.set(rehearsal.id, rehearsal);
      return { show: rehearsal, link: newLink(rehearsal.id) };
    },
    fireCue: ({ params, body }) => {
      refuseOnce('failNextCue');
      if (showOr404(params.id).status !== 'live') throw new FakeRefusal('not_live', 'Go live (or start a rehearsal) before firing cues.');
      const current = stages.get(params.id) ?? EMPTY_STAGE;
      if (body.baseVersion !== current.version) throw new FakeRefusal('stale_stage', 'Another window changed the stage.');
      const result = applyStageOp(current, body.op, Date.now());
      if (!result.ok) throw new FakeRefusal(result.code, result.message);
      stages.set(params.id, result.stage);
      return result.stage;
    },
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      dispatchDeclared(handlers, FAKE_KEY, req, body, res);
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
    ingest,
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
