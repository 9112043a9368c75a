import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { ShowCatalog } from '../../common/commerce/show-catalog.js';
import { VIEWER_ID_HEADER } from '../../common/protocol/viewer-header.js';
import type { Show, WatchLink } from '../../common/show.js';
import type { RunningRelay } from './processes.js';

/** Calls against a running relay for the commerce tests and benchmarks: studio, viewer, and the SQLite file. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  relay: RunningRelay,
  method: string,
  p: string,
  body?: unknown,
  opts: { key?: string | null; raw?: string; viewerId?: string } = {},
): Promise<Answer<T>> {
  const key = opts.key === undefined ? relay.studioKey : opts.key;
  const res = await fetch(relay.url + p, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(opts.viewerId ? { [VIEWER_ID_HEADER]: opts.viewerId } : {}), 'content-type': 'application/json' },
    body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // CSV, HTML: keep the text
  }
  return { status: res.status, body: parsed as T, text, headers: res.headers };
}

export const randomId = (prefix = '') => prefix + randomBytes(12).toString('base64url');

export const bankPayment = { bankTransfer: { bank: '국민은행', accountNumber: '123-456-789012', holder: '김판매' }, cashOnDelivery: true, card: true, shippingFee: 3000, freeShippingFrom: 50000 };

/** A small catalog: a product without options, one with options, a percent and a fixed coupon. */
export function sampleCatalog(over: Partial<ShowCatalog> = {}): ShowCatalog {
  return {
    products: [
      { id: 'tee', name: '기본 티셔츠', imageUrls: [], currency: 'KRW', price: 20000, salePrice: 15000, stock: 10, options: [], externalUrl: null },
      {
        id: 'coat',
        name: '울 코트',
        imageUrls: [],
        currency: 'KRW',
        price: 120000,
        salePrice: null,
        stock: 5,
        options: [
          { id: 'm', name: 'M / 블랙', stock: 3 },
          { id: 'l', name: 'L / 블랙', stock: 2 },
        ],
        externalUrl: null,
      },
    ],
    coupons: [
      { id: 'c10', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, totalQuota: 100, perViewerCap: 1, validFrom: null, validUntil: null },
      { id: 'c5k', code: 'FIVE', kind: 'fixed', amount: 5000, currency: 'KRW', minOrder: 10000, totalQuota: 2, perViewerCap: 2, validFrom: null, validUntil: null },
    ],
    quizzes: [],
    polls: [],
    payment: bankPayment,
    ...over,
  };
}

export const sampleBuyer = (over: Record<string, unknown> = {}) => ({
  name: '홍길동',
  phone: '010-1234-5678',
  address: { postcode: '06236', line1: '서울특별시 강남구 테헤란로 427', line2: '위워크타워 10층' },
  note: '문 앞에 놓아 주세요',
  ...over,
});

export interface ShopShow {
  show: Show;
  token: string;
  w: (method: string, rest: string, body?: unknown, raw?: string) => Promise<Answer<Record<string, unknown>>>;
  /** A viewer's GET: the device id in the X-Viewer-Id header. */
  mine: (rest: string, viewerId: string) => Promise<Answer<Record<string, unknown>>>;
  viewer: (nickname?: string | null) => Promise<string>;
}

/** A show with a catalog handed over and a watch link; live unless told otherwise. */
export async function shopShow(relay: RunningRelay, catalog: ShowCatalog = sampleCatalog(), opts: { live?: boolean; title?: string } = {}): Promise<ShopShow> {
  const show = (await call<Show>(relay, 'POST', '/api/shows', { title: opts.title ?? 'shop' })).body;
  const put = await call(relay, 'PUT', `/api/shows/${show.id}/catalog`, catalog);
  if (put.status !== 200) throw new Error(`catalog: ${put.status} ${put.text}`);
  if (opts.live !== false) await call(relay, 'POST', `/api/shows/${show.id}/start`);
  const link = (await call<WatchLink>(relay, 'POST', `/api/shows/${show.id}/links`, {})).body;
  const token = link.url.split('/w/')[1]!;
  const w = (method: string, rest: string, body?: unknown, raw?: string) => call(relay, method, `/api/watch/${token}${rest}`, body, { key: null, ...(raw !== undefined ? { raw } : {}) });
  const mine = (rest: string, viewerId: string) => call(relay, 'GET', `/api/watch/${token}${rest}`, undefined, { key: null, viewerId });
  const viewer = async (nickname: string | null = null) => {
    const r = await w('POST', '/viewers', { viewerId: null, nickname });
    if (r.status !== 200) throw new Error(`register: ${r.status} ${r.text}`);
    return r.body.viewerId as string;
  };
  return { show, token, w, mine, viewer };
}

export function checkoutBody(viewerId: string, over: Record<string, unknown> = {}) {
  return { viewerId, line: { productId: 'tee', optionId: null, quantity: 1 }, couponCode: null, idempotencyKey: randomId('k_'), buyer: sampleBuyer(), payment: 'bank_transfer', expectedTotal: 18000, paymentToken: null, consent: true, ...over };
}

/** The relay's SQLite file, opened read-only beside the running relay (WAL lets both read). */
export function openRelayDbReadOnly(relay: { dataDir: string }): Database.Database {
  return new Database(path.join(relay.dataDir, 'relay.sqlite'), { readonly: true, fileMustExist: true });
}

/** What a failure must not leave behind: orders, claims and stock of a show, counted in SQLite. */
export function footprint(relay: { dataDir: string }, showId: string): { orders: number; claims: number; stock: Record<string, number> } {
  const db = openRelayDbReadOnly(relay);
  try {
    const orders = (db.prepare('SELECT COUNT(*) AS n FROM orders WHERE show_id = ?').get(showId) as { n: number }).n;
    const claims = (db.prepare('SELECT COUNT(*) AS n FROM coupon_claims WHERE show_id = ?').get(showId) as { n: number }).n;
    const rows = db.prepare('SELECT product_id, option_id, stock FROM show_stock WHERE show_id = ?').all(showId) as { product_id: string; option_id: string; stock: number }[];
    return { orders, claims, stock: Object.fromEntries(rows.map((r) => [`${r.product_id}/${r.option_id}`, r.stock])) };
  } finally {
    db.close();
  }
}

/** Every message a WebSocket receives from now on, to wait for ones that may come in any order. */
export function recordMessages(ws: { on(event: 'message', cb: (data: Buffer) => void): unknown }) {
  const messages: Record<string, unknown>[] = [];
  ws.on('message', (d) => messages.push(JSON.parse(d.toString()) as Record<string, unknown>));
  return {
    messages,
    async waitFor(what: string, pred: (m: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = messages.find(pred);
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(messages.slice(-10))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
