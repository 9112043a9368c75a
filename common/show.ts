import { z } from 'zod';
import { MAX_TITLE_LENGTH } from './limits.js';
import { ViewerDisplay } from './viewer-display.js';

/** Lifecycle of a show as the relay owns it. */
export const ShowStatus = z.enum(['scheduled', 'live', 'ended']);
export type ShowStatus = z.infer<typeof ShowStatus>;

export const ShowTitle = z.string().trim().min(1, 'title is required').max(MAX_TITLE_LENGTH, `title is longer than ${MAX_TITLE_LENGTH} characters`);

/**
 * A start time more than this far in the past is refused: a datetime picker has minute
 * precision, so "now" picked a few seconds ago must still pass, but yesterday must not.
 */
export const START_TIME_GRACE_MS = 5 * 60_000;
export const isPastStart = (iso: string, nowMs: number) => Date.parse(iso) < nowMs - START_TIME_GRACE_MS;
export const PAST_START_MESSAGE = 'the start time is in the past; pick a time from now on';

export const Show = z.object({
  id: z.string(),
  title: z.string(),
  status: ShowStatus,
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Set on a rehearsal: the show it rehearses. Rehearsals are private and count and sell nothing. */
  rehearsalOf: z.string().nullable(),
});
export type Show = z.infer<typeof Show>;

/**
 * What a viewer may know about a show: no ids of other resources, no secrets. `display`: which
 * overlay kinds the host lets viewers see (common/viewer-display.ts); it rides with the show so a
 * joiner gets it in `welcome` and a change reaches everyone as a `show` message.
 */
export const PublicShow = Show.pick({ title: true, status: true, scheduledAt: true, startedAt: true, endedAt: true }).extend({ rehearsal: z.boolean(), display: ViewerDisplay });
export type PublicShow = z.infer<typeof PublicShow>;

export const WatchLink = z.object({
  id: z.string(),
  showId: z.string(),
  url: z.string(),
  qrSvg: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WatchLink = z.infer<typeof WatchLink>;
