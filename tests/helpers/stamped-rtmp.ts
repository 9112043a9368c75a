import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Topology } from './netns.js';

/**
 * The same capture stamp as stamped-canvas.ts (32 bits of Date.now() and an 8-bit checksum as a
 * 10×4 grid of w/16 × h/9 blocks), drawn by ffmpeg into a 1280×720 test picture and published
 * over RTMP: an encoder standing in for OBS whose every frame tells the viewer when it was made.
 * RTCTIME is the wall clock when the frame enters the filter (the input is read at its own rate,
 * -re), so the stamp is the frame's capture time; the timestamps are reset after stamping.
 */
const GRAPH = `[0:v]setpts='RTCTIME/(TB*1000000)',split[main][s];
[s]scale=10:4:flags=neighbor,format=gray,geq=lum='st(0,mod(floor(T*1000),4294967296));st(1,mod(mod(ld(0),256)+mod(floor(ld(0)/256),256)+mod(floor(ld(0)/65536),256)+floor(ld(0)/16777216),256));st(2,Y*10+X);255*if(lt(ld(2),32),mod(floor(ld(0)/pow(2,31-ld(2))),2),mod(floor(ld(1)/pow(2,39-ld(2))),2))',scale=800:320:flags=neighbor[code];
[main][code]overlay=0:0,setpts='N/(30*TB)'[v]
`;

/** ffmpeg in the client namespace drawing the stamp into a 720p30 test picture; `encode` and `output` finish the command. */
function startStamped(topology: Topology, audio: string, encode: string[], output: string[]): ChildProcess {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stamped-'));
  const graph = path.join(dir, 'graph.txt');
  writeFileSync(graph, GRAPH);
  return topology.spawn('client', 'ffmpeg', [
    '-hide_banner', '-nostdin', '-loglevel', 'warning', '-re',
    '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30',
    '-f', 'lavfi', '-i', audio,
    '-filter_complex_script', graph, '-map', '[v]', '-map', '1:a',
    ...encode,
    ...output,
  ]);
}

export function startStampedRtmpPublisher(topology: Topology, streamKey: string): ChildProcess {
  // OBS's low-latency x264 settings: no B-frames, no lookahead, 2 s keyframes, CBR-ish.
  const x264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-bf', '0', '-g', '60', '-b:v', '2500k', '-maxrate', '2500k', '-bufsize', '2500k', '-pix_fmt', 'yuv420p'];
  return startStamped(topology, 'sine=frequency=440:sample_rate=48000', [...x264, '-c:a', 'aac', '-b:a', '128k'], ['-f', 'flv', `rtmp://${topology.ip('server')}:1935/live/${streamKey}`]);
}

/**
 * The same stamped picture sent as MPEG-TS over UDP inside the client namespace, for an OBS media
 * source to show: then the stamp travels through OBS's program and its encoder (bench:obs-latency's
 * real-OBS phase). The hop into OBS (this encode + OBS's decode) adds to what is measured.
 */
export function startStampedUdpClock(topology: Topology, port: number): ChildProcess {
  const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-bf', '0', '-g', '30', '-b:v', '8000k', '-pix_fmt', 'yuv420p'];
  // Video only, like a camera source: a network media source's audio arrives late on a loaded
  // machine and OBS then delays its whole output by the audio buffering it grows (up to 960 ms,
  // never shrunk while running), which a camera and microphone do not cause. The bench reports
  // OBS's audio buffering from its log (obs_audio_buffering_ms).
  return startStamped(topology, 'anullsrc=r=48000:cl=stereo', [...x264, '-an'], ['-f', 'mpegts', `udp://127.0.0.1:${port}?pkt_size=1316`]);
}
