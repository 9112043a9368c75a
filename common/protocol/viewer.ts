import { z } from 'zod';
import { MAX_SDP_BYTES } from '../limits.js';
import { PublicShow } from '../show.js';
import { Stage } from '../stage.js';
import { Id } from '../commerce/catalog.js';

/** Viewer ⇄ relay messages on the watch WebSocket. Every message is one JSON object with a `type`. */

const Sdp = z.string().min(10, 'sdp is empty').max(MAX_SDP_BYTES, 'sdp is too large');
import { ViewerId } from './viewer-id.js';
import { CHAT_TO_VIEWER, ChatSend, HeartSend } from './chat.js';

export { ViewerId };

export const ViewerToRelay = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().min(1).max(1024), viewerId: ViewerId.optional() }),
  /** Ask for Janus's offer for the current media epoch. */
  z.object({ type: z.literal('subscribe') }),
  z.object({ type: z.literal('answer'), epoch: z.number().int().nonnegative(), sdp: Sdp }),
  ChatSend,
  HeartSend,
]);
export type ViewerToRelay = z.infer<typeof ViewerToRelay>;

export const RelayToViewer = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    viewerId: ViewerId,
    show: PublicShow,
    mediaEpoch: z.number().int().nullable(),
    viewers: z.number().int(),
    /** What is on screen now, shown at once (a late joiner sees what everyone sees). */
    stage: Stage,
    /** Relay clock, so countdowns (coupon, quiz) are right on a phone whose clock is off. */
    serverNow: z.number(),
  }),
  /**
   * The stage changed because the host fired a cue. `captureMs` is the studio's capture time of the
   * frame on screen when the host fired; show this stage on the first rendered frame whose stamp
   * (see common/frame-stamp.ts) is at or after it. null: show at once (expiry, corrections).
   */
  /**
   * A stage update. `captureMs`: the studio capture time of the frame it belongs to (camera mode).
   * `holdForVideo`: no stamp, but it belongs to the picture reaching the relay now (OBS mode): the
   * viewer holds it for its own measured video delay, so it lands on that picture, not before it.
   */
  z.object({ type: z.literal('stage'), stage: Stage, captureMs: z.number().nullable(), holdForVideo: z.boolean().optional(), serverNow: z.number() }),
  /** Show or media changed; a new `mediaEpoch` means: subscribe again. `null` means no picture yet. */
  z.object({ type: z.literal('show'), show: PublicShow, mediaEpoch: z.number().int().nullable() }),
  z.object({ type: z.literal('offer'), epoch: z.number().int(), sdp: z.string() }),
  z.object({ type: z.literal('viewers'), count: z.number().int() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  /** Stock changed (coalesced, ≤ 4 per second; a product reaching 0 is sent at once: Sold out for everyone). */
  z.object({ type: z.literal('stock'), items: z.array(z.object({ productId: Id, optionId: Id.nullable(), stock: z.number().int().min(0) })).max(600) }),
  /** Anonymised purchase notices ("김** just bought …"), coalesced; at most 5 per message. */
  z.object({ type: z.literal('purchases'), items: z.array(z.object({ buyer: z.string().max(8), productName: z.string().max(80), quantity: z.number().int().min(1) })).max(5) }),
  /** A 라이브 특가 started (price, relay-clock endsAt) or ended early (price and endsAt null). */
  z.object({ type: z.literal('special'), productId: Id, price: z.number().int().min(0).nullable(), endsAt: z.number().nullable() }),
  /** The host restocked a line: pages that asked to be told about it say so (docs/live-selling.md). */
  z.object({ type: z.literal('restocked'), productId: Id, optionId: Id.nullable(), stock: z.number().int().min(0) }),
  /** A coupon drop's quota left (coalesced). 0 = all claimed. */
  z.object({ type: z.literal('couponQuota'), couponId: Id, quotaLeft: z.number().int().min(0) }),
  /** A poll's live results (coalesced). */
  z.object({ type: z.literal('pollTally'), pollId: Id, counts: z.array(z.number().int().min(0)).max(4) }),
  /** A quiz was decided: each viewer then asks GET …/quizzes/:id/outcome whether they won. */
  z.object({ type: z.literal('quizResult'), quizId: Id, correctIndex: z.number().int(), winners: z.number().int().min(0), answers: z.number().int().min(0) }),
  ...CHAT_TO_VIEWER,
]);
export type RelayToViewer = z.infer<typeof RelayToViewer>;
