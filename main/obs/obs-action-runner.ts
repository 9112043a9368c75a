import type { ObsAction, ObsActionResult } from '../../common/obs.js';
import { StudioError } from '../../common/ipc-contract.js';
import { OBS_ERRORS } from '../../common/obs.js';
import type { ObsSceneControl } from './obs-scene-control.js';

/**
 * Runs a cue's or segment's OBS actions in order. Each action stands alone: a scene that was
 * renamed in OBS fails its own action (with obs_missing_scene) and the others still run; every
 * failure is in the results, which the studio shows — never dropped.
 */
export async function runObsActions(actions: readonly ObsAction[], scenes: ObsSceneControl): Promise<ObsActionResult[]> {
  const results: ObsActionResult[] = [];
  for (const action of actions) {
    try {
      if (action.kind === 'switchScene') await scenes.switchTo(action.sceneName);
      else await scenes.setItemVisible(action.sceneName, action.sourceName, action.visible);
      results.push({ action, ok: true, error: null });
    } catch (e) {
      const error = e instanceof StudioError ? e : new StudioError(OBS_ERRORS.requestFailed, (e as Error).message);
      results.push({ action, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return results;
}
