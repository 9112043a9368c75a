import { z } from 'zod';
import { RecordingDisk, ShowRecording, StudioReplay } from './replay/replay-studio.js';

/** The Replays screen's part of the studio's IPC contract (spread into ipc-contract.ts); docs/replay.md, "Studio". */

const ShowRef = z.object({ showId: z.string().min(1).max(64) }).strict();

export const replaysChannels = {
  /** The show's recording, chapters, disk use and replay numbers. */
  'replays.get': { request: ShowRef, response: StudioReplay },
  /** Record this show from go-live (real shows: on by default; rehearsals: off by default). */
  'replays.setRecord': { request: ShowRef.extend({ record: z.boolean() }).strict(), response: ShowRecording },
  /** 다시 처리: a failed recording of an ended show processed again from its raw parts. */
  'replays.process': { request: ShowRef, response: ShowRecording },
  /** MP4 다시 만들기: a ready replay's failed MP4 rendition (older iPhones) queued again. */
  'replays.remakeRendition': { request: ShowRef, response: ShowRecording },
  /** Deletes the replay and raw parts (clips stay); refused while recording or processing. */
  'replays.delete': { request: ShowRef, response: ShowRecording },
  /** 녹화 원본 지우기: a ready replay's raw parts deleted to free disk (the replay and clips stay). */
  'replays.deleteRaw': { request: ShowRef, response: ShowRecording },
  /** Free space on the relay's data disk and every show's recording bytes. */
  'replays.disk': { request: z.object({}).strict(), response: RecordingDisk },
} as const;
