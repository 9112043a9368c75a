import { existsSync, readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import { ERROR_CODES } from '../common/errors.js';
import { invalidInputRefusal } from '../common/catalog-refusals.js';
import { ipcChannels, ipcErrorOf, isIpcChannel, StudioError, type IpcEvent, type IpcEventPayload, type IpcResult, type RelayStatus } from '../common/ipc-contract.js';
import type { Show } from '../common/show.js';
import type { Stage } from '../common/stage.js';
import { Catalog } from './catalog/catalog.js';
import { catalogHandlers } from './catalog/catalog-handlers.js';
import { Commerce } from './commerce/commerce.js';
import { commerceHandlers } from './commerce/commerce-handlers.js';
import { liveSellingHandlers } from './commerce/live-selling-handlers.js';
import { chatHandlers } from './chat/chat-handlers.js';
import { HostChatStore } from './chat/host-chat-store.js';
import type { Handlers } from './handlers.js';
import { fireCue } from './live/fire-cue.js';
import { RelayAssets } from './live/relay-assets.js';
import { allowedHttpOrigins, checkRelayAddress, isSecureRelay, relayOrigin } from './relay-address.js';
import { RelayClient } from './relay-client.js';
import { RelayKey } from './relay-key.js';
import { RelayEvents } from './relay-events.js';
import type { StudioCore, StudioCoreOptions, StudioEventListener } from './studio-core-api.js';
import { RundownStore } from './rundown/rundown-store.js';
import { showAdminHandlers } from './show-admin-handlers.js';
import { StudioDb } from './store/studio-db.js';
import { FileSecretStore } from './store/secret-store.js';
import { ObsModule } from './obs/obs-module.js';
import { obsHandlers } from './obs/obs-handlers.js';
import { clipHandlers } from './clips/clip-handlers.js';
import { replayHandlers } from './clips/replay-handlers.js';
import path from 'node:path';

/** Channels that change what a hand-off would send; live shows get the new catalog shortly after. */
const CATALOG_EDIT = /^(products|coupons|quizzes|polls)\.(save|delete|importCsv)$/;

const isLocal = (url: string) => /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(url);

/** The studio's core: settings, the relay connection and the typed contract the renderer calls. Plain Node. */
export async function createStudioCore(opts: StudioCoreOptions): Promise<StudioCore> {
  const db = new StudioDb(opts.dataDir);
  const bus = new EventEmitter();
  const emit = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => bus.emit('event', event, payload);
  // Last viewer count per show, replayed to a renderer that (re)subscribes, so it never shows a stale 0.
  const viewerCounts = new Map<string, number>();
  // Last stage per show, replayed the same way, so a second window opens on what viewers see now.
  const stages = new Map<string, Stage>();
  const catalog = new Catalog(db);
  const rundowns = new RundownStore(db.db);
  const assets = new RelayAssets((ref) => catalog.images.read(ref));

  let relayUrl = db.getSetting('relay_url') ?? opts.defaultRelayUrl.replace(/\/+$/, '');
  const allowHttp = opts.allowHttpRelays ?? allowedHttpOrigins(process.env.STUDIO_ALLOW_HTTP_RELAY);
  const keys = new RelayKey(opts.secrets, relayOrigin(relayUrl));
  // The key of the relay in use, and only if it may travel there (TLS, or this machine).
  const currentKey = () => (isSecureRelay(relayUrl, allowHttp) ? keys.for(relayOrigin(relayUrl)) : null);
  // A relay on this laptop hands its first key over through an owner-only file; take it once.
  if (!opts.secrets.get() && opts.keyHandoffFile && existsSync(opts.keyHandoffFile) && isLocal(relayUrl)) {
    const key = readFileSync(opts.keyHandoffFile, 'utf8').trim();
    if (key) keys.set(relayOrigin(relayUrl)!, key);
  }

  let client = new RelayClient(relayUrl, currentKey());
  const commerce = new Commerce(db, catalog, assets, () => client, emit);
  const hostChat = new HostChatStore(db);
  const obs = new ObsModule(db.db, opts.obsSecrets ?? new FileSecretStore(path.join(opts.dataDir, 'obs-password')), emit);
  let events: RelayEvents | null = null;
  let status: RelayStatus = { reachable: false, authorized: false, mediaEngine: null, message: null };
  const setStatus = (next: Partial<RelayStatus>) => {
    status = { ...status, ...next };
    emit('relay.status', status);
  };

  const connectEvents = () => {
    events?.close();
    const key = currentKey();
    if (!key) return;
    events = new RelayEvents(relayUrl, key);
    events.on('connection', (connected, httpStatus) => {
      if (connected) {
        // After a reconnect the relay may have been restored or replaced: upload pictures again rather than show broken ones.
        assets.forget(relayUrl);
        setStatus({ reachable: true, authorized: true, message: null });
        // Stock sold while the studio was away goes back into the catalog; the next cue hands off again.
        void commerce.reconcile().catch(() => undefined);
      } else if (httpStatus === 401) setStatus({ authorized: false, message: 'The relay refused the studio key. Enter the current key in Settings.' });
      else setStatus({ reachable: false, mediaEngine: null, message: `Lost the connection to the relay at ${relayUrl}; retrying.` });
    });
    events.on('message', (m) => {
      if (m.type === 'viewers') {
        viewerCounts.set(m.showId, m.count);
        emit('relay.viewers', { showId: m.showId, count: m.count });
      }
      else if (m.type === 'show') {
        commerce.onMessage(m);
        emit('relay.show', m.show);
      }
      else if (m.type === 'publisherLost') emit('relay.publisherLost', { showId: m.showId, reason: m.reason });
      else if (m.type === 'chat') emit('relay.chat', { showId: m.showId, entry: m.entry });
      else if (m.type === 'chatState') emit('relay.chatState', { showId: m.showId, state: m.state, settings: m.settings });
      else if (m.type === 'mediaEngine') setStatus({ mediaEngine: m.state });
      else if (m.type === 'ingest') emit('relay.ingest', { showId: m.showId, status: m.status });
      else if (m.type === 'stage') {
        stages.set(m.showId, m.stage);
        emit('relay.stage', { showId: m.showId, stage: m.stage });
      } else commerce.onMessage(m);
    });
    events.start();
  };
  connectEvents();

  const settings = () => {
    const hasKey = currentKey() !== null;
    return { relayUrl, hasKey, keyStorage: hasKey ? keys.kind : ('none' as const) };
  };

  const remembered = <T extends Show | Show[]>(x: T): T => {
    if (Array.isArray(x)) commerce.shows.rememberAll(x);
    else commerce.shows.remember(x as Show);
    return x;
  };

  const startShow = async (showId: string) => {
    await commerce.handoff.handOff(showId);
    return remembered(await client.startShow(showId));
  };

  const handlers: Handlers = {
    'settings.get': async () => settings(),
    'settings.connect': async (req) => {
      const url = checkRelayAddress(req.relayUrl, allowHttp);
      const origin = relayOrigin(url)!;
      // A blank key field keeps the saved key only for the relay it was entered for.
      const key = req.studioKey ?? keys.for(origin);
      if (!key) {
        throw StudioError.refuse({ reason: 'studioKeyNeeded', args: { origin, otherRelay: opts.secrets.get() !== null } });
      }
      const candidate = new RelayClient(url, key);
      await candidate.checkKey();
      if (url !== relayUrl) {
        stages.clear();
        commerce.shows.clear();
      }
      relayUrl = url;
      db.setSetting('relay_url', url);
      keys.set(origin, key);
      client = candidate;
      connectEvents();
      return settings();
    },
    'relay.status': async () => {
      try {
        const health = await client.health();
        await client.checkKey();
        setStatus({ reachable: true, authorized: true, mediaEngine: health.mediaEngine.state, message: health.mediaEngine.state === 'up' ? null : mediaDownMessage });
      } catch (e) {
        if (e instanceof StudioError && e.code === ERROR_CODES.unauthorized) setStatus({ reachable: true, authorized: false, message: e.message });
        else setStatus({ reachable: false, authorized: false, mediaEngine: null, message: (e as Error).message });
      }
      return status;
    },
    'shows.list': async () => remembered(await client.listShows()),
    'shows.create': async (req) => {
      const show = await client.createShow(req.title, req.scheduledAt ?? null);
      commerce.shows.remember(show);
      return { show, link: await client.createLink(show.id) };
    },
    'shows.links': (req) => client.listLinks(req.showId),
    // Viewers can buy from the first second: the catalog goes to the relay before the show starts.
    'shows.start': (req) => startShow(req.showId),
    'shows.end': async (req) => remembered(await client.endShow(req.showId)),
    'links.create': (req) => client.createLink(req.showId),
    'links.revoke': (req) => client.revokeLink(req.linkId),
    'media.publish': (req) => client.publish(req.showId, req.sdp),
    'media.unpublish': async (req) => {
      await client.unpublish(req.sessionId);
      return {};
    },
    ...catalogHandlers(catalog, rundowns),
    ...showAdminHandlers(() => client, rundowns, commerce.shows),
    ...liveSellingHandlers(() => client),
    'shows.rehearse': async (req) => {
      const res = await client.rehearse(req.showId);
      commerce.shows.remember(res.show);
      await commerce.handoff.handOff(res.show.id);
      return res;
    },
    'stage.get': (req) => client.getStage(req.showId),
    // A card must never offer a product, price or coupon the relay does not know: re-send the catalog first if it changed.
    'cues.fire': async (req) => {
      await commerce.handoff.ensure(req.showId);
      return fireCue(req, catalog, client, assets);
    },
    ...commerceHandlers(commerce, () => client),
    'display.get': (req) => client.viewerDisplay(req.showId),
    'display.save': (req) => client.saveViewerDisplay(req.showId, req.display),
    ...clipHandlers(() => client),
    ...replayHandlers(() => client),
    ...obsHandlers(obs, { client: () => client, rundowns, startShow, emit }),
    ...chatHandlers(hostChat, () => client, async (showId) => (await commerce.shows.resolve(showId, () => client.listShows()))?.title ?? null),
  };

  return {
    async handle(channel, request): Promise<IpcResult> {
      if (!isIpcChannel(channel)) return { ok: false, error: { error: ERROR_CODES.badRequest, message: `unknown channel ${channel}` } };
      const parsed = ipcChannels[channel].request.safeParse(request);
      // A request the schema refuses carries its issues as data, so the renderer can say them in the seller's language.
      if (!parsed.success) return { ok: false, error: ipcErrorOf(StudioError.refuse(invalidInputRefusal(parsed.error))) };
      try {
        const run = handlers[channel] as (req: unknown) => Promise<unknown>;
        const data = await run(parsed.data);
        if (CATALOG_EDIT.test(channel)) commerce.refreshSoon();
        return { ok: true, data };
      } catch (e) {
        if (e instanceof StudioError) return { ok: false, error: ipcErrorOf(e) };
        return { ok: false, error: { error: ERROR_CODES.internal, message: (e as Error).message } };
      }
    },
    onEvent(listener: StudioEventListener) {
      bus.on('event', listener);
      queueMicrotask(() => {
        listener('relay.status', status);
        for (const [showId, count] of viewerCounts) listener('relay.viewers', { showId, count });
        for (const [showId, stage] of stages) listener('relay.stage', { showId, stage });
        for (const [showId, dashboard] of commerce.latestDashboards()) listener('relay.dashboard', { showId, dashboard });
        obs.replay(listener);
      });
      return () => bus.off('event', listener);
    },
    async close() {
      events?.close();
      await obs.close();
      commerce.close();
      db.close();
    },
  };
}

const mediaDownMessage =
  'The relay is up but its media server (Janus) is not. The relay restarts it by itself; if this lasts, restart the relay and check its log.';
