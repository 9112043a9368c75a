/**
 * Drives a real OBS through obs-websocket 5 from inside its network namespace (run with tsx via
 * `ip netns exec`): `start <port> <password> <server> <key>` sets a 720p30 canvas, points OBS's
 * custom RTMP output at the relay and starts streaming; `stop <port> <password>` stops it. Prints
 * one JSON line with what OBS answered.
 */
import { OBSWebSocket } from 'obs-websocket-js';

const [cmd, port, password, server, key] = process.argv.slice(2);
const obs = new OBSWebSocket();
await obs.connect(`ws://127.0.0.1:${port}`, password);
if (cmd === 'start') {
  await obs.call('SetVideoSettings', { baseWidth: 1280, baseHeight: 720, outputWidth: 1280, outputHeight: 720, fpsNumerator: 30, fpsDenominator: 1 });
  // What the studio's pre-flight asks of OBS: no B-frames (WebRTC decoders do not reorder frames).
  await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'x264Settings', parameterValue: 'bframes=0 keyint=60' });
  await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'Preset', parameterValue: 'ultrafast' });
  await obs.call('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: server!, key: key! } });
  await obs.call('StartStream');
  let status = await obs.call('GetStreamStatus');
  for (let i = 0; i < 40 && !status.outputActive; i++) {
    await new Promise((r) => setTimeout(r, 250));
    status = await obs.call('GetStreamStatus');
  }
  console.log(JSON.stringify({ outputActive: status.outputActive }));
} else {
  await obs.call('StopStream').catch(() => undefined);
  console.log(JSON.stringify({ stopped: true }));
}
await obs.disconnect();
