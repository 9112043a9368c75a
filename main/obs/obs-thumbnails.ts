import type { ObsThumbnail } from '../../common/obs.js';
import type { ObsConnection } from './obs-connection.js';
import type { ObsSceneControl } from './obs-scene-control.js';

/** At most this many scenes get thumbnails at once (what fits the panel). */
export const MAX_THUMBNAIL_SCENES = 12;
/** Each watched scene is captured at most once per interval. */
export const THUMBNAIL_INTERVAL_MS = 2000;

/**
 * Small JPEG screenshots of the scenes the renderer shows, at a bounded rate: one pass over the
 * watched scenes per interval, one request at a time, so OBS renders at most
 * MAX_THUMBNAIL_SCENES / 2 s extra small frames. Nothing is polled when nothing is watched or OBS
 * is not connected.
 */
export class ObsThumbnails {
  private watched: string[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly obs: ObsConnection,
    private readonly scenes: ObsSceneControl,
    private readonly publish: (t: ObsThumbnail) => void,
    private readonly intervalMs = THUMBNAIL_INTERVAL_MS,
  ) {}

  /** The scenes visible in the renderer now (an empty list stops the captures). */
  watch(sceneNames: readonly string[]): void {
    this.watched = [...new Set(sceneNames)].slice(0, MAX_THUMBNAIL_SCENES);
    if (this.watched.length && !this.timer && !this.running) void this.pass();
  }

  stop(): void {
    this.watched = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async pass(): Promise<void> {
    this.timer = null;
    this.running = true;
    const started = Date.now();
    for (const sceneName of this.watched) {
      if (this.obs.status.state !== 'connected') break;
      try {
        this.publish({ sceneName, dataUrl: await this.scenes.thumbnail(sceneName), at: Date.now() });
      } catch {
        // A scene deleted a moment ago or a slow OBS: the next pass tries again; the list refreshes by event.
      }
    }
    this.running = false;
    if (this.watched.length) this.timer = setTimeout(() => void this.pass(), Math.max(0, this.intervalMs - (Date.now() - started)));
  }
}
