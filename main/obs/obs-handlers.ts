import type { Handlers } from '../handlers.js';
import type { RelayClient } from '../relay-client.js';
import type { RundownStore } from '../rundown/rundown-store.js';
import type { Show } from '../../common/show.js';
import type { IpcEvent, IpcEventPayload } from '../../common/ipc-contract.js';
import type { obsChannels } from '../../common/ipc-obs.js';
import { runObsActions } from './obs-action-runner.js';
import { endShowWithObs, goLiveWithObs } from './obs-go-live.js';
import { obsUrl, type ObsModule } from './obs-module.js';
import { obsPreflight } from './obs-preflight.js';
import { fixObsEncoder } from './obs-encoder-fix.js';

type ObsChannel = keyof typeof obsChannels;
type Emit = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => void;

export interface ObsHandlerDeps {
  client: () => RelayClient;
  rundowns: RundownStore;
  /** The studio's usual "start show" (catalog hand-off first), reused by Go live in OBS mode. */
  startShow: (showId: string) => Promise<Show>;
  emit: Emit;
}

/** The `obs.*` channels of the IPC contract. */
export function obsHandlers(obs: ObsModule, d: ObsHandlerDeps): Pick<Handlers, ObsChannel> {
  return {
    'obs.settings.get': async () => obs.settings.get(),
    'obs.connect': async (req) => {
      // A blank password field keeps the saved password (the seller enters it once).
      const password = req.password !== undefined && req.password !== '' ? req.password : obs.settings.password();
      const status = await obs.connection.connect({ url: obsUrl(req.host, req.port), password });
      obs.settings.save(req.host, req.port, req.password === '' ? undefined : req.password);
      return status;
    },
    'obs.disconnect': async () => {
      obs.thumbnails.stop();
      await obs.connection.disconnect();
      return obs.connection.status;
    },
    'obs.status': async () => obs.connection.status,
    'obs.scenes': () => obs.refreshScenes(),
    'obs.createScene': async (req) => {
      await obs.scenes.createScene(req.sceneName);
      return obs.refreshScenes();
    },
    'obs.switchScene': async (req) => {
      await obs.scenes.switchTo(req.sceneName);
      return obs.refreshScenes();
    },
    'obs.items': (req) => obs.scenes.items(req.sceneName),
    'obs.setItemVisible': async (req) => {
      await obs.scenes.setItemVisible(req.sceneName, req.sourceName, req.visible);
      return obs.scenes.items(req.sceneName);
    },
    'obs.thumbnails.watch': async (req) => {
      obs.thumbnails.watch(req.sceneNames);
      return {};
    },
    'obs.health': () => obs.health.read(),
    'obs.runActions': async (req) => {
      const results = await runObsActions(req.actions, obs.scenes);
      if (results.some((r) => !r.ok)) d.emit('obs.actionFailed', { label: req.label, results });
      return results;
    },
    'obs.preflight': async (req) =>
      obsPreflight({
        obs: obs.connection,
        scenes: obs.scenes,
        // Without an id, the show's own run-down (most recently edited first), so a room opened before
        // the run-down was written still checks it.
        rundown: req.rundownId ? d.rundowns.get(req.rundownId) : (d.rundowns.list().find((r) => r.showId === req.showId) ?? null),
        ingestStatus: () => d.client().ingestStatus(req.showId),
      }),
    'obs.fixEncoder': () => fixObsEncoder(obs.connection),
    'obs.goLive': (req) => goLiveWithObs(req.showId, obs.connection, d.client(), d.startShow),
    'obs.endShow': (req) => endShowWithObs(req.showId, obs.connection, d.client()),
  };
}
