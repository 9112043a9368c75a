import { OBSWebSocket } from 'obs-websocket-js/json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBS_ERRORS, type ObsStatus } from '../../common/obs.js';
import { StudioError } from '../../common/ipc-contract.js';
import { ObsConnection, type ForwardedEvent } from '../../main/obs/obs-connection.js';
import { ObsSceneControl } from '../../main/obs/obs-scene-control.js';
import { freePort } from '../helpers/processes.js';
import { waitUntil } from '../helpers/media-pages.js';
import { createTopology, type Topology } from '../helpers/netns.js';
import { startFakeObsKicking } from '../helpers/fake-obs-v4.js';
import { startFakeObsWebsocketV4, startObs, type RunningObs } from '../helpers/obs.js';

/** The studio core's OBS bridge against Debian's real OBS (in a namespace, reached through a Unix socket). */
let topology: Topology;
let obs: RunningObs;

beforeAll(async () => {
  topology = createTopology();
  obs = await startObs({ topology, side: 'client' });
}, 90_000);

afterAll(async () => {
  await obs?.stop();
  topology?.destroy();
});

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e instanceof StudioError ? e.code : `not a StudioError: ${String(e)}`;
  }
  return 'resolved';
};

function nextStatus(conn: ObsConnection, want: (s: ObsStatus) => boolean): Promise<ObsStatus> {
  return new Promise((resolve) => {
    const on = (s: ObsStatus) => {
      if (want(s)) {
        conn.off('status', on);
        resolve(s);
      }
    };
    conn.on('status', on);
  });
}

describe('OBS bridge (real OBS 29 / obs-websocket 5.1)', () => {
  it('connects with the password and reports OBS and obs-websocket versions', async () => {
    const conn = new ObsConnection();
    const status = await conn.connect({ url: obs.socketUrl, password: obs.password });
    expect(status.state).toBe('connected');
    expect(status.websocketVersion).toMatch(/^5\./);
    await conn.disconnect();
    expect(conn.status.state).toBe('disconnected');
  });

  it('a wrong password fails as obs_auth_failed (4009) and is not retried', async () => {
    const conn = new ObsConnection();
    expect(await codeOf(conn.connect({ url: obs.socketUrl, password: 'not-the-password' }))).toBe(OBS_ERRORS.authFailed);
    expect(conn.status).toMatchObject({ state: 'failed', error: { code: OBS_ERRORS.authFailed } });
  });

  it('nothing listening → obs_unreachable', async () => {
    const conn = new ObsConnection();
    const port = await freePort();
    expect(await codeOf(conn.connect({ url: `ws://127.0.0.1:${port}`, password: 'x' }))).toBe(OBS_ERRORS.unreachable);
  });

  it('an obs-websocket 4 server (fake stand-in) → obs_v4_server', async () => {
    const v4 = await startFakeObsWebsocketV4();
    try {
      const conn = new ObsConnection();
      expect(await codeOf(conn.connect({ url: v4.url, password: 'x' }))).toBe(OBS_ERRORS.v4Server);
    } finally {
      await v4.close();
    }
  });

  it('requests before connecting are refused at once, not left hanging', async () => {
    const conn = new ObsConnection();
    expect(await codeOf(conn.call('GetSceneList'))).toBe(OBS_ERRORS.notConnected);
  });

  it('lists, creates and switches scenes; a missing scene is obs_missing_scene', async () => {
    const conn = new ObsConnection();
    await conn.connect({ url: obs.socketUrl, password: obs.password });
    const scenes = new ObsSceneControl(conn);
    await scenes.createScene('상품 클로즈업');
    const list = await scenes.scenes();
    expect(list.scenes).toEqual(expect.arrayContaining(['Scene', '상품 클로즈업']));
    await scenes.switchTo('상품 클로즈업');
    expect((await scenes.scenes()).program).toBe('상품 클로즈업');
    expect(await codeOf(scenes.switchTo('없는 장면'))).toBe(OBS_ERRORS.missingScene);
    expect(await codeOf(scenes.items('없는 장면'))).toBe(OBS_ERRORS.missingScene);
    const jpeg = await scenes.thumbnail('상품 클로즈업');
    expect(jpeg.startsWith('data:image/jpeg;base64,')).toBe(true);
    await conn.disconnect();
  });

  it('studio mode: the preview is reported, and a switch goes to preview then through the transition to program', async () => {
    const conn = new ObsConnection();
    await conn.connect({ url: obs.socketUrl, password: obs.password });
    const scenes = new ObsSceneControl(conn);
    await scenes.createScene('스튜디오 모드');
    await scenes.switchTo('Scene');
    const enabled = new Promise<void>((resolve) =>
      conn.on('obsEvent', (type) => {
        if (type === 'StudioModeStateChanged') resolve();
      }),
    );
    await conn.call('SetStudioModeEnabled', { studioModeEnabled: true });
    await enabled;
    try {
      expect((await scenes.scenes()).studioMode).toBe(true);
      await scenes.switchTo('스튜디오 모드');
      // The transition takes its duration (300 ms fade by default); OBS then reports the new program.
      await waitUntil('program after the transition', async () => ((await scenes.scenes()).program === '스튜디오 모드' ? true : null), 10_000);
      const after = await scenes.scenes();
      expect(after.preview).not.toBeNull();
    } finally {
      await conn.call('SetStudioModeEnabled', { studioModeEnabled: false });
      await conn.disconnect();
    }
  });

  it('a change made directly in OBS (another obs-websocket client) arrives as an event', async () => {
    const conn = new ObsConnection();
    await conn.connect({ url: obs.socketUrl, password: obs.password });
    const scenes = new ObsSceneControl(conn);
    await scenes.createScene('Other client');
    await scenes.switchTo('Scene');
    const seen = new Promise<unknown>((resolve) =>
      conn.on('obsEvent', (type: ForwardedEvent, data) => {
        if (type === 'CurrentProgramSceneChanged') resolve(data);
      }),
    );
    const other = new OBSWebSocket();
    await other.connect(obs.socketUrl, obs.password);
    await other.call('SetCurrentProgramScene', { sceneName: 'Other client' });
    expect(await seen).toMatchObject({ sceneName: 'Other client' });
    await other.disconnect();
    await conn.disconnect();
  });

  it('OBS killed: a waiting request rejects with obs_closed, then the bridge reconnects with backoff when OBS is back', async () => {
    const conn = new ObsConnection({ backoffMs: (n) => Math.min(2000, 250 * 2 ** (n - 1)), requestTimeoutMs: 60_000 });
    await conn.connect({ url: obs.socketUrl, password: obs.password });
    // A frozen OBS holds the request unanswered, so the kill drops the socket mid-request.
    await obs.freeze();
    const pending = conn.call('GetSceneList');
    const attempts: number[] = [];
    conn.on('status', (s) => {
      if (s.state === 'reconnecting') attempts.push(s.attempt);
    });
    await obs.kill();
    expect(await codeOf(pending)).toBe(OBS_ERRORS.closed);
    await nextStatus(conn, (s) => s.state === 'reconnecting' && s.attempt >= 3);
    expect(attempts.slice(0, 3)).toEqual([1, 2, 3]);
    // Listening before the restart: the bridge may reconnect before restart() has seen OBS's "started" line.
    const back = nextStatus(conn, (s) => s.state === 'connected');
    await obs.restart();
    await back;
    expect((await new ObsSceneControl(conn).scenes()).scenes.length).toBeGreaterThan(0);
    await conn.disconnect();
  });

  it('a request whose answer never comes rejects with obs_timeout', async () => {
    const conn = new ObsConnection({ requestTimeoutMs: 300 });
    await conn.connect({ url: obs.socketUrl, password: obs.password });
    await obs.freeze();
    try {
      expect(await codeOf(conn.call('GetSceneList'))).toBe(OBS_ERRORS.timeout);
    } finally {
      obs.thaw();
    }
    // The session survives a slow answer: the next request works.
    expect((await conn.call('GetVersion')).obsWebSocketVersion).toMatch(/^5\./);
    await conn.disconnect();
  });

  it('an OBS that identifies and then answers nothing (fake stand-in for one still starting) still ends the handshake, as connected', async () => {
    const fake = await startFakeObsKicking({ answerRequests: false });
    try {
      const conn = new ObsConnection({ connectTimeoutMs: 300 });
      const status = await conn.connect({ url: fake.url, password: null });
      expect(status.state).toBe('connected');
      expect(status.obsVersion).toBeNull();
      await conn.disconnect();
    } finally {
      await fake.close();
    }
  });

  it('kicked (4011 SessionInvalidated, fake stand-in for OBS\'s Kick button) → obs_kicked and no reconnect', async () => {
    const fake = await startFakeObsKicking();
    try {
      const conn = new ObsConnection({ backoffMs: () => 50 });
      await conn.connect({ url: fake.url, password: null });
      const failed = nextStatus(conn, (s) => s.state !== 'connected');
      fake.kick();
      expect(await failed).toMatchObject({ state: 'failed', error: { code: OBS_ERRORS.kicked } });
      // A retry would have reconnected within 50 ms; give it ten times that.
      await new Promise((r) => setTimeout(r, 500));
      expect(fake.connections()).toBe(1);
      expect(conn.status.state).toBe('failed');
    } finally {
      await fake.close();
    }
  });
});
