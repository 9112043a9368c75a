import { z } from 'zod';

export const QualityPreset = z.enum(['720p30', '1080p30', 'low']);
export type QualityPreset = z.infer<typeof QualityPreset>;

export interface QualitySpec {
  width: number;
  height: number;
  fps: number;
  /** Upper bound the sender's encoder is given, in bits per second. */
  maxBitrate: number;
}

/** 720p30 is the default: it fits a laptop's encoder and a home uplink. */
export const QUALITY: Record<QualityPreset, QualitySpec> = {
  '720p30': { width: 1280, height: 720, fps: 30, maxBitrate: 2_500_000 },
  '1080p30': { width: 1920, height: 1080, fps: 30, maxBitrate: 4_500_000 },
  low: { width: 640, height: 360, fps: 24, maxBitrate: 600_000 },
};

export const DEFAULT_QUALITY: QualityPreset = '720p30';

/** The room's cap must admit the highest preset, or Janus's REMB would clamp it. */
export const ROOM_BITRATE_CAP = Math.max(...Object.values(QUALITY).map((q) => q.maxBitrate));
