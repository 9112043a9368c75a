import { z } from 'zod';
import { IngestStatus } from './ingest.js';
import { ChatSettings, ChatState, StaffChatEntry } from './chat.js';
import { QualityPreset } from '../quality.js';
import { isPastStart, PAST_START_MESSAGE, Show, ShowTitle } from '../show.js';
import { Stage, StageOp } from '../stage.js';
import { Id } from '../commerce/catalog.js';
import { SellerOrder } from '../commerce/order.js';
import { StockLevel } from '../commerce/show-catalog.js';
import { Dashboard } from '../analytics.js';

/** Relay ⇄ studio-core HTTP API bodies and the studio event stream. */

export const CreateShowRequest = z.object({
  title: ShowTitle,
  /** ISO 8601; when the "starts soon" page says the show begins. */
  scheduledAt: z.iso
    .datetime({ offset: true })
    .refine((iso) => !isPastStart(iso, Date.now()), PAST_START_MESSAGE)
    .nullable()
    .optional(),
});
export type CreateShowRequest = z.infer<typeof CreateShowRequest>;

export const RenameShowRequest = z.object({ title: ShowTitle });
export type RenameShowRequest = z.infer<typeof RenameShowRequest>;

export const CreateLinkRequest = z.object({
  /** Hours until the link stops working; omitted = never expires (still revocable). */
  expiresInHours: z.number().positive().max(24 * 365).optional(),
});
export type CreateLinkRequest = z.infer<typeof CreateLinkRequest>;

export const MediaEngineState = z.enum(['up', 'down', 'starting']);
export type MediaEngineState = z.infer<typeof MediaEngineState>;

/**
 * GET /api/health. The public sees `ok` and the media engine's state; with the studio key the
 * relay adds the details (version, uptime, restarts, live shows, viewers), which tell an outsider
 * more than it needs (what to attack, how big the audience is).
 */
export const Health = z.object({
  ok: z.boolean(),
  mediaEngine: z.object({ state: MediaEngineState, restarts: z.number().int().optional(), managed: z.boolean().optional() }),
  version: z.string().optional(),
  uptimeSec: z.number().optional(),
  liveShows: z.number().int().optional(),
  viewers: z.number().int().optional(),
});
export type Health = z.infer<typeof Health>;

export const PublishRequest = z.object({ quality: QualityPreset.optional() });

export const RelayToStudio = z.discriminatedUnion('type', [
  z.object({ type: z.literal('viewers'), showId: z.string(), count: z.number().int() }),
  z.object({ type: z.literal('show'), show: Show }),
  z.object({ type: z.literal('mediaEngine'), state: MediaEngineState }),
  /** The publisher's session at Janus went away (engine restart, ICE failure); the studio should publish again. */
  z.object({ type: z.literal('publisherLost'), showId: z.string(), reason: z.string() }),
  z.object({ type: z.literal('stage'), showId: z.string(), stage: Stage }),
  /** An order was placed or changed (cancelled, refunded, paid, erased). Full buyer details: studio only. */
  z.object({ type: z.literal('order'), showId: z.string(), order: SellerOrder }),
  /** The relay's stock changed; the studio writes it back to its catalog. */
  z.object({ type: z.literal('stock'), showId: z.string(), items: z.array(StockLevel) }),
  /** Live numbers, at most every 2 s while something changes. */
  z.object({ type: z.literal('dashboard'), showId: z.string(), dashboard: Dashboard }),
  /** A chat message appeared or changed (held, approved, deleted, answered): staff see every one. */
  z.object({ type: z.literal('chat'), showId: z.string(), entry: StaffChatEntry }),
  z.object({ type: z.literal('chatState'), showId: z.string(), state: ChatState, settings: ChatSettings }),
  /** What the OBS ingest receives for the show, on every change. */
  z.object({ type: z.literal('ingest'), showId: z.string(), status: IngestStatus }),
]);

/** The host moved to a segment of the run-down: orders from now on count for it. */
export const SegmentRequest = z.object({ segmentId: Id, title: z.string().trim().min(1).max(120) }).strict();
export type SegmentRequest = z.infer<typeof SegmentRequest>;

export const OrderActionRequest = z.object({ reason: z.string().trim().max(200).default('') }).strict();
export const MarkPaidRequest = z.object({}).strict();

export const FireCueRequest = z.object({
  firingId: Id,
  baseVersion: z.number().int().min(0),
  captureMs: z.number().finite().nullable(),
  op: StageOp,
});
export type FireCueRequest = z.infer<typeof FireCueRequest>;
export type RelayToStudio = z.infer<typeof RelayToStudio>;
