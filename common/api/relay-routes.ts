import { z } from 'zod';
import { Dashboard, Report } from '../analytics.js';
import { CartCheckoutRequest, CartOrder, CartQuote, CartQuoteRequest } from '../commerce/cart.js';
import { CheckoutRequest, Quote, QuoteRequest, SellerOrder, ViewerOrder } from '../commerce/order.js';
import { BulkCancelRequest, BulkCancelResponse, OrderCluster } from '../commerce/clusters.js';
import { BulkShipRequest, BulkShipResponse, MarkShippedRequest, OrderLookupRequest } from '../commerce/shipment.js';
import { ShowCatalog, StockLevel } from '../commerce/show-catalog.js';
import { StoreProfile, StoreProfileAnswer } from '../commerce/store-profile.js';
import { AdjustStockRequest, AdjustStockResponse, EndSpecialRequest, LiveSpecial, RestockDemand, RestockRequest, RestockWatch, StartSpecialRequest } from '../commerce/live-selling.js';
import { MAX_API_BODY_BYTES, MAX_SDP_BYTES } from '../limits.js';
import { CreateLinkRequest, CreateShowRequest, RenameShowRequest, FireCueRequest, Health, MarkPaidRequest, OrderActionRequest, SegmentRequest } from '../protocol/studio-api.js';
import {
  ClaimCouponRequest,
  ClaimCouponResponse,
  HeldCoupon,
  MAX_WATCH_BODY_BYTES,
  PaymentOptions,
  PollVoteRequest,
  PollVoteResponse,
  QuizAnswerRequest,
  QuizAnswerResponse,
  QuizOutcome,
  RegisterViewerRequest,
  RegisterViewerResponse,
  ViewerEventRequest,
} from '../protocol/watch-api.js';
import { Show, WatchLink } from '../show.js';
import { Stage } from '../stage.js';
import { ViewerDisplay } from '../viewer-display.js';
import { ChatAction, ChatLists, ChatSettings, CreateModeratorLink, ModerationEntry, ModeratorChatView, ModeratorLink, StaffChatEntry, StaffChatPost, StaffChatView } from '../protocol/chat.js';
import { IngestKey, IngestStatus } from '../protocol/ingest.js';
import { route, type RouteDecl } from './route.js';
import { CLIP_ROUTES } from './clip-routes.js';
import { RECORDING_ROUTES } from './recording-routes.js';
import { REPLAY_ROUTES } from './replay-routes.js';

/** A catalog of 500 products with images and options is larger than the API's usual 256 KiB. */
export const MAX_CATALOG_BYTES = 4 * 1024 * 1024;
/** A full store profile is under 3 KB of JSON; 16 KiB leaves room for long Korean addresses, not for junk. */
export const MAX_STORE_PROFILE_BYTES = 16 * 1024;
export const MAX_ASSET_BYTES = 5 * 1024 * 1024;
export const ASSET_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

const json = <S extends z.ZodType>(schema: S, maxBytes = MAX_API_BODY_BYTES) => ({ kind: 'json', schema, maxBytes }) as const;
const watchJson = <S extends z.ZodType>(schema: S) => json(schema, MAX_WATCH_BODY_BYTES);
const none = { kind: 'none' } as const;
const ok = <S extends z.ZodType, N extends number = 200>(schema: S, status: N = 200 as N) => ({ kind: 'json', status, schema }) as const;
const csv = { kind: 'text', status: 200, contentType: 'text/csv; charset=utf-8' } as const;

export const StudioSession = z.object({ ok: z.literal(true) });
export const RehearsalAnswer = z.object({ show: Show, link: WatchLink });
export const CatalogAnswer = z.object({ stock: z.array(StockLevel) });
export const AssetAnswer = z.object({ ref: z.string().min(1).max(200), url: z.string().min(1).max(200) });

/**
 * The relay's HTTP API, declared once (docs/api.md, served as OpenAPI 3.1 at /api/openapi.json).
 * Names are what the call does; the studio's and the watch page's clients use the same names.
 */
export const RELAY_ROUTES = {
  // ---- public ----
  health: route({ method: 'GET', path: '/api/health', auth: 'public', summary: 'Is the relay up (and its media engine)? Details need the studio key.', body: none, answer: ok(Health), errors: ['media_unavailable'] }),
  openApi: route({ method: 'GET', path: '/api/openapi.json', auth: 'public', summary: 'This API as an OpenAPI 3.1 document.', body: none, answer: { kind: 'bytes', status: 200, contentType: 'application/json' }, errors: [] }),
  watchPage: route({ method: 'GET', path: '/w/:token', auth: 'public', summary: 'The watch page a watch link opens (a bilingual page explains a bad, expired or revoked link).', body: none, answer: { kind: 'text', status: 200, contentType: 'text/html; charset=utf-8' }, errors: ['link_gone', 'not_built'] }),
  watchAsset: route({ method: 'GET', path: '/watch-assets/:file', auth: 'public', summary: "The watch page's built scripts and styles.", body: none, answer: { kind: 'bytes', status: 200, contentType: 'application/octet-stream' }, errors: [] }),
  asset: route({ method: 'GET', path: '/assets/:ref', auth: 'public', summary: 'A product image the studio uploaded (by content hash).', body: none, answer: { kind: 'bytes', status: 200, contentType: 'image/*' }, errors: [] }),

  // ---- studio (Authorization: Bearer <studio key>) ----
  checkKey: route({ method: 'GET', path: '/api/studio/session', auth: 'studio', summary: 'Checks the studio key.', body: none, answer: ok(StudioSession), errors: ['unauthorized'] }),
  listShows: route({ method: 'GET', path: '/api/shows', auth: 'studio', summary: 'Every show.', body: none, answer: ok(z.array(Show)), errors: ['unauthorized'] }),
  createShow: route({ method: 'POST', path: '/api/shows', auth: 'studio', summary: 'Creates a show.', body: json(CreateShowRequest), answer: ok(Show, 201), errors: ['unauthorized'] }),
  getShow: route({ method: 'GET', path: '/api/shows/:id', auth: 'studio', summary: 'One show.', body: none, answer: ok(Show), errors: ['unauthorized'] }),
  renameShow: route({ method: 'PATCH', path: '/api/shows/:id', auth: 'studio', summary: 'Renames a show (viewers see the new title).', body: json(RenameShowRequest), answer: ok(Show), errors: ['unauthorized'] }),
  deleteShow: route({ method: 'DELETE', path: '/api/shows/:id', auth: 'studio', summary: 'Deletes a show that is not live and has no orders, with its links, rehearsals, catalog, stock, cue history, claims, answers, votes and numbers.', body: none, answer: ok(z.object({})), errors: ['unauthorized', 'show_live', 'show_has_orders'] }),
  startShow: route({ method: 'POST', path: '/api/shows/:id/start', auth: 'studio', summary: 'Goes live.', body: none, answer: ok(Show), errors: ['unauthorized', 'conflict'] }),
  endShow: route({ method: 'POST', path: '/api/shows/:id/end', auth: 'studio', summary: 'Ends the show for good.', body: none, answer: ok(Show), errors: ['unauthorized', 'conflict'] }),
  listLinks: route({ method: 'GET', path: '/api/shows/:id/links', auth: 'studio', summary: "The show's watch links.", body: none, answer: ok(z.array(WatchLink)), errors: ['unauthorized'] }),
  createLink: route({ method: 'POST', path: '/api/shows/:id/links', auth: 'studio', summary: 'A new signed watch link.', body: json(CreateLinkRequest), answer: ok(WatchLink, 201), errors: ['unauthorized'] }),
  revokeLink: route({ method: 'POST', path: '/api/links/:id/revoke', auth: 'studio', summary: 'Withdraws a watch link; sockets opened with it are closed.', body: none, answer: ok(WatchLink), errors: ['unauthorized'] }),
  rehearse: route({ method: 'POST', path: '/api/shows/:id/rehearsal', auth: 'studio', summary: 'A rehearsal of the show on a private link.', body: none, answer: ok(RehearsalAnswer, 201), errors: ['unauthorized', 'conflict'] }),
  // OBS ingest (contract with the relay's ingest; docs/obs-studio.md)
  createIngestKey: route({ method: 'POST', path: '/api/shows/:showId/ingest-key', auth: 'studio', summary: "Issues the show's OBS stream key (or returns the current one); refused once the show has ended.", body: none, answer: ok(IngestKey), errors: ['unauthorized', 'conflict'] }),
  revokeIngestKey: route({ method: 'DELETE', path: '/api/shows/:showId/ingest-key', auth: 'studio', summary: "Revokes the show's stream key; an ingest running on it is cut.", body: none, answer: { kind: 'empty', status: 204 }, errors: ['unauthorized'] }),
  ingestStatus: route({ method: 'GET', path: '/api/shows/:showId/ingest', auth: 'studio', summary: 'What the ingest receives for the show (idle, receiving, stalled) and its last refusal.', body: none, answer: ok(IngestStatus), errors: ['unauthorized'] }),
  getStage: route({ method: 'GET', path: '/api/shows/:id/stage', auth: 'studio', summary: 'What viewers see over the video now.', body: none, answer: ok(Stage), errors: ['unauthorized'] }),
  fireCue: route({ method: 'POST', path: '/api/shows/:id/cues', auth: 'studio', summary: 'Fires a cue (idempotent by firingId).', body: json(FireCueRequest), answer: ok(Stage), errors: ['unauthorized', 'not_live', 'stale_stage', 'too_many_pinned', 'nothing_to_close'] }),
  putAsset: route({ method: 'PUT', path: '/api/assets', auth: 'studio', summary: 'Uploads a product image (PNG, JPEG or WebP; the bytes must match the type).', body: { kind: 'bytes', types: ASSET_TYPES, maxBytes: MAX_ASSET_BYTES }, answer: ok(AssetAnswer, 201), errors: ['unauthorized', 'unsupported_type'] }),
  putCatalog: route({ method: 'PUT', path: '/api/shows/:id/catalog', auth: 'studio', summary: "Hands the show's catalog (products, coupons, quizzes, polls, payment) to the relay.", body: json(ShowCatalog, MAX_CATALOG_BYTES), answer: ok(CatalogAnswer), errors: ['unauthorized', 'conflict'] }),
  getStock: route({ method: 'GET', path: '/api/shows/:id/stock', auth: 'studio', summary: 'Stock the relay holds for the show.', body: none, answer: ok(z.array(StockLevel)), errors: ['unauthorized'] }),
  listOrders: route({ method: 'GET', path: '/api/shows/:id/orders', auth: 'studio', summary: "The show's orders with buyer details.", body: none, answer: ok(z.array(SellerOrder)), errors: ['unauthorized'] }),
  ordersCsv: route({ method: 'GET', path: '/api/shows/:id/orders.csv', auth: 'studio', summary: 'Orders as CSV for shipping.', body: none, answer: csv, errors: ['unauthorized'] }),
  orderClusters: route({ method: 'GET', path: '/api/shows/:id/orders/clusters', auth: 'studio', summary: 'Standing orders grouped by shared phone, delivery address or network (3 or more): suspicious clusters.', body: none, answer: ok(z.array(OrderCluster)), errors: ['unauthorized'] }),
  cancelOrders: route({ method: 'POST', path: '/api/shows/:id/orders/cancel', auth: 'studio', summary: 'Cancels many unpaid orders of the show at once (a cluster); paid ones are listed as refused.', body: json(BulkCancelRequest), answer: ok(BulkCancelResponse), errors: ['unauthorized'] }),
  markPaid: route({ method: 'POST', path: '/api/orders/:orderId/paid', auth: 'studio', summary: 'Marks an order paid.', body: json(MarkPaidRequest), answer: ok(SellerOrder), errors: ['unauthorized', 'invalid_transition'] }),
  cancelOrder: route({ method: 'POST', path: '/api/orders/:orderId/cancel', auth: 'studio', summary: 'Cancels an order (stock returns).', body: json(OrderActionRequest), answer: ok(SellerOrder), errors: ['unauthorized', 'invalid_transition'] }),
  refundOrder: route({ method: 'POST', path: '/api/orders/:orderId/refund', auth: 'studio', summary: 'Refunds a paid order.', body: json(OrderActionRequest), answer: ok(SellerOrder), errors: ['unauthorized', 'invalid_transition'] }),
  markShipped: route({ method: 'POST', path: '/api/orders/:orderId/shipped', auth: 'studio', summary: 'Marks a paid (or cash-on-delivery) order shipped with courier and tracking number; again with other details corrects them.', body: json(MarkShippedRequest), answer: ok(SellerOrder), errors: ['unauthorized', 'invalid_transition'] }),
  shipOrders: route({ method: 'POST', path: '/api/shows/:id/orders/shipped', auth: 'studio', summary: "Marks many of the show's orders shipped (rows from the seller's CSV by order number); each row is checked on its own and refused rows are listed with a reason.", body: json(BulkShipRequest), answer: ok(BulkShipResponse), errors: ['unauthorized'] }),
  eraseBuyer: route({ method: 'POST', path: '/api/orders/:orderId/erase', auth: 'studio', summary: "Deletes the buyer's personal data from an order.", body: json(MarkPaidRequest), answer: ok(SellerOrder), errors: ['unauthorized'] }),
  adjustStock: route({ method: 'POST', path: '/api/shows/:id/stock/adjust', auth: 'studio', summary: 'Adds or removes stock live by a delta, optionally only if the relay still holds expectedStock (never an absolute overwrite); answers back-in-stock requests.', body: json(AdjustStockRequest), answer: ok(AdjustStockResponse), errors: ['unauthorized', 'unknown_product', 'unknown_option', 'option_required', 'stock_changed', 'stock_below_zero'] }),
  startSpecial: route({ method: 'POST', path: '/api/shows/:id/specials', auth: 'studio', summary: 'Starts (or replaces) a 라이브 특가: a lower price for N minutes by the relay clock.', body: json(StartSpecialRequest), answer: ok(LiveSpecial, 201), errors: ['unauthorized', 'unknown_product', 'special_price'] }),
  endSpecial: route({ method: 'POST', path: '/api/shows/:id/specials/end', auth: 'studio', summary: 'Ends a live special early; answers the specials still running.', body: json(EndSpecialRequest), answer: ok(z.array(LiveSpecial)), errors: ['unauthorized'] }),
  listSpecials: route({ method: 'GET', path: '/api/shows/:id/specials', auth: 'studio', summary: 'Live specials running now.', body: none, answer: ok(z.array(LiveSpecial)), errors: ['unauthorized'] }),
  restockDemand: route({ method: 'GET', path: '/api/shows/:id/restock-requests', auth: 'studio', summary: 'How many viewers wait for each sold-out line.', body: none, answer: ok(z.array(RestockDemand)), errors: ['unauthorized'] }),
  enterSegment: route({ method: 'POST', path: '/api/shows/:id/segment', auth: 'studio', summary: 'The host moved to a run-down segment.', body: json(SegmentRequest), answer: ok(z.object({})), errors: ['unauthorized'] }),
  dashboard: route({ method: 'GET', path: '/api/shows/:id/dashboard', auth: 'studio', summary: 'Live numbers.', body: none, answer: ok(Dashboard), errors: ['unauthorized'] }),
  report: route({ method: 'GET', path: '/api/shows/:id/report', auth: 'studio', summary: 'The post-show report.', body: none, answer: ok(Report), errors: ['unauthorized'] }),
  reportCsv: route({ method: 'GET', path: '/api/shows/:id/report.csv', auth: 'studio', summary: 'The post-show report as CSV.', body: none, answer: csv, errors: ['unauthorized'] }),
  chatView: route({ method: 'GET', path: '/api/shows/:id/chat', auth: 'studio', summary: 'The chat as staff see it: recent messages with their status (held, hidden, deleted), settings, pinned and caption.', body: none, answer: ok(StaffChatView), errors: ['unauthorized'] }),
  chatPost: route({ method: 'POST', path: '/api/shows/:id/chat', auth: 'studio', summary: "The host's own chat message (stands out; never held or rate-limited).", body: json(StaffChatPost), answer: ok(StaffChatEntry, 201), errors: ['unauthorized', 'show_not_live'] }),
  chatAct: route({ method: 'POST', path: '/api/shows/:id/chat/actions', auth: 'studio', summary: 'A moderation action: delete, pin, approve or reject a held message, mark a question answered (and caption it), time out, ban, hide or lift a viewer. Logged with who did it.', body: json(ChatAction), answer: { kind: 'empty', status: 204 }, errors: ['unauthorized'] }),
  chatSettings: route({ method: 'PUT', path: '/api/shows/:id/chat/settings', auth: 'studio', summary: 'Slow mode, freeze (only host and moderators post) and hold-all (every viewer message waits for review).', body: json(ChatSettings), answer: ok(ChatSettings), errors: ['unauthorized'] }),
  viewerDisplay: route({ method: 'GET', path: '/api/shows/:id/display', auth: 'studio', summary: "Which overlay kinds the show's viewers see (purchase notices, stock counters, quiz/poll results, coupon banner); all on until changed (a rehearsal follows its show).", body: none, answer: ok(ViewerDisplay), errors: ['unauthorized'] }),
  saveViewerDisplay: route({ method: 'PUT', path: '/api/shows/:id/display', auth: 'studio', summary: "Sets which overlay kinds the show's viewers see (every kind named, unknown kinds refused); applies at once to viewers on the page. Purchase notices off: the relay stops sending them, in the chat too.", body: json(ViewerDisplay), answer: ok(ViewerDisplay), errors: ['unauthorized'] }),
  chatModeration: route({ method: 'GET', path: '/api/shows/:id/chat/moderation', auth: 'studio', summary: 'Every moderation action, automatic blocks included, with who did it.', body: none, answer: ok(z.array(ModerationEntry)), errors: ['unauthorized'] }),
  createModeratorLink: route({ method: 'POST', path: '/api/shows/:id/moderators', auth: 'studio', summary: "A link an assistant moderates this show's chat with (from another laptop or a phone; never the studio key).", body: json(CreateModeratorLink), answer: ok(ModeratorLink, 201), errors: ['unauthorized'] }),
  listModeratorLinks: route({ method: 'GET', path: '/api/shows/:id/moderators', auth: 'studio', summary: "The show's moderator links.", body: none, answer: ok(z.array(ModeratorLink)), errors: ['unauthorized'] }),
  revokeModeratorLink: route({ method: 'POST', path: '/api/moderators/:linkId/revoke', auth: 'studio', summary: 'Revokes a moderator link at once.', body: none, answer: ok(ModeratorLink), errors: ['unauthorized'] }),
  chatLists: route({ method: 'GET', path: '/api/chat/lists', auth: 'studio', summary: "The seller's banned-word and link lists (every show; product links count as the seller's own domains).", body: none, answer: ok(ChatLists), errors: ['unauthorized'] }),
  saveChatLists: route({ method: 'PUT', path: '/api/chat/lists', auth: 'studio', summary: 'Replaces the word and link lists.', body: json(ChatLists), answer: ok(ChatLists), errors: ['unauthorized'] }),
  storeProfile: route({ method: 'GET', path: '/api/store/profile', auth: 'studio', summary: "The seller's store profile (판매자 정보: business details, customer contact, return terms); profile null until filled in.", body: none, answer: ok(StoreProfileAnswer), errors: ['unauthorized'] }),
  saveStoreProfile: route({ method: 'PUT', path: '/api/store/profile', auth: 'studio', summary: 'Replaces the store profile (every field checked: 사업자등록번호 checksum, phone formats, lengths; unknown fields refused).', body: json(StoreProfile, MAX_STORE_PROFILE_BYTES), answer: ok(StoreProfileAnswer), errors: ['unauthorized'] }),
  chatCsv: route({ method: 'GET', path: '/api/shows/:id/chat.csv', auth: 'studio', summary: 'The whole chat as CSV (every message with its status), for after the show.', body: none, answer: csv, errors: ['unauthorized'] }),

  // ---- moderators (moderator-link token in the path) ----
  moderatorPage: route({ method: 'GET', path: '/m/:token', auth: 'public', summary: 'The moderator page a moderator link opens (a bilingual page explains a bad or revoked link).', body: none, answer: { kind: 'text', status: 200, contentType: 'text/html; charset=utf-8' }, errors: ['link_gone', 'not_built'] }),
  modChatView: route({ method: 'GET', path: '/api/mod/:token/chat', auth: 'moderator', summary: 'The chat as staff see it, for the show this link moderates.', body: none, answer: ok(ModeratorChatView), errors: ['link_gone'] }),
  modChatPost: route({ method: 'POST', path: '/api/mod/:token/chat', auth: 'moderator', summary: "A moderator's own message (shown as a moderator's).", body: json(StaffChatPost), answer: ok(StaffChatEntry, 201), errors: ['link_gone', 'show_not_live'] }),
  modChatAct: route({ method: 'POST', path: '/api/mod/:token/chat/actions', auth: 'moderator', summary: 'A moderation action, logged with this link as who did it.', body: json(ChatAction), answer: { kind: 'empty', status: 204 }, errors: ['link_gone'] }),
  modChatSettings: route({ method: 'PUT', path: '/api/mod/:token/chat/settings', auth: 'moderator', summary: 'Slow mode, freeze and hold-all, as the host can.', body: json(ChatSettings), answer: ok(ChatSettings), errors: ['link_gone'] }),
  modChatLists: route({ method: 'GET', path: '/api/mod/:token/chat/lists', auth: 'moderator', summary: 'The word and link lists, as the host sees them.', body: none, answer: ok(ChatLists), errors: ['link_gone'] }),
  modSaveChatLists: route({ method: 'PUT', path: '/api/mod/:token/chat/lists', auth: 'moderator', summary: 'Replaces the word and link lists (logged as this link).', body: json(ChatLists), answer: ok(ChatLists), errors: ['link_gone'] }),
  modChatModeration: route({ method: 'GET', path: '/api/mod/:token/chat/moderation', auth: 'moderator', summary: 'The moderation log of the show.', body: none, answer: ok(z.array(ModerationEntry)), errors: ['link_gone'] }),

  // ---- WHIP (RFC 9725; the studio key is the bearer token) ----
  whipPublish: route({ method: 'POST', path: '/whip/shows/:id', auth: 'studio', summary: 'WHIP: an SDP offer in (with its candidates, or without them and trickled by PATCH), the SDP answer out with the session Location and its ETag.', body: { kind: 'sdp', maxBytes: MAX_SDP_BYTES }, answer: { kind: 'text', status: 201, contentType: 'application/sdp' }, errors: ['unauthorized', 'unsupported_type', 'bad_sdp', 'conflict', 'not_live', 'media_unavailable'] }),
  whipPatch: route({ method: 'PATCH', path: '/whip/sessions/:sid', auth: 'studio', summary: 'WHIP: trickle ICE candidates (204; If-Match with the ETag, when sent, must be current) or an ICE restart (new ice-ufrag/ice-pwd with If-Match: "*"; 200 with the answer fragment and a new ETag).', body: { kind: 'sdp', maxBytes: MAX_SDP_BYTES }, answer: { kind: 'empty', status: 204 }, errors: ['unauthorized', 'unsupported_type', 'precondition_failed', 'precondition_required', 'media_unavailable'] }),
  whipPreflight: route({ method: 'OPTIONS', path: '/whip/shows/:id', auth: 'public', summary: 'WHIP: CORS preflight for browser encoders on other origins.', body: none, answer: { kind: 'empty', status: 204 }, errors: [] }),
  whipSessionPreflight: route({ method: 'OPTIONS', path: '/whip/sessions/:sid', auth: 'public', summary: 'WHIP: CORS preflight for a publishing session.', body: none, answer: { kind: 'empty', status: 204 }, errors: [] }),
  whipStop: route({ method: 'DELETE', path: '/whip/sessions/:sid', auth: 'studio', summary: 'WHIP: stops publishing.', body: none, answer: { kind: 'empty', status: 200 }, errors: ['unauthorized'] }),

  // ---- viewer (watch-link token in the path) ----
  registerViewer: route({ method: 'POST', path: '/api/watch/:token/viewers', auth: 'viewer', summary: 'Confirms a device id the relay issued, or issues a new one (a made-up id is never taken); new ids are budgeted per network.', body: watchJson(RegisterViewerRequest), answer: ok(RegisterViewerResponse), errors: ['link_gone', 'unknown_viewer', 'device_budget'] }),
  quote: route({ method: 'POST', path: '/api/watch/:token/quote', auth: 'viewer', summary: "The relay's price for a cart line.", body: watchJson(QuoteRequest), answer: ok(Quote), errors: ['link_gone', 'unknown_viewer', 'unknown_product', 'unknown_option', 'option_required', 'coupon_unknown', 'coupon_not_started', 'coupon_expired', 'coupon_used_up', 'coupon_cap', 'coupon_currency', 'coupon_min_order', 'coupon_not_claimed'] }),
  order: route({ method: 'POST', path: '/api/watch/:token/orders', auth: 'viewer', summary: 'Places an order (durable before the answer; idempotent by key).', body: watchJson(CheckoutRequest), answer: ok(ViewerOrder, 201), errors: ['link_gone', 'unknown_viewer', 'show_not_live', 'consent_required', 'sold_out', 'out_of_stock', 'unknown_product', 'unknown_option', 'option_required', 'coupon_unknown', 'coupon_not_started', 'coupon_expired', 'coupon_used_up', 'coupon_cap', 'coupon_currency', 'coupon_min_order', 'coupon_not_claimed', 'total_mismatch', 'idempotency_conflict', 'payment_declined', 'buyer_cap', 'network_cap'] }),
  quoteCart: route({ method: 'POST', path: '/api/watch/:token/cart-quote', auth: 'viewer', summary: "The relay's price for a cart: every line (live specials in force), one coupon over the lines it covers, one shipping charge (Jeju/island surcharge by postcode).", body: watchJson(CartQuoteRequest), answer: ok(CartQuote), errors: ['link_gone', 'unknown_viewer', 'sold_out', 'out_of_stock', 'unknown_product', 'unknown_option', 'option_required', 'coupon_unknown', 'coupon_not_started', 'coupon_expired', 'coupon_used_up', 'coupon_cap', 'coupon_currency', 'coupon_min_order', 'coupon_not_claimed', 'coupon_not_applicable'] }),
  placeCart: route({ method: 'POST', path: '/api/watch/:token/carts', auth: 'viewer', summary: 'Checks a cart out once: the stock of every line is taken together or not at all (durable before the answer; idempotent by key).', body: watchJson(CartCheckoutRequest), answer: ok(CartOrder, 201), errors: ['link_gone', 'unknown_viewer', 'show_not_live', 'consent_required', 'sold_out', 'out_of_stock', 'unknown_product', 'unknown_option', 'option_required', 'total_mismatch', 'idempotency_conflict', 'payment_declined', 'buyer_cap', 'network_cap', 'coupon_unknown', 'coupon_not_started', 'coupon_expired', 'coupon_used_up', 'coupon_cap', 'coupon_currency', 'coupon_min_order', 'coupon_not_claimed', 'coupon_not_applicable'] }),
  myOrders: route({ method: 'GET', path: '/api/watch/:token/orders', auth: 'viewer', summary: "This device's orders in the show.", body: none, answer: ok(z.array(ViewerOrder)), viewerHeader: true, errors: ['link_gone', 'unknown_viewer'] }),
  lookupOrder: route({ method: 'POST', path: '/api/watch/:token/orders/lookup', auth: 'viewer', summary: 'Finds an order of the show by its number and the phone number given at checkout, from any device (the same not_found for a wrong phone as for an unknown number; rate-limited per network and per phone).', body: watchJson(OrderLookupRequest), answer: ok(ViewerOrder), errors: ['link_gone'] }),
  sellerInfo: route({ method: 'GET', path: '/api/watch/:token/seller', auth: 'viewer', summary: "The seller's store profile as buyers must be able to see it (profile null: not filled in yet).", body: none, answer: ok(StoreProfileAnswer), errors: ['link_gone'] }),
  paymentOptions: route({ method: 'GET', path: '/api/watch/:token/payment', auth: 'viewer', summary: 'How a viewer may pay (never the account number before ordering).', body: none, answer: ok(PaymentOptions), errors: ['link_gone'] }),
  claimCoupon: route({ method: 'POST', path: '/api/watch/:token/coupons/claim', auth: 'viewer', summary: 'Claims a coupon from a live drop.', body: watchJson(ClaimCouponRequest), answer: ok(ClaimCouponResponse), errors: ['link_gone', 'unknown_viewer', 'show_not_live', 'coupon_unknown', 'coupon_not_started', 'coupon_expired', 'coupon_used_up', 'coupon_cap', 'network_cap'] }),
  myCoupons: route({ method: 'GET', path: '/api/watch/:token/coupons', auth: 'viewer', summary: 'Coupons this device holds.', body: none, answer: ok(z.array(HeldCoupon)), viewerHeader: true, errors: ['link_gone', 'unknown_viewer'] }),
  answerQuiz: route({ method: 'POST', path: '/api/watch/:token/quizzes/answer', auth: 'viewer', summary: 'Answers the open quiz (reaction time measured by the relay).', body: watchJson(QuizAnswerRequest), answer: ok(QuizAnswerResponse), errors: ['link_gone', 'unknown_viewer', 'show_not_live', 'quiz_not_open', 'quiz_closed', 'quiz_answered'] }),
  quizOutcome: route({ method: 'GET', path: '/api/watch/:token/quizzes/:quizId/outcome', auth: 'viewer', summary: 'Whether this device won the quiz.', body: none, answer: ok(QuizOutcome), viewerHeader: true, errors: ['link_gone', 'unknown_viewer', 'not_decided'] }),
  votePoll: route({ method: 'POST', path: '/api/watch/:token/polls/vote', auth: 'viewer', summary: 'Votes in the open poll.', body: watchJson(PollVoteRequest), answer: ok(PollVoteResponse), errors: ['link_gone', 'unknown_viewer', 'show_not_live', 'poll_closed', 'poll_voted', 'network_cap'] }),
  requestRestock: route({ method: 'POST', path: '/api/watch/:token/restock-requests', auth: 'viewer', summary: 'Asks to be told when a sold-out line is back (bounded per device); answers this device’s requests.', body: watchJson(RestockRequest), answer: ok(z.array(RestockWatch)), errors: ['link_gone', 'unknown_viewer', 'unknown_product', 'unknown_option', 'option_required', 'in_stock', 'restock_limit'] }),
  myRestockRequests: route({ method: 'GET', path: '/api/watch/:token/restock-requests', auth: 'viewer', summary: 'This device’s back-in-stock requests, and which were answered.', body: none, answer: ok(z.array(RestockWatch)), viewerHeader: true, errors: ['link_gone', 'unknown_viewer'] }),
  viewerEvent: route({ method: 'POST', path: '/api/watch/:token/events', auth: 'viewer', summary: 'Funnel steps only the page sees (opened a card, started checkout).', body: watchJson(ViewerEventRequest), answer: { kind: 'empty', status: 204 }, errors: ['link_gone', 'unknown_viewer'] }),
  ...CLIP_ROUTES,
  ...RECORDING_ROUTES,
  ...REPLAY_ROUTES,
} as const satisfies Record<string, RouteDecl>;

export type RelayRouteName = keyof typeof RELAY_ROUTES;
