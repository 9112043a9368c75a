import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBS_ERRORS, type Preflight } from '../../common/obs.js';
import type { Rundown } from '../../common/rundown.js';
import { ObsConnection } from '../../main/obs/obs-connection.js';
import { runObsActions } from '../../main/obs/obs-action-runner.js';
import { endShowWithObs, goLiveWithObs } from '../../main/obs/obs-go-live.js';
import { obsPreflight, profileParameter } from '../../main/obs/obs-preflight.js';
import { fixObsEncoder } from '../../main/obs/obs-encoder-fix.js';
import { ObsSceneControl } from '../../main/obs/obs-scene-control.js';
import { RelayClient } from '../../main/relay-client.js';
import { fakeShow, startFakeRelay, type FakeRelay } from '../../main/testing/fake-relay.js';
import { createTopology, type Topology } from '../helpers/netns.js';
import { startObs, startRtmpListener, type RunningObs } from '../helpers/obs.js';
import { waitUntil } from '../helpers/media-pages.js';

/** Run-down OBS actions, the pre-flight and Go live in OBS mode against Debian's real OBS. */
let topology: Topology;
let obs: RunningObs;
let conn: ObsConnection;
let scenes: ObsSceneControl;
let relay: FakeRelay;

beforeAll(async () => {
  topology = createTopology();
  obs = await startObs({ topology, side: 'client' });
  conn = new ObsConnection();
  await conn.connect({ url: obs.socketUrl, password: obs.password });
  scenes = new ObsSceneControl(conn);
  await scenes.createScene('상품 클로즈업');
  // A color source stands in for a lower third or logo (Debian's OBS has no browser source).
  await conn.call('CreateInput', { sceneName: '상품 클로즈업', inputName: '로고', inputKind: 'color_source_v3', inputSettings: { width: 200, height: 80 }, sceneItemEnabled: false });
  relay = await startFakeRelay();
}, 90_000);

afterAll(async () => {
  await conn?.disconnect();
  await relay?.close();
  await obs?.stop();
  topology?.destroy();
});

const rundown = (sceneName: string, sourceName: string): Rundown => ({
  id: 'r1',
  name: '금요 라이브',
  showId: 'show1',
  updatedAt: '',
  segments: [
    {
      id: 's1',
      title: '오프닝',
      plannedSec: 60,
      talkingPoints: '',
      featuredProductIds: [],
      obsActions: [{ kind: 'switchScene', sceneName: 'Scene' }],
      cues: [{ id: 'c1', label: '니트', action: { kind: 'close', target: 'cards' }, trigger: { type: 'manual' }, obsActions: [{ kind: 'switchScene', sceneName }, { kind: 'setItemVisible', sceneName, sourceName, visible: true }] }],
    },
  ],
});

describe('run-down OBS actions and the pre-flight (real OBS)', () => {
  it("a cue's OBS actions switch the program scene and show the item", async () => {
    await scenes.switchTo('Scene');
    const cue = rundown('상품 클로즈업', '로고').segments[0]!.cues[0]!;
    const results = await runObsActions(cue.obsActions, scenes);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect((await scenes.scenes()).program).toBe('상품 클로즈업');
    expect((await scenes.items('상품 클로즈업')).find((i) => i.sourceName === '로고')?.enabled).toBe(true);
    await runObsActions([{ kind: 'setItemVisible', sceneName: '상품 클로즈업', sourceName: '로고', visible: false }], scenes);
    expect((await scenes.items('상품 클로즈업')).find((i) => i.sourceName === '로고')?.enabled).toBe(false);
  });

  it('a scene or item that no longer exists: a pre-flight warning naming it, and a visible error per action when fired', async () => {
    const r = rundown('지워진 장면', '로고');
    r.segments[0]!.cues.push({ id: 'c2', label: '', action: { kind: 'close', target: 'coupon' }, trigger: { type: 'manual' }, obsActions: [{ kind: 'setItemVisible', sceneName: 'Scene', sourceName: '없는 로고', visible: true }] });
    const pre = await obsPreflight({ obs: conn, scenes, rundown: r, ingestStatus: () => new RelayClient(relay.url, relay.key).ingestStatus('show1') });
    expect(pre.checks.find((c) => c.id === 'rundown-scenes')).toMatchObject({ result: 'warn', detail: { missing: ['지워진 장면', 'Scene › 없는 로고'] } });
    const fired = await runObsActions(r.segments[0]!.cues[0]!.obsActions, scenes);
    expect(fired.map((x) => x.error?.code)).toEqual([OBS_ERRORS.missingScene, OBS_ERRORS.missingScene]);
    const item = await runObsActions(r.segments[0]!.cues[1]!.obsActions, scenes);
    expect(item[0]).toMatchObject({ ok: false, error: { code: OBS_ERRORS.missingItem } });
  });

  it("reads Simple mode's output settings as x264 really runs them; the one-click fix makes both encoder lines pass", async () => {
    relay.shows.set('show1', fakeShow('show1'));
    const ingestStatus = () => new RelayClient(relay.url, relay.key).ingestStatus('show1');
    const preflight = () => obsPreflight({ obs: conn, scenes, rundown: null, ingestStatus });
    const byId = (p: Preflight) => Object.fromEntries(p.checks.map((c) => [c.id, c.result]));
    const before = await preflight();
    // A fresh OBS: x264 defaults (B-frames, a keyframe every 250 frames = 8.3 s at 30 fps).
    expect(byId(before)).toEqual({ 'obs-reachable': 'pass', 'rundown-scenes': 'pass', 'keyframe-interval': 'fail', 'b-frames': 'fail', bitrate: 'pass', 'relay-ingest': 'pass' });
    expect(before.checks.find((c) => c.id === 'keyframe-interval')?.detail).toMatchObject({ seconds: 8.3, advanced: 'false', fixable: 'simple-x264' });
    expect(before.ready).toBe(false);
    // The options field alone is ignored by OBS 29 while "advanced encoder settings" is off.
    await conn.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'x264Settings', parameterValue: 'bframes=0 threads=2' });
    expect(byId(await preflight())['b-frames']).toBe('fail');

    const fixed = await fixObsEncoder(conn);
    expect(fixed.x264Settings).toBe('bframes=0 threads=2 keyint=60 tune=zerolatency');
    expect(await profileParameter(conn, 'SimpleOutput', 'UseAdvanced')).toBe('true');
    expect(await profileParameter(conn, 'SimpleOutput', 'x264Settings')).toBe(fixed.x264Settings);
    const after = await preflight();
    expect(byId(after)).toMatchObject({ 'keyframe-interval': 'pass', 'b-frames': 'pass' });
    expect(after.checks.find((c) => c.id === 'keyframe-interval')?.detail).toMatchObject({ seconds: 2 });
    expect(after.ready).toBe(true);
    // A keyframe interval set by hand beyond 2 s fails again.
    await conn.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'x264Settings', parameterValue: 'bframes=0 keyint=300' });
    expect(byId(await preflight())['keyframe-interval']).toBe('fail');
    await fixObsEncoder(conn);
  });

  it('the encoder fix refuses Advanced output mode, saying what to set by hand; nothing is written', async () => {
    await conn.call('SetProfileParameter', { parameterCategory: 'Output', parameterName: 'Mode', parameterValue: 'Advanced' });
    try {
      await expect(fixObsEncoder(conn)).rejects.toMatchObject({ code: OBS_ERRORS.encoderNotFixable });
      const pre = await obsPreflight({ obs: conn, scenes, rundown: null, ingestStatus: () => new RelayClient(relay.url, relay.key).ingestStatus('show1') });
      expect(pre.checks.filter((c) => c.id === 'keyframe-interval' || c.id === 'b-frames').map((c) => c.result)).toEqual(['unknown', 'unknown']);
    } finally {
      await conn.call('SetProfileParameter', { parameterCategory: 'Output', parameterName: 'Mode', parameterValue: 'Simple' });
    }
  });

  it('relay without the ingest (unknown show / no route) → the ingest line fails', async () => {
    const pre = await obsPreflight({ obs: conn, scenes, rundown: null, ingestStatus: () => new RelayClient(relay.url, relay.key).ingestStatus('no-such-show') });
    expect(pre.checks.find((c) => c.id === 'relay-ingest')).toMatchObject({ result: 'fail', detail: { code: 'not_found' } });
  });

  it('Go live hands OBS the show’s server and key and starts its output; a stopped output restarts on the same key; End show stops it and the key is revoked', async () => {
    relay.shows.set('show2', fakeShow('show2'));
    // OBS 29.0.2 segfaults when a stream to a refused RTMP address is stopped and started quickly,
    // so an ffmpeg RTMP listener in OBS's namespace stands in for the relay's ingest (another branch).
    const streamKey = 'a3f1c0de5eed00000000000000000001';
    relay.ingest.keys.set('show2', { showId: 'show2', rtmpServer: 'rtmp://127.0.0.1:1935/live', streamKey, srtUrl: null, whipUrl: 'http://127.0.0.1/whip', whipBearer: streamKey, createdAt: 0 });
    const listen = () => startRtmpListener(topology, 'client', streamKey);
    const streaming = (what: string) => waitUntil(what, async () => ((await conn.call('GetStreamStatus')).outputBytes > 0 ? true : null), 30_000);
    const client = new RelayClient(relay.url, relay.key);
    let ingest = await listen();
    const show = await goLiveWithObs('show2', conn, client, (id) => client.startShow(id));
    expect(show.status).toBe('live');
    expect(await conn.call('GetStreamServiceSettings')).toMatchObject({ streamServiceType: 'rtmp_custom', streamServiceSettings: { server: 'rtmp://127.0.0.1:1935/live', key: streamKey } });
    await streaming('OBS streaming');
    // Encoder settings change only when the output starts: the fix is refused while OBS streams.
    await expect(fixObsEncoder(conn)).rejects.toMatchObject({ code: OBS_ERRORS.streaming });

    // OBS's output stopped mid-show: the same call restarts it on the same key without restarting the show.
    await conn.call('StopStream');
    await new Promise((r) => (ingest.exitCode !== null ? r(null) : ingest.once('exit', r)));
    ingest = await listen();
    const again = await goLiveWithObs('show2', conn, client, () => Promise.reject(new Error('a live show must not start again')));
    expect(again.status).toBe('live');
    await streaming('OBS streaming again');

    const ended = await endShowWithObs('show2', conn, client);
    expect(ended.status).toBe('ended');
    // StopStream returns at once; OBS flushes and stops its output just after.
    await waitUntil('OBS output stopped', async () => ((await conn.call('GetStreamStatus')).outputActive ? null : true), 30_000);
    expect(relay.ingest.keys.has('show2')).toBe(false);
    // A key is never issued again for an ended show.
    await expect(client.createIngestKey('show2')).rejects.toMatchObject({ code: 'conflict' });
    ingest.kill('SIGKILL');
  });
});
