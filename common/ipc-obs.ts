import { z } from 'zod';
import { Id } from './commerce/catalog.js';
import { ObsActionResult, ObsActions, ObsHost, ObsPort, ObsSceneItem, ObsScenes, ObsSettings, ObsStatus, ObsStreamHealth, ObsThumbnail, Preflight } from './obs.js';
import { IngestStatus } from './protocol/ingest.js';
import { Show } from './show.js';

/** OBS mode's part of the studio's IPC contract (spread into ipc-contract.ts); docs/obs-studio.md. */

const Empty = z.object({}).strict();
const ShowRef = z.object({ showId: z.string().min(1).max(64) }).strict();
const SceneName = z.string().trim().min(1).max(256);

export const obsChannels = {
  'obs.settings.get': { request: Empty, response: ObsSettings },
  /** Connects (saving address, port and password once it worked). An empty password field keeps the saved one. */
  'obs.connect': {
    request: z.object({ host: ObsHost, port: ObsPort, password: z.string().max(256).optional() }).strict(),
    response: ObsStatus,
  },
  'obs.disconnect': { request: Empty, response: ObsStatus },
  'obs.status': { request: Empty, response: ObsStatus },
  'obs.scenes': { request: Empty, response: ObsScenes },
  'obs.createScene': { request: z.object({ sceneName: SceneName }).strict(), response: ObsScenes },
  /** In studio mode: preview, then OBS's transition. */
  'obs.switchScene': { request: z.object({ sceneName: SceneName }).strict(), response: ObsScenes },
  'obs.items': { request: z.object({ sceneName: SceneName }).strict(), response: z.array(ObsSceneItem) },
  'obs.setItemVisible': { request: z.object({ sceneName: SceneName, sourceName: SceneName, visible: z.boolean() }).strict(), response: z.array(ObsSceneItem) },
  /** The scenes visible in the OBS panel: their thumbnails arrive as `obs.thumbnail` events (≤ 1 per scene per 2 s). */
  'obs.thumbnails.watch': { request: z.object({ sceneNames: z.array(SceneName).max(12) }).strict(), response: z.object({}) },
  'obs.health': { request: Empty, response: ObsStreamHealth },
  /** A cue's or segment's OBS actions; failures come back per action (and as an `obs.actionFailed` event). */
  'obs.runActions': { request: z.object({ actions: ObsActions, label: z.string().max(120) }).strict(), response: z.array(ObsActionResult) },
  /** The pre-flight's fix for Simple mode with x264: advanced encoder settings on, live x264 options (common/obs-encoder.ts). */
  'obs.fixEncoder': { request: Empty, response: z.object({ x264Settings: z.string() }) },
  'obs.preflight': { request: z.object({ showId: ShowRef.shape.showId, rundownId: Id.nullable() }).strict(), response: Preflight },
  /** Go live in OBS mode: stream key from the relay → OBS's stream settings → start the show → OBS starts streaming. */
  'obs.goLive': { request: ShowRef, response: Show },
  /** OBS stops streaming, then the show ends (the relay revokes the key). */
  'obs.endShow': { request: ShowRef, response: Show },
} as const;

export const obsEvents = {
  'obs.status': ObsStatus,
  'obs.scenes': ObsScenes,
  'obs.item': z.object({ sceneName: z.string(), sceneItemId: z.number().int(), enabled: z.boolean() }),
  'obs.thumbnail': ObsThumbnail,
  'obs.health': ObsStreamHealth,
  'obs.actionFailed': z.object({ label: z.string(), results: z.array(ObsActionResult) }),
  /** OBS's stream output started, stopped or is reconnecting (StreamStateChanged). */
  'obs.stream': z.object({ active: z.boolean(), state: z.string() }),
  'relay.ingest': z.object({ showId: z.string(), status: IngestStatus }),
} as const;
