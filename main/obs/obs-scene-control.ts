import { z } from 'zod';
import { OBS_ERRORS, type ObsSceneItem, type ObsScenes } from '../../common/obs.js';
import { StudioError } from '../../common/ipc-contract.js';
import { ObsRequestError, type ObsConnection } from './obs-connection.js';

// OBS's answers are outside input: parse the parts the studio uses.
const SceneList = z.object({
  currentProgramSceneName: z.string().nullable().optional(),
  currentPreviewSceneName: z.string().nullable().optional(),
  scenes: z.array(z.object({ sceneName: z.string(), sceneIndex: z.number() })),
});
const SceneItems = z.array(z.object({ sceneItemId: z.number().int(), sourceName: z.string(), sceneItemEnabled: z.boolean() }));

/** OBS's request status for "no such scene / source / item" (RequestStatus.ResourceNotFound). */
const RESOURCE_NOT_FOUND = 600;
/** Reads of the preview (50 ms apart) before a studio-mode transition gives up. */
const PREVIEW_CHECKS = 20;

/**
 * Scenes and scene items through one ObsConnection: list them, switch the program (in studio mode:
 * set the preview, then transition, as the seller would in OBS), show and hide items. A name OBS
 * does not have is a clear `obs_missing_scene` / `obs_missing_item`, never a silent no-op.
 */
export class ObsSceneControl {
  constructor(private readonly obs: ObsConnection) {}

  async scenes(): Promise<ObsScenes> {
    const [list, mode] = await Promise.all([this.obs.call('GetSceneList'), this.obs.call('GetStudioModeEnabled')]);
    const parsed = SceneList.parse(list);
    // OBS numbers scenes from the bottom of its Scenes dock; show them top first, as the dock does.
    const scenes = [...parsed.scenes].sort((a, b) => b.sceneIndex - a.sceneIndex).map((s) => s.sceneName);
    return {
      scenes,
      program: parsed.currentProgramSceneName ?? null,
      preview: mode.studioModeEnabled ? (parsed.currentPreviewSceneName ?? null) : null,
      studioMode: mode.studioModeEnabled,
    };
  }

  async createScene(sceneName: string): Promise<void> {
    await this.obs.call('CreateScene', { sceneName });
  }

  /** Puts `sceneName` on program: directly, or in studio mode into preview and then through the transition. */
  async switchTo(sceneName: string): Promise<void> {
    const { scenes, studioMode } = await this.scenes();
    if (!scenes.includes(sceneName)) throw missingScene(sceneName);
    if (studioMode) {
      await this.obs.call('SetCurrentPreviewScene', { sceneName });
      // OBS applies the preview on its UI thread; transition only once it is the preview, or the
      // transition would put the old preview on air.
      for (let i = 0; i < PREVIEW_CHECKS; i++) {
        const { currentPreviewSceneName } = await this.obs.call('GetCurrentPreviewScene');
        if (currentPreviewSceneName === sceneName) break;
        if (i === PREVIEW_CHECKS - 1) throw new StudioError(OBS_ERRORS.requestFailed, `OBS did not put “${sceneName}” into preview.`);
        await new Promise((r) => setTimeout(r, 50));
      }
      await this.obs.call('TriggerStudioModeTransition');
    } else await this.obs.call('SetCurrentProgramScene', { sceneName });
  }

  async items(sceneName: string): Promise<ObsSceneItem[]> {
    const res = await this.obs.call('GetSceneItemList', { sceneName }).catch((e: unknown) => rethrowMissing(e, () => missingScene(sceneName)));
    return SceneItems.parse(res.sceneItems).map((i) => ({ sceneItemId: i.sceneItemId, sourceName: i.sourceName, enabled: i.sceneItemEnabled }));
  }

  async setItemVisible(sceneName: string, sourceName: string, visible: boolean): Promise<void> {
    const items = await this.items(sceneName);
    const item = items.find((i) => i.sourceName === sourceName);
    if (!item) throw new StudioError(OBS_ERRORS.missingItem, `Scene “${sceneName}” has no item “${sourceName}”.`);
    await this.obs.call('SetSceneItemEnabled', { sceneName, sceneItemId: item.sceneItemId, sceneItemEnabled: visible });
  }

  /** A small JPEG of a scene as a data URL (≈ 2–5 KB at 192 px wide). */
  async thumbnail(sceneName: string, width = 192): Promise<string> {
    const res = await this.obs.call('GetSourceScreenshot', { sourceName: sceneName, imageFormat: 'jpeg', imageWidth: width, imageCompressionQuality: 60 });
    return z.string().startsWith('data:image/').parse(res.imageData);
  }
}

export function missingScene(sceneName: string): StudioError {
  return new StudioError(OBS_ERRORS.missingScene, `OBS has no scene “${sceneName}” (renamed or deleted?).`);
}

function rethrowMissing(e: unknown, missing: () => StudioError): never {
  if (e instanceof ObsRequestError && e.obsStatus === RESOURCE_NOT_FOUND) throw missing();
  throw e;
}
