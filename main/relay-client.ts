import { z } from 'zod';
import { ApiError, ERROR_CODES } from '../common/errors.js';
import { StudioError } from '../common/ipc-contract.js';
import { Health, type FireCueRequest, type SegmentRequest } from '../common/protocol/studio-api.js';
import { Dashboard, Report } from '../common/analytics.js';
import { SellerOrder } from '../common/commerce/order.js';
import { StockLevel, type ShowCatalog } from '../common/commerce/show-catalog.js';
import { Stage } from '../common/stage.js';
import { Show, WatchLink } from '../common/show.js';

const TIMEOUT_MS = 8000;
const ASSET_TIMEOUT_MS = 60_000;

/** The studio core's HTTP client for the relay's studio API and WHIP endpoint. Errors become StudioErrors a seller can read. */
export class RelayClient {
  constructor(
    readonly baseUrl: string,
    private readonly key: string | null,
  ) {}

  private async request(method: string, path: string, body?: { json?: unknown; sdp?: string; raw?: { bytes: Uint8Array; type: string } }, timeoutMs = TIMEOUT_MS): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.key) headers.authorization = `Bearer ${this.key}`;
    let payload: string | Uint8Array<ArrayBuffer> | undefined;
    if (body?.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body?.sdp !== undefined) {
      headers['content-type'] = 'application/sdp';
      payload = body.sdp;
    } else if (body?.raw !== undefined) {
      headers['content-type'] = body.raw.type;
      payload = new Uint8Array(body.raw.bytes); // a copy backed by a plain ArrayBuffer, which fetch's BodyInit requires
    }
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      throw new StudioError(ERROR_CODES.relayUnreachable, `Cannot reach the relay at ${this.baseUrl}. Check that it is running and the address is right.`);
    }
    if (res.ok) return res;
    const text = await res.text();
    let parsed: ApiError | null = null;
    try {
      const r = ApiError.safeParse(JSON.parse(text));
      if (r.success) parsed = r.data;
    } catch {
      // not JSON: fall through to a generic message
    }
    if (res.status === 401)
      throw new StudioError(ERROR_CODES.unauthorized, parsed?.message ?? 'The relay refused the studio key.');
    throw new StudioError(parsed?.error ?? `http_${res.status}`, parsed?.message ?? `The relay answered ${res.status}.`);
  }

  private async json<S extends z.ZodType>(schema: S, method: string, path: string, json?: unknown): Promise<z.infer<S>> {
    return this.parse(schema, await this.request(method, path, json === undefined ? undefined : { json }));
  }

  private async parse<S extends z.ZodType>(schema: S, res: Response): Promise<z.infer<S>> {
    const parsed = schema.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new StudioError(ERROR_CODES.internal, 'The relay sent an answer this studio does not understand; are both the same version?');
    return parsed.data;
  }

  /** A text answer (CSV), decoded as UTF-8 keeping a leading byte-order mark (Response.text() would drop it). */
  private async text(path: string): Promise<string> {
    const res = await this.request('GET', path);
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  }

  async health(): Promise<Health> {
    // /api/health answers 503 when the media engine is down; that is still a readable health report.
    let res: Response;
    try {
      res = await fetch(this.baseUrl + '/api/health', { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw new StudioError(ERROR_CODES.relayUnreachable, `Cannot reach the relay at ${this.baseUrl}.`);
    }
    const parsed = Health.safeParse(await res.json().catch(() => null));
    if (!parsed.success) throw new StudioError(ERROR_CODES.relayUnreachable, `${this.baseUrl} does not look like a relay.`);
    return parsed.data;
  }

  checkKey = () => this.json(z.object({ ok: z.literal(true) }), 'GET', '/api/studio/session');
  listShows = () => this.json(z.array(Show), 'GET', '/api/shows');
  createShow = (title: string, scheduledAt: string | null) => this.json(Show, 'POST', '/api/shows', { title, scheduledAt });
  startShow = (id: string) => this.json(Show, 'POST', `/api/shows/${encodeURIComponent(id)}/start`, {});
  endShow = (id: string) => this.json(Show, 'POST', `/api/shows/${encodeURIComponent(id)}/end`, {});
  listLinks = (id: string) => this.json(z.array(WatchLink), 'GET', `/api/shows/${encodeURIComponent(id)}/links`);
  createLink = (id: string) => this.json(WatchLink, 'POST', `/api/shows/${encodeURIComponent(id)}/links`, {});
  revokeLink = (id: string) => this.json(WatchLink, 'POST', `/api/links/${encodeURIComponent(id)}/revoke`, {});

  rehearse = (id: string) => this.json(z.object({ show: Show, link: WatchLink }), 'POST', `/api/shows/${encodeURIComponent(id)}/rehearsal`, {});
  getStage = (id: string) => this.json(Stage, 'GET', `/api/shows/${encodeURIComponent(id)}/stage`);
  fireCue = (id: string, body: FireCueRequest) => this.json(Stage, 'POST', `/api/shows/${encodeURIComponent(id)}/cues`, body);

  // Commerce (issue 4): docs/commerce-api.md
  putCatalog = (id: string, catalog: ShowCatalog) => this.json(z.object({ stock: z.array(StockLevel) }), 'PUT', `${show(id)}/catalog`, catalog);
  getStock = (id: string) => this.json(z.array(StockLevel), 'GET', `${show(id)}/stock`);
  enterSegment = (id: string, body: SegmentRequest) => this.json(z.object({}), 'POST', `${show(id)}/segment`, body);
  listOrders = (id: string) => this.json(z.array(SellerOrder), 'GET', `${show(id)}/orders`);
  ordersCsv = (id: string) => this.text(`${show(id)}/orders.csv`);
  markPaid = (orderId: string) => this.json(SellerOrder, 'POST', `${order(orderId)}/paid`, {});
  cancelOrder = (orderId: string, reason: string) => this.json(SellerOrder, 'POST', `${order(orderId)}/cancel`, { reason });
  refundOrder = (orderId: string, reason: string) => this.json(SellerOrder, 'POST', `${order(orderId)}/refund`, { reason });
  eraseBuyer = (orderId: string) => this.json(SellerOrder, 'POST', `${order(orderId)}/erase`, {});
  dashboard = (id: string) => this.json(Dashboard, 'GET', `${show(id)}/dashboard`);
  report = (id: string) => this.json(Report, 'GET', `${show(id)}/report`);
  reportCsv = (id: string) => this.text(`${show(id)}/report.csv`);

  /** Uploads an image for viewers; the relay answers 201 `{ref, url}` with `url` a path such as `/assets/<ref>`. */
  async putAsset(bytes: Uint8Array, type: string): Promise<{ ref: string; url: string }> {
    // A 5 MB picture over a slow uplink takes longer than an API call.
    const res = await this.request('PUT', '/api/assets', { raw: { bytes, type } }, ASSET_TIMEOUT_MS);
    return this.parse(z.object({ ref: z.string().min(1).max(200), url: z.string().min(1).max(200) }), res);
  }

  /** WHIP publish: the relay answers 201 with the SDP answer and the session's Location. */
  async publish(showId: string, offerSdp: string): Promise<{ sessionId: string; sdp: string }> {
    const res = await this.request('POST', `/whip/shows/${encodeURIComponent(showId)}`, { sdp: offerSdp });
    const location = res.headers.get('location') ?? '';
    const sessionId = location.split('/').pop() ?? '';
    return { sessionId, sdp: await res.text() };
  }

  async unpublish(sessionId: string): Promise<void> {
    await this.request('DELETE', `/whip/sessions/${encodeURIComponent(sessionId)}`).catch((e: unknown) => {
      // Already gone (engine restart, show ended) is the outcome we wanted.
      if (!(e instanceof StudioError && e.code === ERROR_CODES.notFound)) throw e;
    });
  }
}

const show = (id: string) => `/api/shows/${encodeURIComponent(id)}`;
const order = (id: string) => `/api/orders/${encodeURIComponent(id)}`;
