import type { BulkShipRequest, MarkShippedRequest } from '../common/commerce/shipment.js';
import { callRoute, type AnswerOf, type CallOptions, type FetchLike } from '../common/api/client.js';
import { RELAY_ROUTES as R } from '../common/api/relay-routes.js';
import { fillPath, type RouteDecl } from '../common/api/route.js';
import { ERROR_CODES } from '../common/errors.js';
import { StudioError } from '../common/ipc-contract.js';
import { Health, type FireCueRequest, type SegmentRequest } from '../common/protocol/studio-api.js';
import type { ShowCatalog } from '../common/commerce/show-catalog.js';
import type { StoreProfile } from '../common/commerce/store-profile.js';
import type { AdjustStockRequest, StartSpecialRequest } from '../common/commerce/live-selling.js';
import type { ChatAction, ChatSettings } from '../common/protocol/chat.js';
import type { ViewerDisplay } from '../common/viewer-display.js';
import type { CutClipRequest } from '../common/replay/clips.js';

const TIMEOUT_MS = 8000;
const ASSET_TIMEOUT_MS = 60_000;

/** fetch, with text decoded as UTF-8 keeping a leading byte-order mark (Response.text() drops it; CSV for Excel needs it). */
const fetchKeepingBom: FetchLike = async (url, init) => {
  const res = await fetch(url, init as RequestInit);
  return { status: res.status, headers: res.headers, text: async () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()) };
};

/**
 * The studio core's client for the relay's studio API and WHIP endpoint, derived from the declared
 * routes (common/api/relay-routes.ts): paths, methods, bodies and answer schemas come from there.
 * Failures become StudioErrors a seller can read.
 */
export class RelayClient {
  constructor(
    readonly baseUrl: string,
    private readonly key: string | null,
  ) {}

  private async call<Route extends RouteDecl>(route: Route, opts: CallOptions<Route>, timeoutMs = TIMEOUT_MS): Promise<{ data: AnswerOf<Route>; location: string | null }> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.key) headers.authorization = `Bearer ${this.key}`;
    const r = await callRoute(fetchKeepingBom, this.baseUrl, route, { ...opts, headers, signal: AbortSignal.timeout(timeoutMs) });
    if (r.ok) return { data: r.data, location: r.headers.get('location') };
    const { code, status, message } = r.error;
    if (code === 'network' || code === 'timeout') throw new StudioError(ERROR_CODES.relayUnreachable, `Cannot reach the relay at ${this.baseUrl}. Check that it is running and the address is right.`);
    if (code === 'bad_response') throw new StudioError(ERROR_CODES.internal, 'The relay sent an answer this studio does not understand; are both the same version?');
    if (status === 401) throw new StudioError(ERROR_CODES.unauthorized, message ?? 'The relay refused the studio key.');
    throw new StudioError(code, message ?? `The relay answered ${status}.`);
  }

  private data = async <Route extends RouteDecl>(route: Route, opts: CallOptions<Route>, timeoutMs?: number) => (await this.call(route, opts, timeoutMs)).data;

  async health(): Promise<Health> {
    // /api/health answers 503 when the media engine is down; that is still a readable health report.
    const headers: Record<string, string> = this.key ? { authorization: `Bearer ${this.key}` } : {};
    let res: Response;
    try {
      res = await fetch(this.baseUrl + fillPath(R.health, {}), { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw new StudioError(ERROR_CODES.relayUnreachable, `Cannot reach the relay at ${this.baseUrl}.`);
    }
    const parsed = Health.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new StudioError(ERROR_CODES.relayUnreachable, `${this.baseUrl} does not look like a relay.`);
    return parsed.data;
  }

  checkKey = () => this.data(R.checkKey, { params: {} });
  listShows = () => this.data(R.listShows, { params: {} });
  getShow = (id: string) => this.data(R.getShow, { params: { id } });
  createShow = (title: string, scheduledAt: string | null) => this.data(R.createShow, { params: {}, body: { title, scheduledAt } });
  renameShow = (id: string, title: string) => this.data(R.renameShow, { params: { id }, body: { title } });
  deleteShow = (id: string) => this.data(R.deleteShow, { params: { id } });
  startShow = (id: string) => this.data(R.startShow, { params: { id } });
  endShow = (id: string) => this.data(R.endShow, { params: { id } });
  listLinks = (id: string) => this.data(R.listLinks, { params: { id } });
  createLink = (id: string) => this.data(R.createLink, { params: { id }, body: {} });
  revokeLink = (id: string) => this.data(R.revokeLink, { params: { id } });

  rehearse = (id: string) => this.data(R.rehearse, { params: { id } });
  getStage = (id: string) => this.data(R.getStage, { params: { id } });
  fireCue = (id: string, body: FireCueRequest) => this.data(R.fireCue, { params: { id }, body });

  // Commerce (issue 4): docs/commerce-api.md
  putCatalog = (id: string, catalog: ShowCatalog) => this.data(R.putCatalog, { params: { id }, body: catalog });
  getStock = (id: string) => this.data(R.getStock, { params: { id } });
  enterSegment = (id: string, body: SegmentRequest) => this.data(R.enterSegment, { params: { id }, body });
  listOrders = (id: string) => this.data(R.listOrders, { params: { id } });
  ordersCsv = (id: string) => this.data(R.ordersCsv, { params: { id } });
  adjustStock = (id: string, body: AdjustStockRequest) => this.data(R.adjustStock, { params: { id }, body });
  startSpecial = (id: string, body: StartSpecialRequest) => this.data(R.startSpecial, { params: { id }, body });
  endSpecial = (id: string, productId: string) => this.data(R.endSpecial, { params: { id }, body: { productId } });
  listSpecials = (id: string) => this.data(R.listSpecials, { params: { id } });
  restockDemand = (id: string) => this.data(R.restockDemand, { params: { id } });
  storeProfile = () => this.data(R.storeProfile, { params: {} });
  saveStoreProfile = (profile: StoreProfile) => this.data(R.saveStoreProfile, { params: {}, body: profile });
  markPaid = (orderId: string) => this.data(R.markPaid, { params: { orderId }, body: {} });
  shipOrders = (id: string, body: BulkShipRequest) => this.data(R.shipOrders, { params: { id }, body });
  markShipped = (orderId: string, body: MarkShippedRequest) => this.data(R.markShipped, { params: { orderId }, body });
  cancelOrder = (orderId: string, reason: string) => this.data(R.cancelOrder, { params: { orderId }, body: { reason } });
  refundOrder = (orderId: string, reason: string) => this.data(R.refundOrder, { params: { orderId }, body: { reason } });
  eraseBuyer = (orderId: string) => this.data(R.eraseBuyer, { params: { orderId }, body: {} });
  orderClusters = (id: string) => this.data(R.orderClusters, { params: { id } });
  cancelOrders = (id: string, orderIds: string[], reason: string) => this.data(R.cancelOrders, { params: { id }, body: { orderIds, reason } });
  dashboard = (id: string) => this.data(R.dashboard, { params: { id } });
  report = (id: string) => this.data(R.report, { params: { id } });
  reportCsv = (id: string) => this.data(R.reportCsv, { params: { id } });

  // What viewers see over the video (docs/phone-layout.md)
  viewerDisplay = (id: string) => this.data(R.viewerDisplay, { params: { id } });
  saveViewerDisplay = (id: string, display: ViewerDisplay) => this.data(R.saveViewerDisplay, { params: { id }, body: display });

  // Chat (issue 9): docs/chat.md
  chatView = (id: string) => this.data(R.chatView, { params: { id } });
  chatPost = (id: string, text: string) => this.data(R.chatPost, { params: { id }, body: { text } });
  chatAct = (id: string, action: ChatAction) => this.data(R.chatAct, { params: { id }, body: action });
  chatSettings = (id: string, settings: ChatSettings) => this.data(R.chatSettings, { params: { id }, body: settings });
  chatModeration = (id: string) => this.data(R.chatModeration, { params: { id } });
  chatCsv = (id: string) => this.data(R.chatCsv, { params: { id } });
  listModerators = (id: string) => this.data(R.listModeratorLinks, { params: { id } });
  createModerator = (id: string, label: string) => this.data(R.createModeratorLink, { params: { id }, body: { label } });
  revokeModerator = (linkId: string) => this.data(R.revokeModeratorLink, { params: { linkId } });

  // OBS ingest (contract with the relay's ingest): docs/obs-studio.md
  createIngestKey = (showId: string) => this.data(R.createIngestKey, { params: { showId } });
  revokeIngestKey = (showId: string) => this.data(R.revokeIngestKey, { params: { showId } });
  ingestStatus = (showId: string) => this.data(R.ingestStatus, { params: { showId } });

  // Clips cut from the replay (issue 12): docs/clips.md
  listClips = (id: string) => this.data(R.listClips, { params: { id } });
  cutClip = (id: string, body: CutClipRequest) => this.data(R.cutClip, { params: { id }, body });
  deleteClip = (id: string, clipId: string) => this.data(R.deleteClip, { params: { id, clipId } });

  // Recording and the studio's Replays screen (issue 12): docs/replay.md
  studioReplay = (id: string) => this.data(R.studioReplay, { params: { id } });
  setRecording = (id: string, record: boolean) => this.data(R.setRecording, { params: { id }, body: { record } });
  processRecording = (id: string) => this.data(R.processRecording, { params: { id } });
  remakeRendition = (id: string) => this.data(R.remakeRendition, { params: { id } });
  deleteRecording = (id: string) => this.data(R.deleteRecording, { params: { id } });
  deleteRawParts = (id: string) => this.data(R.deleteRawParts, { params: { id } });
  recordingDisk = () => this.data(R.recordingDisk, { params: {} });

  /** Uploads an image for viewers; the relay answers 201 `{ref, url}` with `url` a path such as `/assets/<ref>`. */
  // A 5 MB picture over a slow uplink takes longer than an API call.
  putAsset = (bytes: Uint8Array, type: string) => this.data(R.putAsset, { params: {}, body: { bytes, type } }, ASSET_TIMEOUT_MS);

  /** WHIP publish: the relay answers 201 with the SDP answer and the session's Location. */
  async publish(showId: string, offerSdp: string): Promise<{ sessionId: string; sdp: string }> {
    const { data, location } = await this.call(R.whipPublish, { params: { id: showId }, body: offerSdp });
    return { sessionId: (location ?? '').split('/').pop() ?? '', sdp: data };
  }

  async unpublish(sessionId: string): Promise<void> {
    await this.call(R.whipStop, { params: { sid: sessionId } }).catch((e: unknown) => {
      // Already gone (engine restart, show ended) is the outcome we wanted.
      if (!(e instanceof StudioError && e.code === ERROR_CODES.notFound)) throw e;
    });
  }
}
