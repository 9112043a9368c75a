import net from 'node:net';
import type { Logger } from '../log.js';
import { FfmpegIngest } from './ffmpeg-ingest.js';
import { findPublishName } from './rtmp-publish-name.js';

/** The RTMP handshake's C0 (version 3) + C1 + C2 come before any command. */
const HANDSHAKE_BYTES = 1 + 1536 + 1536;
/** A client that has not sent `publish` within these bounds is cut (garbage, a scanner, a player). */
const MAX_SNIFF_BYTES = 64 * 1024;
const PUBLISH_WITHIN_MS = 10_000;
/** Connections still being looked at: bounds what a flood of garbage can make the relay spawn. */
const MAX_PENDING = 8;

/** What the ingest service decides for a publish: go on (and where the media goes), or refuse. */
export type PublishDecision = { ok: true; ingest: AcceptedIngest } | { ok: false };
export interface AcceptedIngest {
  /** The ffmpeg carrying this connection (cut through it: revoke, end of show). */
  bind(ffmpeg: FfmpegIngest): void;
  /** ffmpeg described the video: the service checks the codec and opens the gate, or refuses. */
  onVideo(video: NonNullable<FfmpegIngest['video']>): void;
  onFlowing(flowing: boolean): void;
  /** B-frames in the video: refused (bad-media) and cut. */
  onReordered(): void;
  onEnd(reason: string): void;
}

export interface RtmpFrontDeps {
  ffmpegBin: string;
  log: Logger;
  decide(streamKey: string): PublishDecision;
}

/**
 * The relay's RTMP port. It reads each client's bytes on their way to a per-connection ffmpeg
 * until the `publish` command, and asks the ingest service about the stream key before ffmpeg
 * sees it: a wrong key is cut there (ffmpeg's own listen mode only warns about a wrong stream
 * name). Garbage never reaches ffmpeg: the first byte must be RTMP's version 3.
 */
export class RtmpFront {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly ingests = new Set<FfmpegIngest>();
  private pending = 0;

  constructor(private readonly deps: RtmpFrontDeps) {
    this.server.on('error', (e) => deps.log.error('RTMP listener error', { error: e.message }));
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    return (this.server.address() as net.AddressInfo).port;
  }

  private accept(client: net.Socket): void {
    const { log } = this.deps;
    client.on('error', () => undefined);
    if (this.pending >= MAX_PENDING) return void client.destroy();
    this.pending++;
    let settled = false;
    const settle = () => {
      if (!settled) this.pending--;
      settled = true;
    };
    client.once('close', settle);
    const chunks: Buffer[] = [];
    let size = 0;
    let ffmpeg: FfmpegIngest | null = null;
    let upstream: net.Socket | null = null;
    const cut = (why: string) => {
      settle();
      log.info('RTMP connection cut', { why });
      client.destroy();
      upstream?.destroy();
      ffmpeg?.stop();
    };
    const timer = setTimeout(() => cut('no publish in time'), PUBLISH_WITHIN_MS);
    client.once('close', () => clearTimeout(timer));

    const onData = (data: Buffer) => {
      if (size === 0 && data[0] !== 0x03) return cut('not RTMP');
      chunks.push(data);
      size += data.length;
      if (size > MAX_SNIFF_BYTES) return cut('no publish within 64 KiB');
      if (!ffmpeg) void startUpstream();
      else flush();
    };
    // Bytes go to ffmpeg as they come, except from the publish command on, until it is decided.
    let sent = 0;
    let decided = false;
    const all = () => Buffer.concat(chunks);
    const flush = () => {
      if (!upstream || decided) return;
      const bytes = all();
      const afterHandshake = bytes.subarray(HANDSHAKE_BYTES);
      const scan = size > HANDSHAKE_BYTES ? findPublishName(afterHandshake) : { found: false as const };
      const publishAt = size > HANDSHAKE_BYTES ? afterHandshake.indexOf(Buffer.from('\x02\x00\x07publish', 'latin1')) : -1;
      const safeEnd = publishAt >= 0 ? HANDSHAKE_BYTES + publishAt : bytes.length;
      if (safeEnd > sent) {
        upstream.write(bytes.subarray(sent, safeEnd));
        sent = safeEnd;
      }
      if (!scan.found) return;
      decided = true;
      clearTimeout(timer);
      const decision = this.deps.decide(scan.name);
      if (!decision.ok || !ffmpeg) return cut('stream key refused');
      settle();
      client.off('data', onData);
      upstream.write(bytes.subarray(sent));
      client.pipe(upstream);
      wire(decision.ingest, ffmpeg);
    };
    const wire = (ingest: AcceptedIngest, f: FfmpegIngest) => {
      ingest.bind(f);
      f.on('video', (v) => ingest.onVideo(v));
      f.on('flowing', (flowing) => ingest.onFlowing(flowing));
      f.once('reordered', () => ingest.onReordered());
      f.once('exit', (reason) => {
        client.destroy();
        upstream?.destroy();
        ingest.onEnd(reason);
      });
      client.once('close', () => f.stop());
    };
    const startUpstream = async () => {
      const f = new FfmpegIngest(this.deps.ffmpegBin, log);
      ffmpeg = f;
      this.ingests.add(f);
      f.once('exit', () => this.ingests.delete(f));
      try {
        const port = await f.start();
        upstream = await connectWithRetry(port, () => client.destroyed);
        upstream.on('error', () => client.destroy());
        upstream.pipe(client);
        upstream.once('close', () => client.destroy());
        flush();
      } catch (e) {
        cut(`ffmpeg not reachable: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    client.on('data', onData);
    client.once('close', () => {
      if (!decided) ffmpeg?.stop();
    });
  }

  async close(): Promise<void> {
    for (const f of this.ingests) f.stop();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}

/** ffmpeg needs a moment to listen after it starts: try every 50 ms for up to 5 s. */
async function connectWithRetry(port: number, gaveUp: () => boolean): Promise<net.Socket> {
  for (let i = 0; i < 100; i++) {
    if (gaveUp()) throw new Error('client left');
    const sock = await new Promise<net.Socket | null>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => resolve(s));
      s.once('error', () => resolve(null));
    });
    if (sock) return sock;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('ffmpeg did not listen');
}
