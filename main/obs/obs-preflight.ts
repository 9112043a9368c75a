import { z } from 'zod';
import type { Preflight, PreflightCheck } from '../../common/obs.js';
import type { IngestStatus } from '../../common/protocol/ingest.js';
import type { Rundown } from '../../common/rundown.js';
import { StudioError } from '../../common/ipc-contract.js';
import { effectiveX264, LIVE_X264 } from '../../common/obs-encoder.js';
import type { ObsConnection } from './obs-connection.js';
import type { ObsSceneControl } from './obs-scene-control.js';

/** What viewers' players and a small seller's uplink carry well (docs/obs-studio.md). */
export const BITRATE_KBPS = { min: 1000, max: 6000 } as const;

export interface PreflightDeps {
  obs: ObsConnection;
  scenes: ObsSceneControl;
  rundown: Rundown | null;
  ingestStatus: () => Promise<IngestStatus>;
}

/**
 * The checklist before going live in OBS mode. What obs-websocket 5.1 exposes is read: the
 * profile's basic.ini through GetProfileParameter (output mode, Simple mode's bitrate, encoder,
 * "advanced encoder settings" switch and x264 options; common/obs-encoder.ts says why the switch
 * matters) and the canvas frame rate. Advanced mode keeps its encoder settings (keyframe interval, B-frames, bitrate) in
 * the profile folder's streamEncoder.json, which obs-websocket does not serve: those lines say
 * `unknown` and tell the seller where to look, rather than guess.
 */
export async function obsPreflight(d: PreflightDeps): Promise<Preflight> {
  const checks: PreflightCheck[] = [];
  const connected = d.obs.status.state === 'connected';
  checks.push({ id: 'obs-reachable', result: connected ? 'pass' : 'fail', detail: connected ? {} : { code: d.obs.status.error?.code ?? 'obs_not_connected' } });
  if (connected) {
    checks.push(await rundownCheck(d));
    checks.push(...(await outputChecks(d.obs)));
  }
  checks.push(await ingestCheck(d));
  return { checks, ready: checks.every((c) => c.result === 'pass' || c.result === 'unknown') };
}

async function rundownCheck(d: PreflightDeps): Promise<PreflightCheck> {
  if (!d.rundown) return { id: 'rundown-scenes', result: 'pass', detail: { named: 0 } };
  const { scenes } = await d.scenes.scenes();
  const missing = new Set<string>();
  let named = 0;
  const itemsOf = new Map<string, string[]>();
  for (const segment of d.rundown.segments) {
    for (const action of [...segment.obsActions, ...segment.cues.flatMap((c) => c.obsActions)]) {
      named++;
      if (!scenes.includes(action.sceneName)) {
        missing.add(action.sceneName);
        continue;
      }
      if (action.kind !== 'setItemVisible') continue;
      if (!itemsOf.has(action.sceneName)) itemsOf.set(action.sceneName, (await d.scenes.items(action.sceneName)).map((i) => i.sourceName));
      if (!itemsOf.get(action.sceneName)!.includes(action.sourceName)) missing.add(`${action.sceneName} › ${action.sourceName}`);
    }
  }
  return { id: 'rundown-scenes', result: missing.size ? 'warn' : 'pass', detail: { named, missing: [...missing] } };
}

async function outputChecks(obs: ObsConnection): Promise<PreflightCheck[]> {
  const param = (category: string, name: string) => profileParameter(obs, category, name);
  const mode = (await param('Output', 'Mode')) ?? 'Simple';
  if (mode !== 'Simple') {
    const detail = { mode };
    return [
      { id: 'keyframe-interval', result: 'unknown', detail },
      { id: 'b-frames', result: 'unknown', detail },
      { id: 'bitrate', result: 'unknown', detail },
    ];
  }
  const encoder = (await param('SimpleOutput', 'StreamEncoder')) ?? 'x264';
  const bitrate = Number((await param('SimpleOutput', 'VBitrate')) ?? '2500');
  const bitrateOk = bitrate >= BITRATE_KBPS.min && bitrate <= BITRATE_KBPS.max;
  const bitrateCheck: PreflightCheck = { id: 'bitrate', result: bitrateOk ? 'pass' : 'warn', detail: { kbps: bitrate, min: BITRATE_KBPS.min, max: BITRATE_KBPS.max } };
  if (encoder !== 'x264') {
    // Hardware encoders keep their GOP and B-frame choices where obs-websocket cannot read them.
    return [
      { id: 'keyframe-interval', result: 'unknown', detail: { encoder } },
      { id: 'b-frames', result: 'unknown', detail: { encoder } },
      bitrateCheck,
    ];
  }
  const advanced = (await param('SimpleOutput', 'UseAdvanced')) === 'true';
  const x264 = (await param('SimpleOutput', 'x264Settings')) ?? '';
  const fps = await obsFps(obs);
  const real = effectiveX264(advanced, x264);
  const seconds = Math.round((real.keyintFrames / fps) * 10) / 10;
  // "fixable": the studio's one-click fix (obs.fixEncoder) can set what is wrong here.
  const detail = { encoder, advanced: String(advanced), x264, fixable: 'simple-x264' };
  return [
    { id: 'keyframe-interval', result: seconds <= LIVE_X264.keyintSeconds ? 'pass' : 'fail', detail: { ...detail, seconds } },
    { id: 'b-frames', result: real.bframes === 0 ? 'pass' : 'fail', detail },
    bitrateCheck,
  ];
}

const Param = z.object({ parameterValue: z.string().nullable() });
const VideoSettings = z.object({ fpsNumerator: z.number().positive(), fpsDenominator: z.number().positive() });

export async function profileParameter(obs: ObsConnection, category: string, name: string): Promise<string | null> {
  return Param.parse(await obs.call('GetProfileParameter', { parameterCategory: category, parameterName: name })).parameterValue;
}

/** OBS's canvas frame rate (keyframe intervals are counted in frames). */
export async function obsFps(obs: ObsConnection): Promise<number> {
  const v = VideoSettings.parse(await obs.call('GetVideoSettings'));
  return v.fpsNumerator / v.fpsDenominator;
}

async function ingestCheck(d: PreflightDeps): Promise<PreflightCheck> {
  try {
    const status = await d.ingestStatus();
    return { id: 'relay-ingest', result: 'pass', detail: { state: status.state } };
  } catch (e) {
    return { id: 'relay-ingest', result: 'fail', detail: { code: e instanceof StudioError ? e.code : 'internal' } };
  }
}
