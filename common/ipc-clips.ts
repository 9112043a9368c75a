import { z } from 'zod';
import { Clip, CutClipRequest, ShowClips } from './replay/clips.js';

/** Clips' part of the studio's IPC contract (spread into ipc-contract.ts); docs/clips.md. */

const ShowId = z.string().min(1).max(64);

export const clipsChannels = {
  /** The show's segments with their video in the replay and their clips (status, progress, views). */
  'clips.list': { request: z.object({ showId: ShowId }).strict(), response: ShowClips },
  /** Cuts or re-cuts a segment's clip (without in/out: the segment, its first 2 minutes). */
  'clips.cut': { request: z.object({ showId: ShowId, cut: CutClipRequest }).strict(), response: Clip },
  'clips.delete': { request: z.object({ showId: ShowId, clipId: Clip.shape.id }).strict(), response: z.object({}) },
  /**
   * A ready clip's thumbnail as a data: URL: the studio's pages may only load images from
   * themselves (CSP img-src 'self' data: blob:), not from the relay.
   */
  'clips.thumbnail': { request: z.object({ showId: ShowId, clipId: Clip.shape.id }).strict(), response: z.object({ dataUrl: z.string().max(2_000_000) }) },
} as const;
