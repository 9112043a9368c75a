import type { IngestKey, IngestStatus } from '../../../common/protocol/ingest.js';
import type { LiveShows } from '../live/live-shows.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import type { FfmpegIngest } from './ffmpeg-ingest.js';
import type { IngestKeys } from './ingest-keys.js';
import type { SrtListeners } from './srt-listeners.js';
import type { AcceptedIngest, PublishDecision } from './rtmp-front.js';

/**
 * How long the relay holds a stampless cue of an ingest show before sending it (IngestStatus's
 * `estimatedDelayMs`): nothing. Viewers hold it for their own measured delay (relay → their screen;
 * stage-sync.ts); bench:obs-latency: the cue then lands within about a frame of its picture on a
 * quiet machine (docs/obs-mode.md). What neither side sees is the encoder's own delay (x264
 * look-ahead, a CPU-starved encoder): the known gap. A relay-side estimate from the frames' arrival
 * against their media time was tried and made it worse (docs/obs-mode.md).
 */
const INGEST_CUE_HOLD_MS = 0;

interface Running {
  /** Cuts the connection (revoke, end of show). */
  cut(): void;
  sessionId: string | null;
}

export interface IngestAddresses {
  rtmpServer: string;
  whipUrl: string;
}

/**
 * Per-show OBS ingest: keys, what is received, refusals. One ingest per show at a time; a second
 * publisher with the same key is refused while the first runs. Every change goes to the studio.
 */
export class IngestService {
  private readonly status = new Map<string, IngestStatus>();
  private readonly running = new Map<string, Running>();

  /** SRT ports per show (null: SRT off). Set after construction: the listeners ask this service back. */
  srt: SrtListeners | null = null;

  constructor(
    private readonly deps: {
      keys: IngestKeys;
      store: ShowStore;
      live: LiveShows;
      addresses: (showId: string) => IngestAddresses;
      publish: (showId: string, status: IngestStatus) => void;
      log: Logger;
    },
  ) {
    deps.live.on('show', (show) => {
      if (show.status === 'ended') this.revoke(show.id);
    });
    // A WHIP publish into the show replaced the ingest's remote publisher: OBS's stream goes nowhere now, so cut it.
    deps.live.on('remoteDropped', (showId, sessionId) => {
      const run = this.running.get(showId);
      if (run?.sessionId === sessionId) run.cut();
    });
  }

  async issue(showId: string): Promise<IngestKey> {
    const k = this.deps.keys.issue(showId);
    const { rtmpServer, whipUrl } = this.deps.addresses(showId);
    const srtUrl = (await this.srt?.open(showId, k.streamKey)) ?? null;
    return { showId, rtmpServer, streamKey: k.streamKey, srtUrl, whipUrl, whipBearer: k.streamKey, createdAt: k.createdAt };
  }

  revoke(showId: string): void {
    this.deps.keys.revoke(showId);
    this.srt?.close(showId);
    this.running.get(showId)?.cut();
  }

  get(showId: string): IngestStatus {
    return this.status.get(showId) ?? { state: 'idle', since: 0, video: null, lastRefusal: null, estimatedDelayMs: null };
  }

  /** Whether the show's media is the ingest's now (its stampless cues are held by viewers for their video delay). */
  isPublishing(showId: string): boolean {
    return !!this.running.get(showId)?.sessionId;
  }

  private set(showId: string, change: Partial<IngestStatus>): void {
    const before = this.get(showId);
    const next: IngestStatus = { ...before, ...change };
    if (change.state && change.state !== before.state) next.since = Date.now();
    this.status.set(showId, next);
    this.deps.publish(showId, next);
  }

  private refuse(showId: string | null | string[], reason: NonNullable<IngestStatus['lastRefusal']>['reason']): PublishDecision {
    this.deps.log.warn('ingest refused', { showId, reason });
    const at = Date.now();
    for (const id of Array.isArray(showId) ? showId : showId ? [showId] : []) this.set(id, { lastRefusal: { at, reason } });
    return { ok: false };
  }

  /** An SRT caller got through the show's port with its key (the passphrase): the same checks as RTMP, after the key. */
  decideSrt(showId: string): PublishDecision {
    if (this.deps.store.get(showId)?.status === 'ended') return this.refuse(showId, 'show-ended');
    if (this.running.has(showId)) {
      this.deps.log.warn('a second ingest for a show that already has one: refused', { showId });
      return { ok: false };
    }
    return { ok: true, ingest: this.accept(showId) };
  }

  /** The RTMP front asks this about a publish's stream key, before ffmpeg sees the command. */
  decide(streamKey: string): PublishDecision {
    const { keys, store } = this.deps;
    const check = keys.check(streamKey);
    if (!check.ok) return this.refuse(check.reason === 'revoked-key' ? keys.showOf(streamKey) : keys.activeShows(), check.reason);
    const showId = check.showId;
    if (store.get(showId)?.status === 'ended') return this.refuse(showId, 'show-ended');
    if (this.running.has(showId)) {
      this.deps.log.warn('a second ingest for a show that already has one: refused', { showId });
      return { ok: false };
    }
    return { ok: true, ingest: this.accept(showId) };
  }

  private accept(showId: string): AcceptedIngest {
    const { live, log } = this.deps;
    let ffmpeg: FfmpegIngest | null = null;
    let ended = false;
    const run: Running = { sessionId: null, cut: () => ffmpeg?.stop() };
    this.running.set(showId, run);
    return {
      bind: (f) => {
        ffmpeg = f;
      },
      onVideo: (video) => {
        const f = ffmpeg;
        if (!f) return;
        if (video.codec !== 'h264') {
          this.refuse(showId, 'bad-media');
          return f.stop();
        }
        void live
          .publishRemote(showId, [
            { type: 'audio', mindex: 0, mid: '0', codec: 'opus', stereo: true },
            // Advertised as constrained baseline, which every WebRTC H.264 decoder takes; Chromium's
            // decoder plays OBS's High profile all the same (tested), the profile only gates the SDP.
            { type: 'video', mindex: 1, mid: '1', codec: 'h264', 'h264-profile': '42e01f' },
          ])
          .then(({ sessionId, port }) => {
            if (ended) return void live.unpublishRemote(showId, sessionId, 'ingest ended');
            run.sessionId = sessionId;
            f.open('127.0.0.1', port);
            this.set(showId, { video, estimatedDelayMs: INGEST_CUE_HOLD_MS });
          })
          .catch((e: unknown) => {
            log.error('the ingest could not publish into Janus', { showId, error: e instanceof Error ? e.message : String(e) });
            f.stop();
          });
      },
      onReordered: () => {
        // WebRTC decoders show the first frames and then freeze on B-frames: tell the seller, do not air it.
        this.refuse(showId, 'bad-media');
        ffmpeg?.stop();
      },
      onFlowing: (flowing) => {
        if (run.sessionId) live.remoteFlow(showId, run.sessionId, flowing);
        this.set(showId, { state: flowing ? 'receiving' : 'stalled' });
      },
      onEnd: (reason) => {
        ended = true;
        if (this.running.get(showId) === run) this.running.delete(showId);
        if (run.sessionId) void live.unpublishRemote(showId, run.sessionId, `OBS's stream ended (${reason})`);
        this.set(showId, { state: 'idle', estimatedDelayMs: null });
      },
    };
  }
}
