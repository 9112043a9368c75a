import { z } from 'zod';
import { Id } from './commerce/catalog.js';
import { MAX_TITLE_LENGTH } from './limits.js';
import { ObsActions } from './obs.js';

/**
 * A show's run-down: ordered segments, each with talking points, featured products and cues.
 * A cue names catalog items by id; the studio resolves them into stage ops when it fires.
 */
export const CueAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('showProducts'), productIds: z.array(Id).min(1).max(3) }),
  z.object({ kind: z.literal('dropCoupon'), couponId: Id, durationSec: z.number().int().min(5).max(3600) }),
  z.object({ kind: z.literal('openQuiz'), quizId: Id }),
  z.object({ kind: z.literal('openPoll'), pollId: Id }),
  z.object({ kind: z.literal('close'), target: z.enum(['cards', 'coupon', 'quiz', 'poll']) }),
]);
export type CueAction = z.infer<typeof CueAction>;

export const CueTrigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('manual') }),
  /** Seconds after the segment starts. */
  z.object({ type: z.literal('offset'), atSec: z.number().int().min(0).max(6 * 3600) }),
]);
export type CueTrigger = z.infer<typeof CueTrigger>;

export const Cue = z.object({
  id: Id,
  label: z.string().trim().max(80).default(''),
  action: CueAction,
  trigger: CueTrigger,
  /** OBS mode: what OBS does when the cue fires (switch scene, show/hide an item); ignored with a camera. */
  obsActions: ObsActions.default([]),
});
export type Cue = z.infer<typeof Cue>;

export const Segment = z.object({
  id: Id,
  title: z.string().trim().min(1, 'segment title is required').max(80),
  plannedSec: z.number().int().min(10, 'at least 10 seconds').max(4 * 3600),
  talkingPoints: z.string().max(4000).default(''),
  featuredProductIds: z.array(Id).max(10).default([]),
  cues: z.array(Cue).max(50).default([]),
  /** OBS mode: what OBS does when the host enters the segment. */
  obsActions: ObsActions.default([]),
});
export type Segment = z.infer<typeof Segment>;

/** A run-down's name; shares the show title's limit so naming one after a show never fails. */
export const RundownName = z.string().trim().min(1).max(MAX_TITLE_LENGTH);

export const Rundown = z.object({
  id: Id,
  /** As long as a show title (one limit): a run-down for a show is named after it. */
  name: RundownName,
  /** The relay show it is for; null for a template. */
  showId: z.string().max(64).nullable(),
  segments: z.array(Segment).max(100),
  updatedAt: z.string(),
});
export type Rundown = z.infer<typeof Rundown>;

/** Where the host is in the segment: elapsed, remaining (negative = over), and the next cue to fire. */
export interface SegmentClock {
  elapsedSec: number;
  remainingSec: number;
  over: boolean;
  nextCue: { cue: Cue; index: number; dueInSec: number | null } | null;
}

/**
 * `fired` holds the ids of cues already fired in this segment. The next cue is the first unfired
 * one in run-down order; when it is timed, `dueInSec` counts down to it (≤ 0 means due now).
 */
export function segmentClock(segment: Segment, startedAtMs: number, nowMs: number, fired: ReadonlySet<string>): SegmentClock {
  const elapsedSec = Math.max(0, (nowMs - startedAtMs) / 1000);
  const remainingSec = segment.plannedSec - elapsedSec;
  const index = segment.cues.findIndex((c) => !fired.has(c.id));
  const cue = index >= 0 ? segment.cues[index]! : null;
  return {
    elapsedSec,
    remainingSec,
    over: remainingSec < 0,
    nextCue: cue ? { cue, index, dueInSec: cue.trigger.type === 'offset' ? cue.trigger.atSec - elapsedSec : null } : null,
  };
}

/** Timed cues whose moment has come and that have not fired: the live view fires these by itself. */
export function dueCues(segment: Segment, startedAtMs: number, nowMs: number, fired: ReadonlySet<string>): Cue[] {
  const elapsedSec = (nowMs - startedAtMs) / 1000;
  return segment.cues.filter((c) => c.trigger.type === 'offset' && !fired.has(c.id) && c.trigger.atSec <= elapsedSec);
}

/** Planned length of the whole run-down, in seconds. */
export function plannedTotalSec(rundown: Pick<Rundown, 'segments'>): number {
  return rundown.segments.reduce((n, s) => n + s.plannedSec, 0);
}

/** Moves item `from` to position `to` (drag and drop, or Alt+↑/↓); out-of-range moves change nothing. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}
