import dgram from 'node:dgram';
import type { Logger } from '../log.js';
import { FfmpegIngest } from './ffmpeg-ingest.js';
import type { AcceptedIngest, PublishDecision } from './rtmp-front.js';

export interface SrtListenersDeps {
  ffmpegBin: string;
  log: Logger;
  /** The address ffmpeg binds (the relay's RELAY_HOST). */
  bindHost: string;
  /** The host name OBS is told to call (the relay's public address). */
  publicHost: () => string;
  /** UDP ports for SRT, one per show holding a key: a range, or 'any' for a free port each (tests). */
  ports: { from: number; to: number } | 'any';
  /** A caller completed the handshake with the show's key: go on, or refuse (show ended, a second publisher). */
  decide(showId: string): PublishDecision;
}

interface Listener {
  port: number;
  key: string;
  ffmpeg: FfmpegIngest | null;
  closed: boolean;
}

/** A UDP port nobody holds now (the kernel's pick), for tests on loopback that run side by side. */
const freeUdpPort = () =>
  new Promise<number>((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => resolve(port));
    });
  });

/**
 * SRT ingest for OBS (docs/obs-mode.md). libsrt has no "look at the stream id first" hook in
 * ffmpeg, so each show holding a key gets its own SRT port whose passphrase is the show's key: a
 * caller without it fails the handshake inside libsrt and sends no media. When a caller gets in,
 * the ingest service decides as for RTMP; the same ffmpeg → gate → Janus path carries the media.
 * After a caller leaves, the port listens again until the key is revoked or the show ends.
 */
export class SrtListeners {
  private readonly listeners = new Map<string, Listener>();

  constructor(private readonly deps: SrtListenersDeps) {}

  /** The show's SRT URL for OBS (opening its port if needed), or null when no port is free. */
  async open(showId: string, key: string): Promise<string | null> {
    let l = this.listeners.get(showId);
    if (l && l.key !== key) {
      this.close(showId);
      l = undefined;
    }
    if (!l) {
      const port = await this.freePort();
      if (port === null) {
        this.deps.log.warn('no free SRT port: OBS can still use RTMP', { showId });
        return null;
      }
      l = { port, key, ffmpeg: null, closed: false };
      this.listeners.set(showId, l);
      this.listen(showId, l);
    }
    return `srt://${this.deps.publicHost()}:${l.port}?passphrase=${key}&pbkeylen=32&latency=200000`;
  }

  /** Revoked key or ended show: the port closes and a running SRT ingest is cut. */
  close(showId: string): void {
    const l = this.listeners.get(showId);
    if (!l) return;
    l.closed = true;
    this.listeners.delete(showId);
    l.ffmpeg?.stop();
  }

  closeAll(): void {
    for (const id of [...this.listeners.keys()]) this.close(id);
  }

  private async freePort(): Promise<number | null> {
    if (this.deps.ports === 'any') return freeUdpPort();
    const taken = new Set([...this.listeners.values()].map((l) => l.port));
    for (let p = this.deps.ports.from; p <= this.deps.ports.to; p++) if (!taken.has(p)) return p;
    return null;
  }

  private listen(showId: string, l: Listener): void {
    if (l.closed) return;
    const log = this.deps.log.child({ showId, transport: 'srt' });
    const f = new FfmpegIngest(this.deps.ffmpegBin, log);
    l.ffmpeg = f;
    let ingest: AcceptedIngest | null = null;
    f.once('video', (video) => {
      const decision = this.deps.decide(showId);
      if (!decision.ok) return f.stop();
      ingest = decision.ingest;
      ingest.bind(f);
      f.on('flowing', (flowing) => ingest?.onFlowing(flowing));
      f.once('reordered', () => ingest?.onReordered());
      ingest.onVideo(video);
    });
    f.once('exit', (reason) => {
      ingest?.onEnd(reason);
      if (l.ffmpeg === f) l.ffmpeg = null;
      // Listen again for the next connection (OBS reconnecting), a little later if ffmpeg failed at once.
      if (!l.closed) setTimeout(() => this.listen(showId, l), ingest ? 0 : 1000).unref();
    });
    f.start({ host: this.deps.bindHost, port: l.port, passphrase: l.key }).catch((e: unknown) => log.error('SRT listener could not start', { error: e instanceof Error ? e.message : String(e) }));
  }
}
