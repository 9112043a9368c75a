import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { VIEWER_ID_HEADER } from '../../../common/protocol/viewer-header.js';
import { parseAnswer, WatchApi, type FetchLike } from './commerce-api.js';

const VIEWER = 'viewer_aaaaaaaaaaaaaaaa';

interface Call {
  url: string;
  method: string;
  body: unknown;
  headers: Record<string, string>;
}

/** A relay stand-in: answers by route from a script, records every call. */
function fakeRelay(routes: Record<string, (call: Call) => { status: number; body?: unknown }>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call = { url, method: init.method, body: init.body ? JSON.parse(init.body) : undefined, headers: init.headers ?? {} };
    calls.push(call);
    const path = url.replace('/api/watch/tok', '').split('?')[0]!;
    const handler = routes[`${init.method} ${path}`];
    const answer = handler ? handler(call) : { status: 404, body: { error: 'not_found', message: 'no route' } };
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return { status: answer.status, text: async () => text };
  };
  return { calls, fetch };
}

const held = { couponId: 'c1', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, usesLeft: 1, source: 'drop', validUntil: null };

function api(fetch: FetchLike, seen: string[] = []) {
  return new WatchApi({ token: 'tok', fetch, viewerId: () => VIEWER, onViewerId: (id) => seen.push(id), nickname: () => null });
}

describe('WatchApi', () => {
  it('registers the device id once, before the first call', async () => {
    const relay = fakeRelay({
      'POST /viewers': (c) => ({ status: 200, body: { viewerId: (c.body as { viewerId: string }).viewerId, nickname: null } }),
      'GET /coupons': () => ({ status: 200, body: [held] }),
    });
    const seen: string[] = [];
    const a = api(relay.fetch, seen);
    const [r1, r2] = await Promise.all([a.coupons(), a.coupons()]);
    expect(r1.ok && r1.data[0]!.code).toBe('LIVE10');
    expect(r2.ok).toBe(true);
    expect(relay.calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/watch/tok/viewers',
      'GET /api/watch/tok/coupons',
      'GET /api/watch/tok/coupons',
    ]);
    // The id is a bearer secret: in a header, never in the URL (logs, proxies, history).
    expect(relay.calls.slice(1).map((c) => c.headers[VIEWER_ID_HEADER])).toEqual([VIEWER, VIEWER]);
    expect(relay.calls[0]!.body).toEqual({ viewerId: VIEWER, nickname: null });
    expect(seen).toEqual([VIEWER]);
  });

  it('names the viewer of every GET in the X-Viewer-Id header and never in the URL', async () => {
    const relay = fakeRelay({
      'POST /viewers': () => ({ status: 200, body: { viewerId: VIEWER, nickname: null } }),
      'GET /orders': () => ({ status: 200, body: [] }),
      'GET /coupons': () => ({ status: 200, body: [] }),
      'GET /quizzes/q%201/outcome': () => ({ status: 404, body: { error: 'not_decided', message: 'later' } }),
    });
    const a = api(relay.fetch);
    await a.orders();
    await a.coupons();
    await a.quizOutcome('q 1');
    const gets = relay.calls.filter((c) => c.method === 'GET');
    expect(gets.map((c) => c.url)).toEqual(['/api/watch/tok/orders', '/api/watch/tok/coupons', '/api/watch/tok/quizzes/q%201/outcome']);
    expect(gets.every((c) => c.headers[VIEWER_ID_HEADER] === VIEWER && !c.url.includes(VIEWER))).toBe(true);
  });

  it('registers again and retries once when the relay does not know the device (401 unknown_viewer)', async () => {
    let known = false;
    const relay = fakeRelay({
      'POST /viewers': () => {
        const first = relay.calls.filter((c) => c.url.endsWith('/viewers')).length === 1;
        if (!first) known = true;
        return { status: 200, body: { viewerId: VIEWER, nickname: null } };
      },
      'POST /coupons/claim': () => (known ? { status: 200, body: { coupon: held, quotaLeft: 9 } } : { status: 401, body: { error: 'unknown_viewer', message: 'reload' } }),
    });
    const r = await api(relay.fetch).claimCoupon('c1');
    expect(r.ok && r.data.quotaLeft).toBe(9);
    expect(relay.calls.map((c) => c.url.replace('/api/watch/tok', ''))).toEqual(['/viewers', '/coupons/claim', '/viewers', '/coupons/claim']);
  });

  it('gives up after one retry, with the relay’s code', async () => {
    const relay = fakeRelay({
      'POST /viewers': () => ({ status: 200, body: { viewerId: VIEWER, nickname: null } }),
      'POST /polls/vote': () => ({ status: 401, body: { error: 'unknown_viewer', message: 'reload' } }),
    });
    const r = await api(relay.fetch).vote('p1', 0);
    expect(!r.ok && r.error.code).toBe('unknown_viewer');
    expect(relay.calls.filter((c) => c.url.endsWith('/polls/vote'))).toHaveLength(2);
  });

  it('reports a lost connection as network, which an order retries with the same key', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const r = await api(fetch).orders();
    expect(!r.ok && r.error).toEqual({ code: 'network', status: 0, message: null });
  });

  it('names the viewer and the moment the quiz was shown', async () => {
    const relay = fakeRelay({
      'POST /viewers': () => ({ status: 200, body: { viewerId: VIEWER, nickname: null } }),
      'POST /quizzes/answer': () => ({ status: 200, body: { accepted: true, reactionMs: 812 } }),
    });
    const r = await api(relay.fetch).answerQuiz('q1', 2, 1_700_000_000_123);
    expect(r.ok && r.data.reactionMs).toBe(812);
    expect(relay.calls[1]!.body).toEqual({ viewerId: VIEWER, quizId: 'q1', choiceIndex: 2, shownAt: 1_700_000_000_123 });
  });
});

describe('parseAnswer', () => {
  const S = z.object({ n: z.number() });
  it('parses 2xx with the schema and refuses what does not match', () => {
    expect(parseAnswer(200, '{"n":1}', S)).toEqual({ ok: true, data: { n: 1 }, status: 200 });
    expect(parseAnswer(200, '{"n":"1"}', S)).toEqual({ ok: false, error: { code: 'bad_response', status: 200, message: null } });
    expect(parseAnswer(200, '<html>', S)).toEqual({ ok: false, error: { code: 'bad_response', status: 200, message: null } });
  });
  it('reads ApiError bodies, and names what is not one', () => {
    expect(parseAnswer(409, '{"error":"sold_out","message":"sold out"}', S)).toEqual({ ok: false, error: { code: 'sold_out', status: 409, message: 'sold out' } });
    expect(parseAnswer(502, 'Bad Gateway', S)).toEqual({ ok: false, error: { code: 'server_error', status: 502, message: null } });
    expect(parseAnswer(418, '', S)).toEqual({ ok: false, error: { code: 'http_error', status: 418, message: null } });
  });
  it('accepts an empty 204 for events', () => {
    expect(parseAnswer(204, '', z.unknown()).ok).toBe(true);
  });
});
