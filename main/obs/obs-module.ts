import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { IpcEvent, IpcEventPayload } from '../../common/ipc-contract.js';
import type { ObsScenes } from '../../common/obs.js';
import type { StudioEventListener } from '../studio-core-api.js';
import type { SecretStore } from '../store/secret-store.js';
import { ObsConnection, type ForwardedEvent, type ObsConnectionOptions } from './obs-connection.js';
import { ObsSceneControl } from './obs-scene-control.js';
import { ObsSettingsStore } from './obs-settings-store.js';
import { ObsStreamHealthMonitor } from './obs-stream-health-monitor.js';
import { ObsThumbnails } from './obs-thumbnails.js';

type Emit = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

const ItemChange = z.object({ sceneName: z.string(), sceneItemId: z.number().int(), sceneItemEnabled: z.boolean() });
const StreamChange = z.object({ outputActive: z.boolean(), outputState: z.string() });
const SCENE_EVENTS: ReadonlySet<ForwardedEvent> = new Set(['CurrentProgramSceneChanged', 'CurrentPreviewSceneChanged', 'SceneListChanged', 'StudioModeStateChanged']);

/** ws:// URL for a host the seller typed (IPv6 addresses in brackets). */
export const obsUrl = (host: string, port: number) => `ws://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;

/**
 * OBS mode in the studio core: one connection, its scene control, thumbnails and stream health,
 * and OBS's own changes pushed to the renderer as events (a scene switched in OBS shows at once).
 */
export class ObsModule {
  readonly connection: ObsConnection;
  readonly scenes: ObsSceneControl;
  readonly settings: ObsSettingsStore;
  readonly thumbnails: ObsThumbnails;
  readonly health: ObsStreamHealthMonitor;
  private lastScenes: ObsScenes | null = null;

  constructor(db: Database.Database, secrets: SecretStore, private readonly emit: Emit, opts: ObsConnectionOptions = {}) {
    this.connection = new ObsConnection(opts);
    this.scenes = new ObsSceneControl(this.connection);
    this.settings = new ObsSettingsStore(db, secrets);
    this.thumbnails = new ObsThumbnails(this.connection, this.scenes, (t) => emit('obs.thumbnail', t));
    this.health = new ObsStreamHealthMonitor(this.connection, (h) => emit('obs.health', h));

    this.connection.on('status', (s) => {
      emit('obs.status', s);
      if (s.state === 'connected') {
        this.health.start();
        void this.refreshScenes();
      } else {
        this.health.stop();
        if (s.state !== 'reconnecting') this.thumbnails.stop();
      }
    });
    this.connection.on('obsEvent', (type, data) => this.onObsEvent(type, data));
  }

  /** Reads OBS's scenes and pushes them (after a change in OBS, a reconnect, or a switch). */
  async refreshScenes(): Promise<ObsScenes> {
    const scenes = await this.scenes.scenes();
    this.lastScenes = scenes;
    this.emit('obs.scenes', scenes);
    return scenes;
  }

  /** What a renderer that (re)subscribes should see at once. */
  replay(listener: StudioEventListener): void {
    listener('obs.status', this.connection.status);
    if (this.lastScenes && this.connection.status.state === 'connected') listener('obs.scenes', this.lastScenes);
    if (this.health.latest) listener('obs.health', this.health.latest);
  }

  async close(): Promise<void> {
    this.thumbnails.stop();
    this.health.stop();
    await this.connection.disconnect();
  }

  private onObsEvent(type: ForwardedEvent, data: unknown): void {
    if (SCENE_EVENTS.has(type)) {
      void this.refreshScenes().catch(() => undefined);
      return;
    }
    if (type === 'SceneItemEnableStateChanged') {
      const item = ItemChange.safeParse(data);
      if (item.success) this.emit('obs.item', { sceneName: item.data.sceneName, sceneItemId: item.data.sceneItemId, enabled: item.data.sceneItemEnabled });
    } else if (type === 'StreamStateChanged') {
      const stream = StreamChange.safeParse(data);
      if (stream.success) this.emit('obs.stream', { active: stream.data.outputActive, state: stream.data.outputState });
      void this.health.read().catch(() => undefined);
    }
    // ExitStarted: OBS is closing; the socket drop that follows puts the connection into reconnecting.
  }
}
