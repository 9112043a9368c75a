import Database from 'better-sqlite3';
import path from 'node:path';
import type { ShowCatalog } from '../../common/commerce/show-catalog.js';
import { VIEWER_ID_HEADER } from '../../common/protocol/viewer-header.js';
import type { Show, WatchLink } from '../../common/show.js';
import type { z } from 'zod';
import type { Stage, StageOp } from '../../common/stage.js';
import type { RunningRelay } from './processes.js';
import { TestSocket } from './ws-client.js';

/** Studio and viewer calls against a running relay, for the engagement and analytics tests. */
export interface Reply<T> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
}

export function relayApi(relay: () => RunningRelay) {
  const call = async <T = Record<string, unknown>>(method: string, p: string, body?: unknown, key: string | null = relay().studioKey, raw?: string, viewerId?: string): Promise<Reply<T>> => {
    const res = await fetch(relay().url + p, {
      method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(viewerId ? { [VIEWER_ID_HEADER]: viewerId } : {}), 'content-type': 'application/json' },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed as T, text, headers: res.headers };
  };
  const watch = <T = Record<string, unknown>>(token: string, method: string, p: string, body?: unknown, raw?: string) => call<T>(method, `/api/watch/${token}${p}`, body, null, raw);
  /** A viewer's GET: the device id in the X-Viewer-Id header. */
  const mine = <T = Record<string, unknown>>(token: string, p: string, viewerId: string) => call<T>('GET', `/api/watch/${token}${p}`, undefined, null, undefined, viewerId);
  let firings = 0;

  return {
    call,
    watch,
    mine,
    /** A live show with the catalog handed off and a watch link. */
    async liveShow(title: string, catalog: ShowCatalog = CATALOG) {
      const show = (await call<Show>('POST', '/api/shows', { title })).body;
      const token = (await call<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body.url.split('/w/')[1]!;
      const put = await call('PUT', `/api/shows/${show.id}/catalog`, catalog);
      if (put.status !== 200) throw new Error(`catalog hand-off failed: ${put.text}`);
      await call('POST', `/api/shows/${show.id}/start`);
      return { show, token };
    },
    /** A device id issued for the show. */
    async viewer(token: string): Promise<string> {
      const r = await watch<{ viewerId: string }>(token, 'POST', '/viewers', { viewerId: null, nickname: null });
      if (r.status !== 200) throw new Error(`register failed: ${r.text}`);
      return r.body.viewerId;
    },
    /** A watch-page socket; resolves with its welcome. */
    async socket(token: string, viewerId?: string) {
      const s = new TestSocket(relay().url.replace('http', 'ws') + '/ws/watch');
      await s.opened;
      s.send({ type: 'hello', token, ...(viewerId ? { viewerId } : {}) });
      return { s, welcome: await s.next('welcome') };
    },
    /** Fires a cue on the current stage version. */
    async fire(showId: string, op: z.input<typeof StageOp>): Promise<Stage> {
      const base = (await call<Stage>('GET', `/api/shows/${showId}/stage`)).body.version;
      const r = await call<Stage>('POST', `/api/shows/${showId}/cues`, { firingId: `t${firings++}`, baseVersion: base, captureMs: null, op });
      if (r.status !== 200) throw new Error(`cue failed: ${r.text}`);
      return r.body;
    },
    /** Read-only view of the relay's database (WAL: safe beside the running relay). */
    db() {
      return new Database(path.join(relay().dataDir, 'relay.sqlite'), { readonly: true });
    },
  };
}

/** Retries `read` until `ok` holds (work the relay batches: registrations, "saw" rows, samples). */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

const product = (id: string, name: string, price = 30000) => ({ id, name, imageUrls: [], currency: 'KRW' as const, price, salePrice: null, stock: 50, options: [], externalUrl: null });
const coupon = (id: string, code: string, totalQuota: number) => ({ id, code, kind: 'fixed' as const, amount: 3000, currency: 'KRW' as const, minOrder: 0, totalQuota, perViewerCap: 1, validFrom: null, validUntil: null });

export const CATALOG: ShowCatalog = {
  products: [product('p1', '린넨 셔츠'), product('p2', '=cmd|\' /C calc\'!A0', 20000)],
  coupons: [coupon('c-prize', 'QUIZWIN', 1), coupon('c-drop', 'LIVE10', 100)],
  quizzes: [
    { id: 'q-first', question: '오늘 셔츠의 소재는?', choices: ['면', '린넨', '울'], correctIndex: 1, winners: 1, winnerRule: 'first', rewardCouponId: 'c-prize' },
    { id: 'q-draw', question: 'Draw', choices: ['a', 'b'], correctIndex: 0, winners: 2, winnerRule: 'draw', rewardCouponId: 'c-prize' },
    { id: 'q-never', question: 'Never opened', choices: ['a', 'b'], correctIndex: 0, winners: 1, winnerRule: 'first', rewardCouponId: null },
  ],
  polls: [{ id: 'poll1', question: '다음 색상은?', choices: ['블랙', '화이트', '베이지'] }],
  payment: { bankTransfer: null, cashOnDelivery: true, card: false, shippingFee: 3000, freeShippingFrom: null },
};

export const openQuiz = (quizId: string, durationSec = 5): StageOp => {
  const q = CATALOG.quizzes.find((x) => x.id === quizId)!;
  return { op: 'openQuiz', quiz: { quizId, question: q.question, choices: q.choices, winners: q.winners }, durationSec };
};
export const openPoll = (durationSec: number | null = null): StageOp => ({ op: 'openPoll', poll: { pollId: 'poll1', question: '다음 색상은?', choices: ['블랙', '화이트', '베이지'] }, durationSec });
