import { z } from 'zod';

/**
 * Every error code the relay answers with, once: its HTTP status and what it means. Error bodies are
 * `{ error: <code>, message: <sentence for people> }` (ApiError). The docs' error table and the
 * OpenAPI document are generated from this; a code not listed here cannot be sent.
 */
export const ERRORS = {
  bad_request: { status: 400, means: 'the request is malformed: path, query, headers or body fail the declared schema' },
  bad_sdp: { status: 400, means: 'the SDP is not a WebRTC offer or answer (v=0, o=, m= lines, ICE credentials and a DTLS fingerprint)' },
  unknown_product: { status: 400, means: 'the product or option is not on sale in this show' },
  unknown_option: { status: 400, means: 'the option does not belong to the product' },
  option_required: { status: 400, means: 'the product has options and none was chosen' },
  consent_required: { status: 400, means: 'the buyer has not agreed to the collection and use of personal data (개인정보 수집·이용 동의)' },
  unauthorized: { status: 401, means: 'the studio key is missing, wrong or replaced' },
  unknown_viewer: { status: 401, means: 'the device id was not issued by this relay for this show' },
  payment_declined: { status: 402, means: 'the payment provider declined the card' },
  not_found: { status: 404, means: 'no such show, link, order, quiz, asset or page' },
  not_decided: { status: 404, means: 'the quiz has no result yet' },
  no_replay: { status: 404, means: 'the show has no replay to play or cut clips from (not ended, not recorded, not processed yet, or deleted)' },
  method_not_allowed: { status: 405, means: 'the path exists but not with this method (the Allow header lists the methods)' },
  conflict: { status: 409, means: 'the show is not in a state that allows this (e.g. ending a show that has not started)' },
  not_live: { status: 409, means: 'the show is not live' },
  show_live: { status: 409, means: 'the show is live: end it before deleting it' },
  show_has_orders: { status: 409, means: 'the show has orders, which are kept (records of sale); it cannot be deleted' },
  stale: { status: 409, means: 'the publishing session was replaced' },
  show_not_live: { status: 409, means: 'orders, claims, answers and votes happen only while the show is live (orders also in its ready replay)' },
  stale_stage: { status: 409, means: 'the stage changed since the studio read it (baseVersion is old)' },
  too_many_pinned: { status: 409, means: 'three product cards are already pinned' },
  nothing_to_close: { status: 409, means: 'there is no open coupon, quiz or poll to close' },
  sold_out: { status: 409, means: 'nothing is left of this product or option' },
  buyer_cap: { status: 409, means: "the product's per-buyer cap is reached, counted by device, phone and delivery address" },
  network_cap: { status: 409, means: "this network's share is taken: unpaid orders of a product, claims of a drop or votes in a poll (5 each)" },
  out_of_stock: { status: 409, means: 'the quantity asked is more than is left' },
  coupon_unknown: { status: 409, means: 'no such coupon in this show' },
  coupon_not_started: { status: 409, means: 'the coupon is not valid yet' },
  coupon_expired: { status: 409, means: 'the coupon (or the drop it came from) has ended' },
  coupon_used_up: { status: 409, means: "the coupon's total quota is used up" },
  coupon_cap: { status: 409, means: 'this buyer has used the coupon as often as allowed' },
  coupon_currency: { status: 409, means: "the coupon is in another currency than the product" },
  coupon_min_order: { status: 409, means: 'the order is below the coupon minimum' },
  coupon_not_applicable: { status: 409, means: 'the coupon covers none of the products ordered' },
  coupon_not_claimed: { status: 409, means: 'this coupon must be claimed from its drop first' },
  total_mismatch: { status: 409, means: "the total the viewer saw differs from the relay's price (the message carries the relay's total)" },
  idempotency_conflict: { status: 409, means: 'the same idempotency key was used with different content' },
  invalid_transition: { status: 409, means: 'the order cannot move to that status from where it is' },
  quiz_not_open: { status: 409, means: 'no such quiz is open' },
  quiz_closed: { status: 409, means: 'the quiz has closed' },
  quiz_answered: { status: 409, means: 'this viewer already answered' },
  poll_closed: { status: 409, means: 'the poll has closed' },
  poll_voted: { status: 409, means: 'this viewer already voted' },
  stock_changed: { status: 409, means: "the stock moved since the studio read it (expectedStock is old); the message carries the relay's level" },
  stock_below_zero: { status: 409, means: 'the correction would take the stock below 0 (sold units cannot be un-sold)' },
  special_price: { status: 409, means: "a live special must be below the product's current price" },
  in_stock: { status: 409, means: 'the option is not sold out; a back-in-stock request is for sold-out lines' },
  restock_limit: { status: 409, means: 'this device already waits for as many lines as allowed in the show' },
  no_rendition: { status: 409, means: "the replay gets no MP4 rendition: it is MP4 already (an OBS show), or this relay makes none (RELAY_RENDITION_CONCURRENCY=0)" },
  no_video: { status: 409, means: 'nothing was recorded during this segment, so it has no clip' },
  clip_range: { status: 422, means: "the clip's in/out is outside the recording or the clip is not 10 s to 2 min long" },
  range_not_satisfiable: { status: 416, means: 'the Range header asks for bytes beyond the end of the file' },
  link_gone: { status: 410, means: 'the watch link (or moderator link) has expired or the seller revoked it' },
  precondition_failed: { status: 412, means: "If-Match names an entity tag the WHIP session no longer has (an ICE restart happened since)" },
  too_large: { status: 413, means: 'the body is larger than the route allows' },
  unsupported_type: { status: 415, means: 'the Content-Type is not one the route takes' },
  precondition_required: { status: 428, means: 'an ICE restart (PATCH with new ICE credentials) needs If-Match: "*" (RFC 9725)' },
  rate_limited: { status: 429, means: 'too many requests from this device or address; wait a moment' },
  device_budget: { status: 429, means: 'too many new device ids from this network just now (docs/identity-and-fairness.md); register again in a few seconds' },
  internal: { status: 500, means: 'the relay hit an unexpected error; it is logged' },
  media_unavailable: { status: 503, means: 'the media engine (Janus) is restarting' },
  not_built: { status: 503, means: 'the watch page is not built on this relay' },
} as const satisfies Record<string, { status: number; means: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ErrorCode = z.enum(Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]]);

/** Codes any route may answer (the router's own checks), so routes list only their particular ones. */
export const COMMON_ERRORS = ['bad_request', 'not_found', 'method_not_allowed', 'too_large', 'rate_limited', 'internal'] as const satisfies readonly ErrorCode[];

export const statusOf = (code: ErrorCode): number => ERRORS[code].status;
