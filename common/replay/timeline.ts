import { z } from 'zod';

/**
 * How a show's replay file lines up with the live show. The relay writes one timeline beside each
 * processed recording; the replay (cue times, chapters) and the clips (segment in/out) both read
 * positions from it, never from their own arithmetic.
 *
 * A recording is one or more parts (the publisher reconnected, or the relay restarted mid-show),
 * laid end to end in the replay file. Each part knows the relay's wall clock at its first frame,
 * and, when the frames carried the studio's capture stamps (camera mode; not OBS), the capture
 * time of its frames, so a cue stamped with a capture time lands on the exact frame it was fired on.
 */
const Seconds = z.number().finite().nonnegative();

export const ReplayPart = z.object({
  /** Where the part begins in the replay file, in seconds. */
  startSec: Seconds,
  durationSec: Seconds,
  /** The relay's clock (epoch ms) when the part's first frame was recorded. */
  wallStartMs: z.number().finite(),
  /** [replaySec, captureMs] of the part's stamped video frames, ascending in both; empty when unstamped. */
  frames: z.array(z.tuple([Seconds, z.number().finite()])).max(2_000_000),
});
export type ReplayPart = z.infer<typeof ReplayPart>;

export const ReplayTimeline = z.object({
  version: z.literal(1),
  durationSec: Seconds,
  parts: z.array(ReplayPart).max(10_000),
});
export type ReplayTimeline = z.infer<typeof ReplayTimeline>;

function partAtWall(t: ReplayTimeline, wallMs: number): ReplayPart | null {
  let found: ReplayPart | null = null;
  for (const p of t.parts) if (p.wallStartMs <= wallMs) found = p;
  return found;
}

/**
 * The replay position of a relay wall-clock instant (a segment's start, a chat message), or null
 * when nothing was recorded then (before the first part, or in a gap between parts). An instant in
 * a gap is not moved to the next part: the caller decides (a chapter starts at the next part).
 */
export function replaySecAtWall(t: ReplayTimeline, wallMs: number): number | null {
  const p = partAtWall(t, wallMs);
  if (!p) return null;
  const into = (wallMs - p.wallStartMs) / 1000;
  return into <= p.durationSec ? p.startSec + into : null;
}

/**
 * The replay position of the frame nearest `captureMs` (ties to the earlier one), the frame a live
 * viewer saw the cue appear on: live, a frame counts as reaching a cue from half a frame before its
 * stamp (server/watch/src/stage-sync.ts), since the keypress falls between two captured frames.
 * Null when no stamped frame covers that instant.
 */
export function replaySecAtCapture(t: ReplayTimeline, captureMs: number): number | null {
  for (const p of t.parts) {
    const f = p.frames;
    if (!f.length || captureMs < f[0]![1] - frameSlackMs(f) || captureMs > f[f.length - 1]![1]) continue;
    let lo = 0;
    let hi = f.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f[mid]![1] < captureMs) lo = mid + 1;
      else hi = mid;
    }
    // f[lo] is the first frame at or after the instant; the one before wins when it is as near.
    if (lo > 0 && captureMs - f[lo - 1]![1] <= f[lo]![1] - captureMs) return f[lo - 1]![0];
    return f[lo]![0];
  }
  return null;
}

/** A cue fired just before a part's first frame (within one frame time) still lands on that frame. */
function frameSlackMs(f: ReplayPart['frames']): number {
  return f.length > 1 ? Math.max(0, f[1]![1] - f[0]![1]) : 0;
}
