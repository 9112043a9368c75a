import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObsStreamHealth } from '../../common/obs.js';
import { ObsConnection } from '../../main/obs/obs-connection.js';
import { ObsStreamHealthMonitor } from '../../main/obs/obs-stream-health-monitor.js';
import { waitUntil } from '../helpers/media-pages.js';
import { createTopology, type Topology } from '../helpers/netns.js';
import { startObs, startRtmpListener, type RunningObs } from '../helpers/obs.js';

/**
 * OBS's stream health as the studio reads it, with OBS really streaming: an ffmpeg RTMP listener
 * in OBS's namespace stands in for the relay's ingest (which is another branch's work).
 */
let topology: Topology;
let obs: RunningObs;
let conn: ObsConnection;
let rtmp: ChildProcess | null = null;


beforeAll(async () => {
  topology = createTopology();
  obs = await startObs({ topology, side: 'client' });
  conn = new ObsConnection();
  await conn.connect({ url: obs.socketUrl, password: obs.password });
  // A colour card so the encoder has a picture; 1 s reconnect delay so the drop shows quickly.
  await conn.call('CreateInput', { sceneName: 'Scene', inputName: 'card', inputKind: 'color_source_v3', inputSettings: { color: 0xff3399ff, width: 1280, height: 720 } });
  await conn.call('SetProfileParameter', { parameterCategory: 'Output', parameterName: 'RetryDelay', parameterValue: '1' });
  await conn.call('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: 'rtmp://127.0.0.1:1935/live', key: 'studio-test-key' } });
}, 90_000);

afterAll(async () => {
  await conn?.call('StopStream').catch(() => undefined);
  await conn?.disconnect();
  rtmp?.kill('SIGKILL');
  await obs?.stop();
  topology?.destroy();
});

describe('OBS stream health (real OBS streaming RTMP to a stand-in ingest)', () => {
  it('bitrate from outputBytes while streaming, then "reconnecting" when the ingest goes away', async () => {
    rtmp = await startRtmpListener(topology, 'client', 'studio-test-key');
    const readings: ObsStreamHealth[] = [];
    const monitor = new ObsStreamHealthMonitor(conn, (h) => readings.push(h), 500);
    await conn.call('StartStream');
    monitor.start();
    const flowing = await waitUntil('a bitrate', () => readings.find((h) => h.active && (h.bitrateKbps ?? 0) > 0), 30_000);
    expect(flowing.totalFrames).toBeGreaterThan(0);
    expect(flowing.reconnecting).toBe(false);
    rtmp?.kill('SIGKILL');
    const dropped = await waitUntil('OBS reconnecting', () => readings.find((h) => h.reconnecting), 30_000);
    expect(dropped.reconnecting).toBe(true);
    monitor.stop();
  });
});
