import { z } from 'zod';
import { Currency } from '../commerce/money.js';
import { NO_RENDITION, ReplayChapter, ReplayRendition } from './replay-view.js';

/**
 * What the studio's Replays screen reads about a show's replay (docs/replay.md, "Studio"): the
 * recording's state, its chapters, what it takes on disk, and what it sold. Clips come from the
 * clip routes (common/replay/clips.ts).
 */
const Bytes = z.number().int().nonnegative();
const Count = z.number().int().nonnegative();

/** A show's recording as the studio sees it (docs/replay.md). */
export const ShowRecording = z.object({
  /** Whether the show is recorded from go-live (real shows: on unless turned off; rehearsals: off unless turned on). */
  record: z.boolean(),
  /** null: nothing recorded (yet). */
  status: z.enum(['recording', 'processing', 'ready', 'failed', 'deleted']).nullable(),
  progress: z.number().min(0).max(1),
  parts: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  durationMs: z.number().int().nonnegative(),
  /** Why processing failed, when it did. */
  error: z.string().nullable(),
  /**
   * The MP4 rendition made from a camera show's WebM replay for older iPhones (docs/replay.md).
   * Defaults to none: a studio newer than its relay still reads the relay's answer.
   */
  rendition: ReplayRendition.default(NO_RENDITION),
});
export type ShowRecording = z.infer<typeof ShowRecording>;

/** Bytes on the relay's disk for one show: the replay (+ timeline), Janus's raw parts, the clips. */
export const ShowDiskUse = z.object({ replayBytes: Bytes, rawBytes: Bytes, clipBytes: Bytes });
export type ShowDiskUse = z.infer<typeof ShowDiskUse>;

/** The data disk as a whole and every show that has recording files on it, largest first. */
export const RecordingDisk = z.object({
  /** Free space the relay may use on the disk that holds its data directory. */
  freeBytes: Bytes,
  totalBytes: Bytes,
  shows: z
    .array(ShowDiskUse.extend({ showId: z.string().max(100), title: z.string().max(200), status: ShowRecording.shape.status }))
    .max(1000),
});
export type RecordingDisk = z.infer<typeof RecordingDisk>;

/** Sales from the replay: distinct devices that opened it, buyers and revenue of orders whose source is the replay. */
export const ReplayNumbers = z.object({
  views: Count,
  orders: Count,
  buyers: Count,
  revenue: Count,
  /** null while there is no replay order (the revenue is then 0 in no particular currency). */
  currency: Currency.nullable(),
});
export type ReplayNumbers = z.infer<typeof ReplayNumbers>;

export const StudioReplay = z.object({
  recording: ShowRecording,
  disk: ShowDiskUse,
  /** The replay's length, 0 until it is ready. */
  durationSec: z.number().min(0),
  /** As the watch page lists them (segments, then products); empty until the replay is ready. */
  chapters: z.array(ReplayChapter).max(2_000),
  numbers: ReplayNumbers,
});
export type StudioReplay = z.infer<typeof StudioReplay>;
