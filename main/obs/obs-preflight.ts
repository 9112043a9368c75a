import { z } from 'zod';
import type { Preflight, PreflightCheck } from '../../common/obs.js';
import type { IngestStatus } from '../../common/protocol/ingest.js';
import type { Rundown } from '../../common/rundown.js';
import { StudioError } from '../../common/ipc-contract.js';
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

const Param = z.object({ parameterValue: z.string().nullable() });

/**
 * The checklist before going live in OBS mode. What obs-websocket 5.1 exposes is read: the
 * profile's basic.ini through GetProfileParameter (output mode, Simple mode's bitrate, encoder and
 * x264 options). Advanced mode keeps its encoder settings (keyframe interval, B-frames, bitrate) in
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
  const param = async (category: string, name: string) => Param.parse(await obs.call('GetProfileParameter', { parameterCategory: category, parameterName: name })).parameterValue;
  const mode = (await param('Output', 'Mode')) ?? 'Simple';
  if (mode !== 'Simple') {
    const detail = { mode };
    return [
      { id: 'keyframe-interval', result: 'unknown', detail },
      { id: 'b-frames', result: 'unknown', detail },
      { id: 'bitrate', result: 'unknown', detail },
    ];
  }
  // Simple mode streams with a fixed 2 s keyframe interval (OBS sets keyint_sec = 2 there).
  const encoder = (await param('SimpleOutput', 'StreamEncoder')) ?? 'x264';
  const x264 = (await param('SimpleOutput', 'x264Settings')) ?? '';
  const bitrate = Number((await param('SimpleOutput', 'VBitrate')) ?? '2500');
  const noBFrames = /(^|\s|:)bframes=0(\s|:|$)/.test(x264);
  const bFrames: PreflightCheck = encoder === 'x264' ? { id: 'b-frames', result: noBFrames ? 'pass' : 'fail', detail: { encoder, x264 } } : { id: 'b-frames', result: 'unknown', detail: { encoder } };
  const bitrateOk = bitrate >= BITRATE_KBPS.min && bitrate <= BITRATE_KBPS.max;
  return [
    { id: 'keyframe-interval', result: 'pass', detail: { mode, seconds: 2 } },
    bFrames,
    { id: 'bitrate', result: bitrateOk ? 'pass' : 'warn', detail: { kbps: bitrate, min: BITRATE_KBPS.min, max: BITRATE_KBPS.max } },
  ];
}

async function ingestCheck(d: PreflightDeps): Promise<PreflightCheck> {
  try {
    const status = await d.ingestStatus();
    return { id: 'relay-ingest', result: 'pass', detail: { state: status.state } };
  } catch (e) {
    return { id: 'relay-ingest', result: 'fail', detail: { code: e instanceof StudioError ? e.code : 'internal' } };
  }
}
