import { z } from 'zod';
import type { ObsStreamHealth } from '../../common/obs.js';
import type { ObsConnection } from './obs-connection.js';
import { streamHealthSample } from './stream-health-sample.js';

export const STREAM_HEALTH_INTERVAL_MS = 2000;

const StreamStatus = z.object({
  outputActive: z.boolean(),
  outputReconnecting: z.boolean(),
  outputBytes: z.number(),
  outputCongestion: z.number(),
  outputSkippedFrames: z.number().int(),
  outputTotalFrames: z.number().int(),
  outputDuration: z.number(),
});
const Stats = z.object({ renderSkippedFrames: z.number().int(), renderTotalFrames: z.number().int() });

/** Reads OBS's stream output every 2 s while connected and publishes a health reading. */
export class ObsStreamHealthMonitor {
  private timer: NodeJS.Timeout | null = null;
  private prev: { bytes: number; at: number } | null = null;
  latest: ObsStreamHealth | null = null;

  constructor(
    private readonly obs: ObsConnection,
    private readonly publish: (h: ObsStreamHealth) => void,
    private readonly intervalMs = STREAM_HEALTH_INTERVAL_MS,
  ) {}

  start(): void {
    if (this.timer) return;
    this.prev = null;
    this.timer = setInterval(() => void this.read().catch(() => undefined), this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async read(): Promise<ObsStreamHealth> {
    const [status, stats] = await Promise.all([this.obs.call('GetStreamStatus'), this.obs.call('GetStats')]);
    const s = StreamStatus.parse(status);
    const health = streamHealthSample(this.prev, s, Stats.parse(stats), Date.now());
    this.prev = s.outputActive ? { bytes: s.outputBytes, at: health.at } : null;
    this.latest = health;
    this.publish(health);
    return health;
  }
}
