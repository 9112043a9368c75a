import { StudioError } from '../../common/ipc-contract.js';
import { OBS_ERRORS } from '../../common/obs.js';
import { liveX264Options } from '../../common/obs-encoder.js';
import type { ObsConnection } from './obs-connection.js';
import { obsFps, profileParameter } from './obs-preflight.js';

/**
 * The pre-flight's one-click fix for Simple output mode with x264: turns on "Enable Advanced Encoder
 * Settings" and writes the live x264 options into its field, keeping the seller's other options.
 * OBS applies encoder settings when its output starts, so this is refused while OBS streams (a
 * change then would silently wait for the next start). Advanced output mode keeps its encoder in a
 * file obs-websocket does not serve: refused with what to set by hand.
 */
export async function fixObsEncoder(obs: ObsConnection): Promise<{ x264Settings: string }> {
  const mode = (await profileParameter(obs, 'Output', 'Mode')) ?? 'Simple';
  const encoder = (await profileParameter(obs, 'SimpleOutput', 'StreamEncoder')) ?? 'x264';
  if (mode !== 'Simple' || encoder !== 'x264') throw new StudioError(OBS_ERRORS.encoderNotFixable, `OBS's ${mode} output mode with encoder ${encoder}: set the keyframe interval and B-frames in OBS's settings.`);
  const stream = (await obs.call('GetStreamStatus')) as { outputActive?: unknown };
  if (stream.outputActive === true) throw new StudioError(OBS_ERRORS.streaming, 'OBS is streaming: encoder settings change only when its output starts again.');
  const x264Settings = liveX264Options((await profileParameter(obs, 'SimpleOutput', 'x264Settings')) ?? '', await obsFps(obs));
  await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'UseAdvanced', parameterValue: 'true' });
  await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'x264Settings', parameterValue: x264Settings });
  return { x264Settings };
}
