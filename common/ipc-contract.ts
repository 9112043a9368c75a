import { z } from 'zod';
import { ChatAction, ChatSettings, ChatState, HostChatSettings, ModerationEntry, ModeratorLink, StaffChatEntry, StaffChatView } from './protocol/chat.js';
import { ApiError } from './errors.js';
import { parseRefusal, refusalCode, refusalLogLine, RefusalWire, type Refusal } from './refusals.js';
import { CreateShowRequest, MediaEngineState } from './protocol/studio-api.js';
import { Show, ShowTitle, WatchLink } from './show.js';
import { MAX_SDP_BYTES } from './limits.js';
import { CouponInput, Id, ImageRef, PollInput, ProductInput, QuizInput } from './commerce/catalog.js';
import { CueAction, Rundown, RundownName, Segment } from './rundown.js';
import { Stage } from './stage.js';
import { ViewerDisplay } from './viewer-display.js';
import { SellerOrder } from './commerce/order.js';
import { BulkShipResponse, CourierCode, MAX_SHIP_ROWS, TrackingNumber } from './commerce/shipment.js';
import { BulkCancelResponse, OrderCluster } from './commerce/clusters.js';
import { PaymentSettings, StockLevel } from './commerce/show-catalog.js';
import { OrdersSheetFormat, SheetEncoding } from './commerce/courier-csv.js';
import { StoreProfile, StoreProfileAnswer } from './commerce/store-profile.js';
import { AdjustStockRequest, AdjustStockResponse, LiveSpecial, RestockDemand, StartSpecialRequest } from './commerce/live-selling.js';
import { Dashboard, Report } from './analytics.js';
import { obsChannels, obsEvents } from './ipc-obs.js';
import { clipsChannels } from './ipc-clips.js';
import { replaysChannels } from './ipc-replays.js';

/**
 * The studio's one IPC contract: channel → request and response schemas, plus events.
 * The Electron preload and the browser shell expose exactly this, nothing generic.
 */

const Empty = z.object({}).strict();
const ShowRef = z.object({ showId: z.string().min(1).max(64) }).strict();
const OrderRef = z.object({ orderId: z.string().min(1).max(64) }).strict();
const CsvFile = z.object({ filename: z.string(), csv: z.string() });

export const RelaySettings = z.object({
  relayUrl: z.string(),
  hasKey: z.boolean(),
  /** Whether the key is protected by the OS keychain (Electron safeStorage) or an owner-only file. */
  keyStorage: z.enum(['os-keychain', 'owner-only-file', 'none']),
});
export type RelaySettings = z.infer<typeof RelaySettings>;

export const RelayStatus = z.object({
  reachable: z.boolean(),
  authorized: z.boolean(),
  mediaEngine: MediaEngineState.nullable(),
  message: z.string().nullable(),
});
export type RelayStatus = z.infer<typeof RelayStatus>;

const Saved = z.object({ id: Id, updatedAt: z.string() });
const catalogChannels = <I extends z.ZodType>(input: I) => ({
  list: { request: Empty, response: z.array(Saved.and(z.record(z.string(), z.unknown()))) },
  save: { request: z.object({ id: Id.optional(), input }).strict(), response: Saved.and(z.record(z.string(), z.unknown())) },
  delete: { request: z.object({ id: Id }).strict(), response: z.object({}) },
});
const products = catalogChannels(ProductInput);
const coupons = catalogChannels(CouponInput);
const quizzes = catalogChannels(QuizInput);
const polls = catalogChannels(PollInput);

export const CsvImportReport = z.object({
  /** Rows written (0 when the file had errors and the mode was all-or-nothing). */
  imported: z.number().int(),
  /** Rows that would import, or did. */
  goodRows: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  /** How the file's bytes were read (Korean Excel saves CP949 unless told "CSV UTF-8"). */
  encoding: z.enum(['utf-8', 'utf-8-bom', 'cp949']).optional(),
});
export type CsvImportReport = z.infer<typeof CsvImportReport>;
export type CsvEncoding = NonNullable<CsvImportReport['encoding']>;
/** The studio UI's language, for text the core writes for the seller (e.g. CSV import reasons). */
export const UiLang = z.enum(['ko', 'en']);
export type UiLang = z.infer<typeof UiLang>;
/** An IANA time zone name the runtime knows (e.g. Asia/Seoul). */
const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');
/** The raw bytes of a CSV file (≤ 5 MB) as base64: the core detects the encoding. */
const MAX_CSV_BYTES = 5_000_000;

/** Images come in as base64 (≤ 5 MiB of image); the core checks type and size by the bytes themselves. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export const ipcChannels = {
  'settings.get': { request: Empty, response: RelaySettings },
  'settings.connect': {
    request: z
      .object({
        relayUrl: z.url({ protocol: /^https?$/, error: 'relay address must start with http:// or https://' }),
        studioKey: z.string().trim().min(16, 'studio key is too short').max(256).optional(),
      })
      .strict(),
    response: RelaySettings,
  },
  'relay.status': { request: Empty, response: RelayStatus },
  'shows.list': { request: Empty, response: z.array(Show) },
  'shows.create': { request: CreateShowRequest.strict(), response: z.object({ show: Show, link: WatchLink }) },
  'shows.links': { request: ShowRef, response: z.array(WatchLink) },
  'shows.start': { request: ShowRef, response: Show },
  'shows.end': { request: ShowRef, response: Show },
  'shows.rename': { request: z.object({ showId: ShowRef.shape.showId, title: ShowTitle }).strict(), response: Show },
  /** Deletes the show on the relay (refused while live or when it has orders) and its run-downs in the studio. */
  'shows.delete': { request: ShowRef, response: z.object({ deletedRundowns: z.number().int() }) },
  /** A new scheduled show with the given title and copies of the show's run-downs (the catalog is the studio's, shared by every show). */
  'shows.copy': { request: z.object({ showId: ShowRef.shape.showId, title: ShowTitle }).strict(), response: z.object({ show: Show, link: WatchLink, rundowns: z.number().int() }) },
  'links.create': { request: ShowRef, response: WatchLink },
  'links.revoke': { request: z.object({ linkId: z.string().min(1).max(64) }).strict(), response: WatchLink },
  'media.publish': {
    request: z.object({ showId: z.string().min(1).max(64), sdp: z.string().min(10).max(MAX_SDP_BYTES) }).strict(),
    response: z.object({ sessionId: z.string(), sdp: z.string() }),
  },
  'media.unpublish': { request: z.object({ sessionId: z.string().min(1).max(128) }).strict(), response: z.object({}) },

  'products.list': products.list,
  'products.save': products.save,
  'products.delete': products.delete,
  'products.importCsv': {
    request: z
      .object({
        fileBase64: z.string().max(Math.ceil((MAX_CSV_BYTES * 4) / 3) + 8, 'the CSV file is larger than 5 MB'),
        mode: z.enum(['check', 'all-or-nothing', 'good-rows']),
        lang: UiLang,
      })
      .strict(),
    response: CsvImportReport,
  },
  'images.add': {
    request: z.object({ dataBase64: z.string().min(1).max(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 8, 'the image is larger than 5 MB') }).strict(),
    response: z.object({ ref: ImageRef }),
  },
  /** A stored image for the studio's own screens, as a data URL (the renderer has no file access). */
  'images.get': { request: z.object({ ref: ImageRef }).strict(), response: z.object({ dataUrl: z.string() }) },
  'coupons.list': coupons.list,
  'coupons.save': coupons.save,
  'coupons.delete': coupons.delete,
  'quizzes.list': quizzes.list,
  'quizzes.save': quizzes.save,
  'quizzes.delete': quizzes.delete,
  'polls.list': polls.list,
  'polls.save': polls.save,
  'polls.delete': polls.delete,

  'rundowns.list': { request: Empty, response: z.array(Rundown) },
  'rundowns.save': {
    request: z.object({ id: Id.optional(), name: RundownName, showId: z.string().max(64).nullable(), segments: z.array(Segment).max(100) }).strict(),
    response: Rundown,
  },
  'rundowns.duplicate': { request: z.object({ id: Id, name: RundownName, showId: z.string().max(64).nullable() }).strict(), response: Rundown },
  'rundowns.delete': { request: z.object({ id: Id }).strict(), response: z.object({}) },

  /** Starts a private rehearsal of the show: its own rehearsal show and link; nothing counted or sold. */
  'shows.rehearse': { request: ShowRef, response: z.object({ show: Show, link: WatchLink }) },
  'stage.get': { request: ShowRef, response: Stage },
  /**
   * Fires a cue action live. `firingId` makes a retried click one firing; `captureMs` is the
   * studio's capture clock at the keypress (the same clock stamped into the video frames);
   * `baseVersion` is the stage version the host saw, so two windows cannot overwrite each other.
   */
  'cues.fire': {
    request: z
      .object({
        showId: z.string().min(1).max(64),
        action: CueAction,
        firingId: Id,
        captureMs: z.number().finite().nullable(),
        baseVersion: z.number().int().min(0),
      })
      .strict(),
    response: Stage,
  },

  /** Live selling (docs/live-selling.md): stock by a delta guarded by the level the host saw, 라이브 특가, 재입고 알림 demand. */
  'live.stock': { request: ShowRef, response: z.array(StockLevel) },
  'live.adjustStock': { request: ShowRef.extend(AdjustStockRequest.shape).strict(), response: AdjustStockResponse },
  'live.startSpecial': { request: ShowRef.extend(StartSpecialRequest.shape).strict(), response: LiveSpecial },
  'live.endSpecial': { request: ShowRef.extend({ productId: Id }).strict(), response: z.array(LiveSpecial) },
  'live.specials': { request: ShowRef, response: z.array(LiveSpecial) },
  'live.restockDemand': { request: ShowRef, response: z.array(RestockDemand) },
  /** The seller's store profile (판매자 정보), kept on the relay (docs/store-profile.md). */
  'store.profile.get': { request: Empty, response: StoreProfileAnswer },
  'store.profile.save': { request: StoreProfile, response: StoreProfileAnswer },
  /** How viewers pay (bank account shown after ordering, cash on delivery, card test adapter) and shipping. */
  'payment.get': { request: Empty, response: PaymentSettings },
  'payment.save': { request: PaymentSettings, response: PaymentSettings },
  /** The host moved to a segment (key N or a click): orders from now on count for it. */
  'segments.enter': { request: z.object({ showId: z.string().min(1).max(64), segmentId: Id, title: z.string().trim().min(1).max(120) }).strict(), response: z.object({}) },
  'orders.list': { request: ShowRef, response: z.array(SellerOrder) },
  'orders.markPaid': { request: OrderRef, response: SellerOrder },
  /** Shipped with a courier and tracking number (송장번호); the buyer sees both on their orders. */
  /**
   * The seller's shipping sheet (order number, courier, tracking number), decoded by the studio
   * (CP949 or UTF-8): the good rows ship, the others come back with their line and a reason.
   */
  'orders.shipCsv': {
    request: ShowRef.extend({ csv: z.string().max(MAX_SHIP_ROWS * 200) }).strict(),
    response: z.union([
      BulkShipResponse.extend({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), problem: z.union([z.object({ kind: z.literal('bad_csv'), line: z.number() }), z.object({ kind: z.literal('missing_columns'), columns: z.array(z.enum(['number', 'courier', 'trackingNumber'])) }), z.object({ kind: z.literal('empty') }), z.object({ kind: z.literal('too_many'), max: z.number() })]) }),
    ]),
  },
  'orders.markShipped': { request: OrderRef.extend({ courier: CourierCode, trackingNumber: TrackingNumber }).strict(), response: SellerOrder },
  /** Cancel (before payment) or refund (after): stock returns to the show. */
  'orders.cancel': { request: OrderRef.extend({ reason: z.string().trim().max(200).default('') }).strict(), response: SellerOrder },
  'orders.refund': { request: OrderRef.extend({ reason: z.string().trim().max(200).default('') }).strict(), response: SellerOrder },
  /** Deletes the buyer's name, phone and address on request; amounts stay for the books. */
  'orders.eraseBuyer': { request: OrderRef, response: SellerOrder },
  /** Orders as CSV for shipping (UTF-8 with BOM so Excel opens Korean correctly). */
  /**
   * The show's orders as a sheet: `generic` (every order, the seller's language and time zone) or
   * `cj` (CJ대한통운 bulk reservation, orders still to ship). `base64` holds the file's bytes in the
   * chosen encoding; `replaced` counts characters CP949 could not hold (written as "?").
   */
  'orders.exportCsv': {
    request: z.object({ showId: ShowRef.shape.showId, format: OrdersSheetFormat.default('generic'), lang: UiLang.default('ko'), timeZone: TimeZone.default('Asia/Seoul'), encoding: SheetEncoding.default('utf-8-bom') }).strict(),
    response: CsvFile.extend({ base64: z.string(), encoding: SheetEncoding, rows: z.number().int(), replaced: z.number().int() }),
  },
  /** Suspicious clusters: standing orders sharing one phone, address or network (docs/identity-and-fairness.md). */
  'orders.clusters': { request: ShowRef, response: z.array(OrderCluster) },
  /** Cancels a cluster's unpaid orders at once; paid ones come back as refused (refund them one by one). */
  'orders.cancelMany': { request: ShowRef.extend({ orderIds: z.array(z.string().min(1).max(80)).min(1).max(500), reason: z.string().trim().max(200).default('') }).strict(), response: BulkCancelResponse },
  'dashboard.get': { request: ShowRef, response: Dashboard },
  'report.get': { request: ShowRef, response: Report },
  /** The report in the seller's language, times in the seller's time zone with the offset. */
  'report.exportCsv': { request: z.object({ showId: ShowRef.shape.showId, lang: UiLang, timeZone: TimeZone }).strict(), response: CsvFile },
  /** The show's chat as the host sees it (docs/chat.md), and the host's side of it. */
  'chat.view': { request: ShowRef, response: StaffChatView },
  'chat.post': { request: ShowRef.extend({ text: z.string().trim().min(1).max(2000) }).strict(), response: StaffChatEntry },
  'chat.act': { request: ShowRef.extend({ action: ChatAction }).strict(), response: z.object({}) },
  'chat.settings': { request: ShowRef.extend({ settings: ChatSettings }).strict(), response: ChatSettings },
  'chat.moderation': { request: ShowRef, response: z.array(ModerationEntry) },
  'chat.exportCsv': { request: ShowRef, response: CsvFile },
  'chat.moderators.list': { request: ShowRef, response: z.array(ModeratorLink) },
  'chat.moderators.create': { request: ShowRef.extend({ label: z.string().trim().min(1).max(40) }).strict(), response: ModeratorLink },
  'chat.moderators.revoke': { request: z.object({ linkId: z.string().min(1).max(64) }).strict(), response: ModeratorLink },
  /** Quick replies and the repeating notice, kept in the studio. */
  'chat.hostSettings.get': { request: Empty, response: HostChatSettings },
  'chat.hostSettings.save': { request: HostChatSettings, response: HostChatSettings },
  /** Which overlay kinds the show's viewers see (docs/phone-layout.md); a change applies to viewers at once. */
  'display.get': { request: ShowRef, response: ViewerDisplay },
  'display.save': { request: ShowRef.extend({ display: ViewerDisplay }).strict(), response: ViewerDisplay },
  ...obsChannels,
  ...clipsChannels,
  ...replaysChannels,
} as const;

export type IpcChannel = keyof typeof ipcChannels;
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcChannels)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]['response']>;

/**
 * An error answer: the relay's or core's `{ error, message }`, plus, for a core refusal, its
 * reason and arguments (common/refusals.ts) so the renderer can say it in the seller's
 * language. A refusal that does not fit is dropped (`catch`), never the whole answer.
 */
export const IpcError = ApiError.extend({ refusal: RefusalWire.optional().catch(undefined) });
export type IpcError = z.infer<typeof IpcError>;
export const IpcResult = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: IpcError })]);
export type IpcResult = z.infer<typeof IpcResult>;

export const ipcEvents = {
  'relay.viewers': z.object({ showId: z.string(), count: z.number().int() }),
  'relay.show': Show,
  'relay.status': RelayStatus,
  'relay.publisherLost': z.object({ showId: z.string(), reason: z.string() }),
  'relay.stage': z.object({ showId: z.string(), stage: Stage }),
  'relay.order': z.object({ showId: z.string(), order: SellerOrder }),
  'relay.stock': z.object({ showId: z.string(), items: z.array(StockLevel) }),
  'relay.dashboard': z.object({ showId: z.string(), dashboard: Dashboard }),
  'relay.chat': z.object({ showId: z.string(), entry: StaffChatEntry }),
  'relay.chatState': z.object({ showId: z.string(), state: ChatState, settings: ChatSettings }),
  ...obsEvents,
} as const;
export type IpcEvent = keyof typeof ipcEvents;
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof ipcEvents)[E]>;

export const IpcEventMessage = z.object({ event: z.enum(Object.keys(ipcEvents) as [IpcEvent, ...IpcEvent[]]), payload: z.unknown() });

/**
 * What a shell hands the renderer: raw results and raw event payloads, plain data only, because
 * Electron's contextBridge drops custom error fields. The renderer validates and turns
 * `{ok:false}` into a StudioError itself, the same way for both shells.
 */
export interface StudioTransport {
  invoke(channel: IpcChannel, request: unknown): Promise<unknown>;
  on(event: IpcEvent, listener: (payload: unknown) => void): () => void;
}

/** What the renderer sees, whichever shell it runs in. */
export interface StudioBridge {
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>>;
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
}

/** An error from the studio core, carrying the relay's or core's code, and for a core refusal its reason and arguments. */
export class StudioError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly refusal: Refusal | null = null,
  ) {
    super(message);
    this.name = 'StudioError';
  }

  /** A core refusal: code and English log line both derived from its declaration. */
  static refuse(refusal: Refusal): StudioError {
    return new StudioError(refusalCode(refusal), refusalLogLine(refusal), refusal);
  }
}

/** How a StudioError crosses IPC (plain data: Electron's contextBridge drops custom error fields). */
export function ipcErrorOf(e: StudioError): IpcError {
  return { error: e.code, message: e.message, ...(e.refusal ? { refusal: e.refusal } : {}) };
}

/** The renderer's side of ipcErrorOf: a refusal it does not know (or whose arguments do not fit) is left out. */
export function studioErrorOf(e: IpcError): StudioError {
  return new StudioError(e.error, e.message, e.refusal === undefined ? null : parseRefusal(e.refusal));
}

export function isIpcChannel(name: string): name is IpcChannel {
  return Object.hasOwn(ipcChannels, name);
}
