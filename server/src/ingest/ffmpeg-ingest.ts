import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Logger } from '../log.js';

/** Janus 1.1.2's remote-publisher SSRCs: 1000 + 10 × mindex (audio is m-line 0, video 1). */
export const AUDIO_SSRC = 1000;
export const VIDEO_SSRC = 1010;
/** Janus's default payload types for Opus and H.264 (what its subscriber offers carry). */
const OPUS_PT = 111;
const H264_PT = 107;
/** No video packet for this long: OBS's output stalled (its TCP stays open while the encoder hangs). */
export const STALL_MS = 1500;

export interface FfmpegIngestEvents {
  /** What ffmpeg read from the RTMP stream header (codec name as ffmpeg prints it, e.g. h264). */
  video: [{ codec: string; width: number | null; height: number | null }];
  flowing: [boolean];
  /** Video frames arrive out of presentation order (B-frames): WebRTC decoders freeze on them. */
  reordered: [];
  exit: [reason: string];
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/**
 * One ffmpeg for one RTMP connection, supervised by the relay like Janus: it listens on a loopback
 * port that only the relay's RTMP front connects to, copies the H.264 video (Annex-B, SPS/PPS
 * before each keyframe) into RTP and transcodes the audio to Opus. Its RTP goes to a UDP gate in
 * the relay, which forwards to Janus only once the key was accepted (`open`) and counts packets
 * for the ingest's receiving/stalled state. A wrong key never gets a packet to Janus.
 */
export class FfmpegIngest extends EventEmitter<FfmpegIngestEvents> {
  private proc: ChildProcess | null = null;
  private gate: dgram.Socket | null = null;
  private target: { host: string; port: number } | null = null;
  private lastVideoAt = 0;
  private lastVideoTs: number | null = null;
  private reordered = false;
  private flowing = false;
  private flowTimer: NodeJS.Timeout | null = null;
  private exited = false;
  private stderrTail = '';
  /** Set once by the first "Video:" line of ffmpeg's input description. */
  video: { codec: string; width: number | null; height: number | null } | null = null;
  readonly startedAt = Date.now();

  constructor(
    private readonly ffmpegBin: string,
    private readonly log: Logger,
  ) {
    super();
  }

  /**
   * Starts ffmpeg listening; resolves with the port it listens on: a loopback TCP port the RTMP
   * front connects to, or (`srt`) the show's own SRT port, where only a caller with the key as its
   * passphrase completes the handshake (libsrt refuses any other before a byte of media).
   */
  async start(srt?: { host: string; port: number; passphrase: string }): Promise<number> {
    const gate = dgram.createSocket('udp4');
    this.gate = gate;
    gate.on('message', (msg) => this.onPacket(msg));
    gate.on('error', () => undefined);
    await new Promise<void>((r) => gate.bind(0, '127.0.0.1', () => r()));
    const gatePort = gate.address().port;
    const listenPort = srt?.port ?? (await freePort());
    // SRT: 200 ms of receive latency (µs here) rides out a lossy uplink's retransmissions.
    const input = srt
      ? ['-i', `srt://${srt.host}:${srt.port}?mode=listener&passphrase=${encodeURIComponent(srt.passphrase)}&pbkeylen=32&latency=200000`]
      : ['-listen', '1', '-timeout', '15', '-i', `rtmp://127.0.0.1:${listenPort}/live`];
    const rtp = (ssrc: number, pt: number) => ['-f', 'rtp', '-ssrc', String(ssrc), '-payload_type', String(pt), `rtp://127.0.0.1:${gatePort}?pkt_size=1200&rtcpport=${gatePort}`];
    const args = [
      '-hide_banner', '-nostdin', '-loglevel', 'info',
      // Live: read packets as they come, probe only the FLV header's worth.
      '-fflags', 'nobuffer', '-flags', 'low_delay', '-analyzeduration', '500000', '-probesize', '262144',
      ...input,
      '-map', '0:a:0', '-c:a', 'libopus', '-b:a', '96k', '-ar', '48000', '-ac', '2', '-application', 'lowdelay', ...rtp(AUDIO_SSRC, OPUS_PT),
      '-map', '0:v:0', '-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb', ...rtp(VIDEO_SSRC, H264_PT),
    ];
    const proc = spawn(this.ffmpegBin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.proc = proc;
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => this.onStderr(chunk));
    proc.on('error', (e) => this.finish(`ffmpeg could not start: ${e.message}`));
    proc.on('exit', (code, signal) => this.finish(signal ? `ffmpeg stopped (${signal})` : `ffmpeg exited (${code}): ${this.stderrTail.trim().split('\n').slice(-1)[0] ?? ''}`));
    this.flowTimer = setInterval(() => this.checkFlow(), 250);
    return listenPort;
  }

  /** Lets the packets through to Janus's remote publisher. */
  open(host: string, port: number): void {
    this.target = { host, port };
  }

  private onPacket(msg: Buffer): void {
    if (msg.length < 12 || msg[0]! >> 6 !== 2) return;
    const pt = msg[1]! & 0x7f;
    if (pt >= 72 && pt <= 76) return; // RTCP (SR/SDES): Janus's remote publisher wants RTP only
    if (msg.readUInt32BE(8) === VIDEO_SSRC) {
      this.lastVideoAt = Date.now();
      this.checkOrder(msg.readUInt32BE(4));
    }
    if (this.target) this.gate?.send(msg, this.target.port, this.target.host);
  }

  /** ffmpeg stamps RTP with each frame's presentation time: a step back (mod 2^32) means B-frames. */
  private checkOrder(ts: number): void {
    const last = this.lastVideoTs;
    this.lastVideoTs = ts;
    if (last === null || ts === last || this.reordered) return;
    if (((ts - last) >>> 0) > 2 ** 31) {
      this.reordered = true;
      this.emit('reordered');
    }
  }

  private checkFlow(): void {
    const flowing = this.lastVideoAt > 0 && Date.now() - this.lastVideoAt < STALL_MS;
    if (flowing === this.flowing) return;
    this.flowing = flowing;
    this.emit('flowing', flowing);
  }

  private onStderr(chunk: string): void {
    this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    if (this.video) return;
    // e.g. "Stream #0:0: Video: h264 (High), yuv420p(progressive), 1280x720 [SAR 1:1 DAR 16:9], 30 fps"
    const line = /Stream #0:\d+[^\n]*: Video: ([^\n]*)\n/.exec(this.stderrTail)?.[1];
    if (line === undefined) return;
    const size = /, (\d{2,5})x(\d{2,5})\b/.exec(line);
    this.video = { codec: /^\w+/.exec(line)?.[0] ?? 'unknown', width: size ? Number(size[1]) : null, height: size ? Number(size[2]) : null };
    this.emit('video', this.video);
  }

  private finish(reason: string): void {
    if (this.exited) return;
    this.exited = true;
    if (this.flowTimer) clearInterval(this.flowTimer);
    this.gate?.close();
    this.gate = null;
    this.log.info('ingest ffmpeg ended', { reason });
    this.emit('exit', reason);
  }

  stop(): void {
    if (this.proc && this.proc.exitCode === null && !this.proc.killed) this.proc.kill('SIGKILL');
    this.finish('stopped by the relay');
  }
}
