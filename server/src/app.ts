import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { ERROR_CODES } from '../../common/errors.js';
import type { Health } from '../../common/protocol/studio-api.js';
import type { Show } from '../../common/show.js';
import { bearerToken, StudioKeys } from './auth/studio-keys.js';
import { publicBaseUrl, type RelayConfig } from './config.js';
import { openRelayDb, type Db } from './db/database.js';
import { HttpError, parseTarget, Router, sendError, sendJson } from './http/http-util.js';
import { addStudioRoutes, requireStudio } from './http/studio-routes.js';
import { assertAllDeclared, DeclaredApi, withHeaders } from './http/declared.js';
import { RequestTurns } from './http/request-turns.js';
import { openApiDocument } from '../../common/api/openapi.js';
import { RELAY_ROUTES } from '../../common/api/relay-routes.js';
import { addWatchRoutes } from './http/watch-routes.js';
import type { WatchAccess } from './http/watch-access.js';
import { WatchShowCache } from './http/watch-show-cache.js';
import { addWhipRoutes, setWhipCors } from './http/whip-routes.js';
import { externalJanusAccess } from './janus/janus-access.js';
import { writeJanusConfig } from './janus/janus-config.js';
import { JanusProcess } from './janus/janus-process.js';
import { MediaEngine, MediaUnavailableError } from './janus/media-engine.js';
import { LiveShows } from './live/live-shows.js';
import type { Logger } from './log.js';
import { ShowStore } from './shows/show-store.js';
import { WatchLinks } from './shows/watch-links.js';
import { StudioChannel } from './ws/studio-channel.js';
import { StageService } from './live/stage-service.js';
import { StageStore } from './live/stage-store.js';
import { addStageRoutes } from './http/stage-routes.js';
import { addIngestRoutes } from './http/ingest-routes.js';
import { IngestKeys } from './ingest/ingest-keys.js';
import { Recorder } from './replay/recorder.js';
import { RecordingJobs } from './replay/recording-jobs.js';
import { Mp4Renditions } from './replay/mp4-renditions.js';
import { RecordingStore } from './replay/recording-store.js';
import { IngestService } from './ingest/ingest-service.js';
import { RtmpFront } from './ingest/rtmp-front.js';
import { SrtListeners } from './ingest/srt-listeners.js';
import { ingestKeyOpensWhip } from './ingest/whip-ingest-auth.js';
import { addAssetRoutes } from './http/asset-routes.js';
import { Commerce } from './commerce/commerce.js';
import { addCommerceRoutes } from './http/commerce-routes.js';
import { addWatchCommerceRoutes } from './http/watch-commerce-routes.js';
import { addOrderLookupRoutes } from './http/order-lookup-routes.js';
import { addStoreProfileRoutes } from './http/store-profile-routes.js';
import { StoreProfileStore } from './commerce/store-profile-store.js';
import { Engagement } from './engagement/engagement.js';
import { FanoutActivity } from './viewers/fanout-activity.js';
import { CHAT_CUE_HOLD_MAX_MS } from './chat/chat-window.js';
import { Analytics } from './analytics/analytics.js';
import { salesOf } from './analytics/sales.js';
import { addEngagementRoutes } from './http/engagement-routes.js';
import { addLiveSellingRoutes } from './http/live-selling-routes.js';
import { addAnalyticsRoutes } from './http/analytics-routes.js';
import { ChatService } from './chat/chat-service.js';
import { ModeratorLinks } from './chat/moderator-links.js';
import { ChatListsStore } from './chat/chat-lists.js';
import { addChatRoutes } from './http/chat-routes.js';
import { ViewerGateway } from './viewers/viewer-gateway.js';
import { keepAlive, startHeartbeat } from './viewers/heartbeat.js';
import { ClipStore } from './clips/clip-store.js';
import { ClipJobs } from './clips/clip-jobs.js';
import { ClipService } from './clips/clip-service.js';
import { ClipNumbersStore } from './clips/clip-numbers.js';
import { addClipRoutes } from './http/clip-routes.js';
import { addRecordingRoutes } from './http/recording-routes.js';
import { addReplayRoutes } from './http/replay-routes.js';
import { ReplayNumbersStore } from './replay/replay-numbers.js';
import { ReplayService } from './replay/replay-service.js';
import { ViewerDisplayStore } from './shows/viewer-display-store.js';
import { addViewerDisplayRoutes } from './http/viewer-display-routes.js';

const VERSION = '0.1.0';
const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WATCH_DIST = path.resolve(here, '../../dist/watch');

export interface Relay {
  url: string;
  port: number;
  /** The RTMP ingest's bound port; null when it could not listen (the relay runs without OBS ingest). */
  rtmpPort: number | null;
  db: Db;
  keys: StudioKeys;
  /** Present only on the first start: the plain studio key, to show once. */
  newStudioKey: string | null;
  janus: JanusProcess | null;
  engine: MediaEngine;
  close(): Promise<void>;
}

function linkSecret(db: Db, configured: string | undefined): string {
  if (configured) return configured;
  const row = db.prepare("SELECT value FROM settings WHERE key = 'link_secret'").get() as { value: string } | undefined;
  if (row) return row.value;
  const secret = randomBytes(32).toString('base64url');
  db.prepare("INSERT INTO settings (key, value) VALUES ('link_secret', ?)").run(secret);
  return secret;
}

export async function startRelay(config: RelayConfig, log: Logger, opts: { watchDist?: string } = {}): Promise<Relay> {
  const db = openRelayDb(config.dataDir);
  const keys = new StudioKeys(db);
  const newStudioKey = keys.hasAny() ? null : keys.create();
  const store = new ShowStore(db);
  let baseUrl = '';
  const links = new WatchLinks(db, linkSecret(db, config.secret), () => baseUrl);

  let janus: JanusProcess | null = null;
  let janusAccess = externalJanusAccess(config);
  if (!janusAccess) {
    const managed = writeJanusConfig(config, path.join(config.dataDir, 'janus'));
    janus = new JanusProcess(config.janusBin, managed.configFile, log.child({ component: 'janus' }));
    janus.start();
    janusAccess = managed.access;
  }
  const janusUrl = janusAccess.url;
  const engine = new MediaEngine(janusAccess, log.child({ component: 'media' }));
  engine.start();
  const live = new LiveShows(engine, store, log.child({ component: 'live' }));
  const displays = new ViewerDisplayStore(db);
  live.displayOf = (showId) => displays.get(showId);
  const stage = new StageService(new StageStore(db), store, live, log.child({ component: 'stage' }));
  const studioChannel = new StudioChannel(live, engine, stage);
  let rtmpPort: number | null = null;
  const ingestKeys = new IngestKeys(db);
  const ingest = new IngestService({
    keys: ingestKeys,
    store,
    live,
    addresses: (showId) => {
      const host = new URL(baseUrl).hostname;
      return { rtmpServer: `rtmp://${host}:${rtmpPort ?? config.rtmpPort}/live`, whipUrl: `${baseUrl}/whip/shows/${showId}` };
    },
    publish: (showId, status) => studioChannel.publish({ type: 'ingest', showId, status }),
    log: log.child({ component: 'ingest' }),
  });
  stage.pictureIsIngest = (showId) => ingest.isPublishing(showId);
  if (config.srtPorts) {
    ingest.srt = new SrtListeners({
      ffmpegBin: config.ffmpegBin,
      log: log.child({ component: 'srt' }),
      bindHost: config.host,
      publicHost: () => new URL(baseUrl).hostname,
      ports: config.srtPorts,
      decide: (showId) => ingest.decideSrt(showId),
    });
  }
  const rtmp = new RtmpFront({ ffmpegBin: config.ffmpegBin, log: log.child({ component: 'rtmp' }), decide: (key) => ingest.decide(key) });
  // A few request handlers per event-loop turn, so new connections are accepted during a burst (request-turns.ts).
  const turns = new RequestTurns();
  const commerce = new Commerce({ db, shows: store, busy: () => turns.backlog > 0, broadcast: (id, m) => live.broadcast(id, m), sendToViewer: (id, viewerId, m) => live.sendToViewer(id, viewerId, m), stageOf: (id) => stage.get(id), purchasesShown: (id) => displays.get(id).purchases, log: log.child({ component: 'commerce' }) });
  commerce.on('studio', (m) => studioChannel.publish(m));
  stage.overlay = (id, s) => commerce.overlayStage(id, s);
  const catalogOf = (show: Show) => commerce.catalogOf(show);
  const fanout = new FanoutActivity();
  const engagement = new Engagement({ db, live, stage, shows: store, catalogOf, viewers: commerce.viewers, coupons: commerce.coupons, commits: commerce.commits, fanout, log: log.child({ component: 'engagement' }) });
  const chatLists = new ChatListsStore(db);
  const moderators = new ModeratorLinks(db, linkSecret(db, config.secret), () => baseUrl);
  const chat = new ChatService({
    db,
    shows: store,
    viewers: commerce.viewers,
    delivery: { broadcast: (id, ms) => live.broadcastChat(id, ms), sendToViewer: (id, viewerId, m) => live.sendToViewer(id, viewerId, m), pacedByWorkers: (id) => live.chatPacedByWorkers(id), cueWritten: () => (fanout.quiet ? null : fanout.whenQuiet(CHAT_CUE_HOLD_MAX_MS)) },
    textFor: (show) => chatLists.textFor(show.id, commerce.catalogOf(show)?.products.map((p) => p.externalUrl) ?? []),
    events: {
      entry: (showId, entry) => studioChannel.publish({ type: 'chat', showId, entry }),
      state: (showId, state, settings) => studioChannel.publish({ type: 'chatState', showId, state, settings }),
    },
    log: log.child({ component: 'chat' }),
    batchMs: config.chatBatchMs,
  });
  live.carryChat((showId) => chat.takePending(showId));
  live.on('show', (show) => {
    if (show.status === 'ended') chat.forget(show.id);
  });
  const analytics = new Analytics({ db, shows: store, live, catalogOf, sales: salesOf(commerce.orders, commerce.coupons), funnel: (id) => engagement.funnel.counts(id), log: log.child({ component: 'analytics' }) });
  analytics.pusher.on('dashboard', (showId, dashboard) => studioChannel.publish({ type: 'dashboard', showId, dashboard }));
  const startedAt = Date.now();
  const clipStore = new ClipStore(db);
  const clipJobs = new ClipJobs({ store: clipStore, dataDir: config.dataDir, ffmpegBin: config.ffmpegBin, concurrency: config.clipConcurrency, log: log.child({ component: 'clips' }) });
  const recordings = new RecordingStore(db);
  const renditions = new Mp4Renditions({
    dataDir: config.dataDir,
    ffmpegBin: config.ffmpegBin,
    ffprobeBin: config.ffprobeBin,
    concurrency: config.renditionConcurrency,
    readyShows: () => recordings.readyShows(),
    log: log.child({ component: 'rendition' }),
  });
  const recordingJobs = new RecordingJobs({
    store: recordings,
    dataDir: config.dataDir,
    tools: { janusPpRec: config.janusPpRecBin, ffmpeg: config.ffmpegBin, ffprobe: config.ffprobeBin },
    concurrency: config.replayConcurrency,
    log: log.child({ component: 'replay' }),
    processing: (showId) => void renditions.discard(showId).catch((e: unknown) => log.warn('a stale MP4 rendition could not be removed', { showId, error: e instanceof Error ? e.message : String(e) })),
    ready: (showId) => renditions.want(showId),
  });
  live.recorder = new Recorder(recordings, recordingJobs, config.dataDir, log.child({ component: 'recorder' }));
  const clipNumbers = new ClipNumbersStore(db);
  const clips = new ClipService({ db, store: clipStore, numbers: clipNumbers, jobs: clipJobs, dataDir: config.dataDir, baseUrl: () => baseUrl });

  const router = new Router();
  // The public gets only what a watch page or a load balancer needs; the studio key adds the details.
  // Served by hand (from its declaration's method and path) because it answers 503 with the same body.
  router.add(RELAY_ROUTES.health.method, RELAY_ROUTES.health.path, (req, res) => {
    const ok = engine.state === 'up';
    const body: Health = keys.verify(bearerToken(req.headers.authorization))
      ? {
          ok,
          version: VERSION,
          uptimeSec: Math.round((Date.now() - startedAt) / 1000),
          mediaEngine: { state: engine.state, restarts: janus?.restarts ?? 0, managed: janus !== null },
          liveShows: store.listLive().length,
          viewers: live.totalViewers(),
        }
      : { ok, mediaEngine: { state: engine.state } };
    sendJson(res, ok ? 200 : 503, body);
  });
  // The show a watch token opens, remembered a moment; a revoked link is forgotten at once.
  const watchAccess: WatchAccess = { links, store, viewers: commerce.viewers };
  const watchShows = new WatchShowCache(watchAccess);
  links.onRevoke(() => watchShows.clear());
  const api = new DeclaredApi(router, {
    requireStudio: (req) => {
      if (!ingestKeyOpensWhip(req, ingestKeys, (sid) => live.showOfSession(sid))) requireStudio(keys, req);
    },
    requireLink: (token) => void watchShows.showFor(token),
    requireModerator: (token) => {
      const r = moderators.resolve(token);
      if (!r.ok) throw r.reason === 'revoked' ? new HttpError(410, 'link_gone', 'this moderator link was revoked') : new HttpError(404, ERROR_CODES.notFound, 'this moderator link is not valid');
    },
    turn: () => turns.turn(),
    undeclared: (r, code) => log.warn('a route answered an error code its declaration does not list', { route: `${r.method} ${r.path}`, code }),
  });
  addStudioRoutes(api, { store, links, live });
  addWhipRoutes(api, live);
  addStageRoutes(api, { stage, store, links });
  addViewerDisplayRoutes(api, { store, displays, live });
  addIngestRoutes(api, { store, ingest });
  addAssetRoutes(api, config.dataDir);
  addCommerceRoutes(api, { store, commerce });
  addWatchCommerceRoutes(api, { access: watchAccess, shows: watchShows, commerce });
  addLiveSellingRoutes(api, { store, commerce, access: watchAccess, shows: watchShows });
  addOrderLookupRoutes(api, { shows: watchShows, commerce });
  addStoreProfileRoutes(api, new StoreProfileStore(db));
  addEngagementRoutes(api, { access: watchAccess, engagement });
  addAnalyticsRoutes(api, { store, analytics, engagement });
  addChatRoutes(api, { store, chat, moderators, lists: chatLists, watchDist: opts.watchDist ?? DEFAULT_WATCH_DIST });
  addWatchRoutes(api, links, store, opts.watchDist ?? DEFAULT_WATCH_DIST);
  addClipRoutes(api, { store, clips, clipStore, numbers: clipNumbers, dataDir: config.dataDir });
  const replay = new ReplayService({ db, commerce, dataDir: config.dataDir, renditions, log: log.child({ component: 'replay' }) });
  const replayNumbers = new ReplayNumbersStore(db);
  addRecordingRoutes(api, { store, recordings, jobs: recordingJobs, renditions, replay, numbers: replayNumbers, clipStore, dataDir: config.dataDir });
  addReplayRoutes(api, { shows: watchShows, replay, access: watchAccess, numbers: replayNumbers });
  const openApiJson = JSON.stringify(openApiDocument(VERSION));
  api.serve(RELAY_ROUTES.openApi, () => withHeaders(openApiJson, { 'cache-control': 'public, max-age=300' }));
  assertAllDeclared(router);

  const server: Server = createServer((req, res) => {
    const url = parseTarget(req.url);
    if (url === null) return sendError(res, new HttpError(400, ERROR_CODES.badRequest, 'the request target is not a valid URL path'));
    // Browser WHIP encoders on other origins must be able to read every answer, refusals included.
    if (url.pathname.startsWith('/whip/')) setWhipCors(res, router.methodsFor(url.pathname));
    const match = router.match(req.method ?? 'GET', url.pathname);
    if (match === null) return sendError(res, new HttpError(404, ERROR_CODES.notFound, 'no such page'));
    if (match === 'method') return sendError(res, new HttpError(405, 'method_not_allowed', `${req.method} is not served here`), { allow: router.methodsFor(url.pathname).join(', ') });
    if (match === 'malformed') return sendError(res, new HttpError(400, ERROR_CODES.badRequest, 'the path has a percent-escape that is not valid UTF-8'));
    Promise.resolve()
      .then(() => match.handler(req, res, match.params))
      .catch((e: unknown) => {
        if (res.headersSent) return res.end();
        if (e instanceof HttpError) return sendError(res, e);
        if (e instanceof MediaUnavailableError) return sendError(res, new HttpError(503, ERROR_CODES.mediaUnavailable, e.message));
        log.error('request failed', { method: req.method, path: url.pathname, error: (e as Error).message });
        sendError(res, new HttpError(500, ERROR_CODES.internal, 'the relay hit an unexpected error; it is logged'));
      });
  });

  const viewers = new ViewerGateway({
    workers: config.viewerWorkers,
    heartbeatMs: config.heartbeatMs,
    chatBatchMs: config.chatBatchMs,
    stallMs: config.viewerWorkerStallMs,
    activity: fanout,
    logLevel: config.logLevel,
    log: log.child({ component: 'viewer-workers' }),
    deps: {
      links,
      live,
      stageOf: (id) => stage.view(id),
      deviceFor: (address, claimed) => commerce.viewers.forSocket(address, claimed),
      chat,
      networkTagOf: (address) => commerce.viewers.identity.networkTag(address),
      log: log.child({ component: 'viewer' }),
    },
    addressOf: (req) => commerce.viewers.addressOf(req),
  });
  // If the process exits without close() (a crash, the stop timeout), take Janus and the workers along.
  const killChildren = () => {
    viewers.kill();
    janus?.kill();
  };
  process.on('exit', killChildren);
  await viewers.start();
  const studioWss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    // Node has taken its own error listener off an upgraded socket: a reset before ws adds one would be uncaught.
    socket.on('error', () => socket.destroy());
    const url = parseTarget(req.url);
    if (url === null) return void socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    if (url.pathname === '/ws/watch') {
      viewers.upgrade(req, socket, head);
    } else if (url.pathname === '/api/studio/events') {
      if (!keys.verify(bearerToken(req.headers.authorization))) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nstudio key required\n');
        return;
      }
      studioWss.handleUpgrade(req, socket, head, (ws) => studioChannel.add(keepAlive(ws)));
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
  });

  // Dead sockets (a phone that walked out of coverage) are found by ping/pong and closed. handleUpgrade
  // does not emit 'connection', so each socket is enrolled (keepAlive) where it is accepted.
  const heartbeat = startHeartbeat(config.heartbeatMs, function* () {
    yield* viewers.localClients;
    yield* studioWss.clients;
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = publicBaseUrl(config, port);
  try {
    rtmpPort = await rtmp.listen(config.rtmpPort, config.host);
  } catch (e) {
    // Another relay or an RTMP server holds the port: OBS ingest is off, everything else runs.
    log.warn('the RTMP ingest could not listen; OBS mode is unavailable until RELAY_RTMP_PORT names a free port', { port: config.rtmpPort, error: e instanceof Error ? e.message : String(e) });
  }
  clipJobs.start();
  recordingJobs.start();
  renditions.start();
  log.info('relay listening', { url: baseUrl, host: config.host, port, janus: janusUrl, managedJanus: janus !== null, dataDir: config.dataDir });

  return {
    url: baseUrl,
    port,
    rtmpPort,
    db,
    keys,
    newStudioKey,
    janus,
    engine,
    async close() {
      clearInterval(heartbeat);
      stage.stop();
      chat.stop();
      commerce.stop();
      analytics.stop();
      engagement.stop();
      await clipJobs.stop();
      await recordingJobs.stop();
      await renditions.stop();
      studioChannel.close();
      await rtmp.close().catch(() => undefined);
      ingest.srt?.closeAll();
      // Stop listening while the viewer workers still run: Node asks them about the sockets it
      // handed over, and never settles if they are gone first. Bounded all the same.
      const serverClosed = new Promise<void>((r) => server.close(() => r()));
      await viewers.close();
      await live.stop().catch(() => undefined);
      await engine.stop();
      await janus?.stop();
      process.off('exit', killChildren);
      server.closeAllConnections();
      await Promise.race([serverClosed, new Promise((r) => setTimeout(r, 2000).unref())]);
      db.close();
    },
  };
}
