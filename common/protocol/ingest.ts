import { z } from 'zod';

/**
 * OBS ingest (contract between the relay's RTMP/SRT/WHIP ingest and the studio's OBS mode,
 * docs/obs-studio.md): the per-show stream key OBS publishes with, and what the relay receives.
 */
export const IngestKey = z.object({
  showId: z.string(),
  /** What OBS calls "Server", e.g. rtmp://10.77.0.1:1935/live. */
  rtmpServer: z.string(),
  /** What OBS calls "Stream Key": per show, ≥ 128 bits. */
  streamKey: z.string(),
  srtUrl: z.string().nullable(),
  /** The relay's WHIP endpoint for OBS 30+. */
  whipUrl: z.string(),
  /** The same key, as the WHIP Bearer token. */
  whipBearer: z.string(),
  createdAt: z.number(),
});
export type IngestKey = z.infer<typeof IngestKey>;

export const IngestStatus = z.object({
  state: z.enum(['idle', 'receiving', 'stalled']),
  since: z.number(),
  video: z.object({ codec: z.string(), width: z.number().nullable(), height: z.number().nullable() }).nullable(),
  lastRefusal: z.object({ at: z.number(), reason: z.enum(['unknown-key', 'revoked-key', 'show-ended', 'bad-media']) }).nullable(),
  /** How long the relay holds a stampless cue (ms) before viewers hold it for their own measured delay; null when idle. */
  estimatedDelayMs: z.number().nullable(),
});
export type IngestStatus = z.infer<typeof IngestStatus>;
