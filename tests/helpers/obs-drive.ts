/**
 * Drives a real OBS through obs-websocket 5 from inside its network namespace (run with tsx via
 * `ip netns exec`): `start <port> <password> <server> <key>` sets a 720p30 canvas, points OBS's
 * custom RTMP output at the relay and starts streaming; `stop <port> <password>` stops it; `media <port> <password> <url>` adds a
 * full-frame media source playing a network stream to the program scene. Prints
 * one JSON line with what OBS answered.
 */
import { OBSWebSocket } from 'obs-websocket-js';
import { liveX264Options } from '../../common/obs-encoder.js';

const [cmd, port, password, server, key] = process.argv.slice(2);
const obs = new OBSWebSocket();
await obs.connect(`ws://127.0.0.1:${port}`, password);
if (cmd === 'start') {
  await obs.call('SetVideoSettings', { baseWidth: 1280, baseHeight: 720, outputWidth: 1280, outputHeight: 720, fpsNumerator: 30, fpsDenominator: 1 });
  // What the studio's pre-flight fix sets (common/obs-encoder.ts): advanced encoder settings on, live x264 options.
  await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'UseAdvanced', parameterValue: 'true' });
  await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'x264Settings', parameterValue: liveX264Options('', 30) });
  await obs.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'Preset', parameterValue: 'ultrafast' });
  await obs.call('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: server!, key: key! } });
  await obs.call('StartStream');
  let status = await obs.call('GetStreamStatus');
  for (let i = 0; i < 40 && !status.outputActive; i++) {
    await new Promise((r) => setTimeout(r, 250));
    status = await obs.call('GetStreamStatus');
  }
  console.log(JSON.stringify({ outputActive: status.outputActive }));
} else if (cmd === 'lag') {
  // How far OBS's program runs behind the stamped clock it shows: screenshots of the program scene
  // (BMP, decoded here), each stamp against the instant the screenshot was asked for.
  const scene = (await obs.call('GetCurrentProgramScene')).currentProgramSceneName;
  const lags: number[] = [];
  for (let i = 0; i < Number(server ?? 30); i++) {
    const asked = Date.now();
    const shot = await obs.call('GetSourceScreenshot', { sourceName: scene, imageFormat: 'bmp', imageWidth: 1280, imageHeight: 720 });
    const stamp = readBmpStamp(Buffer.from(shot.imageData.split(',')[1]!, 'base64'));
    if (stamp !== null) lags.push(((asked >>> 0) - stamp) | 0);
    await new Promise((r) => setTimeout(r, 100));
  }
  console.log(JSON.stringify({ lags }));
} else if (cmd === 'media') {
  // A media source playing a network stream (the 4th argument, e.g. udp://127.0.0.1:5000) full-frame
  // in the program scene, read as it comes (no buffering): how a bench puts a readable clock into OBS's program.
  const scene = (await obs.call('GetCurrentProgramScene')).currentProgramSceneName;
  await obs.call('CreateInput', {
    sceneName: scene,
    inputName: 'bench clock',
    inputKind: 'ffmpeg_source',
    inputSettings: { is_local_file: false, input: server!, input_format: 'mpegts', buffering_mb: 0, hw_decode: false, close_when_inactive: false, restart_on_activate: false, clear_on_media_end: false },
  });
  console.log(JSON.stringify({ created: true }));
} else {
  await obs.call('StopStream').catch(() => undefined);
  console.log(JSON.stringify({ stopped: true }));
}
await obs.disconnect();

/** The 10×4 stamp of stamped-rtmp.ts (80 px blocks at 1280×720) from a 24/32-bit BMP; null if its checksum fails. */
function readBmpStamp(bmp: Buffer): number | null {
  const offset = bmp.readUInt32LE(10);
  const width = bmp.readInt32LE(18);
  const rawHeight = bmp.readInt32LE(22);
  const height = Math.abs(rawHeight);
  const bytes = bmp.readUInt16LE(28) / 8;
  const row = Math.ceil((width * bytes) / 4) * 4;
  const luma = (x: number, y: number) => {
    const line = rawHeight > 0 ? height - 1 - y : y;
    const at = offset + line * row + x * bytes;
    return (bmp[at]! + bmp[at + 1]! + bmp[at + 2]!) / 3;
  };
  const block = width / 16;
  const bits: number[] = [];
  for (let r = 0; r < 4; r++) for (let c = 0; c < 10; c++) bits.push(luma(Math.floor((c + 0.5) * block), Math.floor((r + 0.5) * block)) > 128 ? 1 : 0);
  const stamp = bits.slice(0, 32).reduce((v, b) => (v * 2 + b) >>> 0, 0);
  const sum = bits.slice(32).reduce((v, b) => v * 2 + b, 0);
  const expected = ((stamp & 255) + ((stamp >>> 8) & 255) + ((stamp >>> 16) & 255) + ((stamp >>> 24) & 255)) & 255;
  return sum === expected ? stamp : null;
}
