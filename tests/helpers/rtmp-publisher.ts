import type { ChildProcess } from 'node:child_process';
import type { Topology } from './netns.js';

/**
 * A real RTMP client standing in for OBS: ffmpeg publishing a 720p30 test picture and a tone,
 * H.264 (x264, zerolatency, no B-frames, 2 s GOP, like OBS's recommended settings) and AAC,
 * from the client namespace to the relay's RTMP port.
 */
const X264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-bf', '0', '-g', '60', '-pix_fmt', 'yuv420p'];

/** A 720p30 test picture and a tone from the client namespace, video as `video`, AAC audio, in `format` to `url`. */
function startTestPicture(topology: Topology, video: string[], format: 'flv' | 'mpegts', url: string): ChildProcess {
  return topology.spawn('client', 'ffmpeg', [
    '-hide_banner', '-nostdin', '-loglevel', 'warning', '-re',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    ...video,
    '-c:a', 'aac', '-b:a', '128k',
    '-f', format, url,
  ]);
}

/** `video` replaces the H.264 encoder (e.g. FLV's own Sorenson codec, to test a refusal). */
export function startRtmpPublisher(topology: Topology, streamKey: string, video: string[] = X264): ChildProcess {
  return startTestPicture(topology, video, 'flv', `rtmp://${topology.ip('server')}:1935/live/${streamKey}`);
}

/** Resolves with the exit code once the process has ended. */
export const exited = (p: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve(p.exitCode);
    p.once('exit', (code) => resolve(code));
  });

/** The same test picture over SRT (MPEG-TS), as OBS's SRT output sends it, to the URL the relay gave. */
export function startSrtPublisher(topology: Topology, srtUrl: string): ChildProcess {
  return startTestPicture(topology, X264, 'mpegts', srtUrl);
}
