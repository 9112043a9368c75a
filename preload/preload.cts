/**
 * The studio's preload: exposes exactly the typed IPC contract as `window.studioTransport`, nothing generic.
 *
 * Why a self-contained `.cts` file: a sandboxed preload is evaluated by Electron as a CommonJS
 * function body in which only `require('electron')` works — ESM syntax and imports of other project
 * files fail. `.cts` makes tsc emit CommonJS (`dist/electron/preload/preload.cjs`) even though the
 * package is `"type": "module"`; a `.ts` file here would be emitted as ESM (`export {}`) and break.
 * Only types are imported from common/ (erased at build time); the channel and event lists are
 * duplicated as literal records whose type, `Record<IpcChannel, true>`, makes `tsc` fail as soon as
 * they drift from the contract. A bundler would also work but adds a build step for ~10 lines.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { IpcChannel, IpcEvent, StudioTransport } from '../common/ipc-contract.js';

const CHANNELS: Readonly<Record<IpcChannel, true>> = {
  'settings.get': true,
  'settings.connect': true,
  'relay.status': true,
  'shows.list': true,
  'shows.create': true,
  'shows.links': true,
  'shows.start': true,
  'shows.end': true,
  'shows.rename': true,
  'shows.delete': true,
  'shows.copy': true,
  'links.create': true,
  'links.revoke': true,
  'media.publish': true,
  'media.unpublish': true,
  'products.list': true,
  'products.save': true,
  'products.delete': true,
  'products.importCsv': true,
  'images.add': true,
  'images.get': true,
  'coupons.list': true,
  'coupons.save': true,
  'coupons.delete': true,
  'quizzes.list': true,
  'quizzes.save': true,
  'quizzes.delete': true,
  'polls.list': true,
  'polls.save': true,
  'polls.delete': true,
  'rundowns.list': true,
  'rundowns.save': true,
  'rundowns.duplicate': true,
  'rundowns.delete': true,
  'shows.rehearse': true,
  'stage.get': true,
  'cues.fire': true,
  'payment.get': true,
  'payment.save': true,
  'live.stock': true,
  'live.adjustStock': true,
  'live.startSpecial': true,
  'live.endSpecial': true,
  'live.specials': true,
  'live.restockDemand': true,
  'store.profile.get': true,
  'store.profile.save': true,
  'segments.enter': true,
  'orders.list': true,
  'orders.markPaid': true,
  'orders.markShipped': true,
  'orders.shipCsv': true,
  'orders.cancel': true,
  'orders.refund': true,
  'orders.eraseBuyer': true,
  'orders.exportCsv': true,
  'orders.clusters': true,
  'orders.cancelMany': true,
  'dashboard.get': true,
  'report.get': true,
  'report.exportCsv': true,
  'chat.view': true,
  'chat.post': true,
  'chat.act': true,
  'chat.settings': true,
  'chat.moderation': true,
  'chat.exportCsv': true,
  'chat.moderators.list': true,
  'chat.moderators.create': true,
  'chat.moderators.revoke': true,
  'chat.hostSettings.get': true,
  'chat.hostSettings.save': true,
  'display.get': true,
  'display.save': true,
  'obs.settings.get': true,
  'obs.connect': true,
  'obs.disconnect': true,
  'obs.status': true,
  'obs.scenes': true,
  'obs.createScene': true,
  'obs.switchScene': true,
  'obs.items': true,
  'obs.setItemVisible': true,
  'obs.thumbnails.watch': true,
  'obs.health': true,
  'obs.runActions': true,
  'obs.fixEncoder': true,
  'obs.preflight': true,
  'obs.goLive': true,
  'obs.endShow': true,
  'clips.list': true,
  'clips.cut': true,
  'clips.delete': true,
  'clips.thumbnail': true,
  'replays.get': true,
  'replays.setRecord': true,
  'replays.process': true,
  'replays.remakeRendition': true,
  'replays.delete': true,
  'replays.deleteRaw': true,
  'replays.disk': true,
};

const EVENTS: Readonly<Record<IpcEvent, true>> = {
  'relay.viewers': true,
  'relay.show': true,
  'relay.status': true,
  'relay.publisherLost': true,
  'relay.stage': true,
  'relay.order': true,
  'relay.stock': true,
  'relay.dashboard': true,
  'relay.chat': true,
  'relay.chatState': true,
  'obs.status': true,
  'obs.scenes': true,
  'obs.item': true,
  'obs.thumbnail': true,
  'obs.health': true,
  'obs.actionFailed': true,
  'obs.stream': true,
  'relay.ingest': true,
};

const EVENT_CHANNEL = 'studio:event';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// One ipcRenderer listener fans out to page listeners: no EventEmitter leak warnings, and the
// IpcRendererEvent (which carries `sender`, i.e. ipcRenderer) never reaches the page.
const listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();

ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, message: unknown) => {
  if (!isRecord(message) || typeof message.event !== 'string' || !Object.hasOwn(EVENTS, message.event)) return;
  for (const listener of listeners.get(message.event as IpcEvent) ?? []) {
    try {
      listener(message.payload);
    } catch (error) {
      console.error('studio event listener failed', error);
    }
  }
});

// Results go to the page untouched (plain data survives contextBridge; Error fields would not);
// the renderer's bridge validates them and raises StudioErrors with their codes.
const transport: StudioTransport = {
  invoke(channel: IpcChannel, request: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !Object.hasOwn(CHANNELS, channel)) {
      return Promise.resolve({ ok: false, error: { error: 'bad_request', message: `Unknown studio channel: ${String(channel)}` } });
    }
    return ipcRenderer.invoke(`studio:${channel}`, request);
  },

  on(event: IpcEvent, listener: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || !Object.hasOwn(EVENTS, event) || typeof listener !== 'function') return () => undefined;
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = (payload: unknown) => listener(payload);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('studioTransport', transport);
