import { describe, expect, it } from 'vitest';
import { callRoute, type FetchLike } from './client.js';
import { RELAY_ROUTES } from './relay-routes.js';

type Seen = { url: string; method: string; headers: Record<string, string>; body?: unknown };

function fetchAnswering(status: number, body: string, seen: Seen[] = []): FetchLike {
  return async (url, init) => {
    seen.push({ url, method: init.method, headers: init.headers, body: init.body });
    return { status, headers: { get: () => null }, text: async () => body };
  };
}

const SHOW = { id: 'sh_1', title: 'T', status: 'scheduled', scheduledAt: null, startedAt: null, endedAt: null, createdAt: '2026-01-01T00:00:00.000Z', rehearsalOf: null };

describe('callRoute (every client of the declared API)', () => {
  it('sends the declared method to the encoded path with a JSON body, and parses the answer with the declared schema', async () => {
    const seen: Seen[] = [];
    const r = await callRoute(fetchAnswering(201, JSON.stringify(SHOW), seen), 'http://relay', RELAY_ROUTES.createShow, { params: {}, body: { title: 'T' } });
    expect(r).toMatchObject({ ok: true, status: 201, data: { id: 'sh_1' } });
    expect(seen[0]).toMatchObject({ url: 'http://relay/api/shows', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"T"}' });
  });

  it("returns the relay's error code and message when it refuses", async () => {
    const r = await callRoute(fetchAnswering(409, '{"error":"sold_out","message":"nothing left"}'), '', RELAY_ROUTES.votePoll, { params: { token: 't' }, body: { viewerId: 'v'.repeat(16), pollId: 'p1', choiceIndex: 0 } });
    expect(r).toEqual({ ok: false, error: { code: 'sold_out', status: 409, message: 'nothing left' } });
  });

  it('calls an answer that does not match the declared schema a bad response, never trusting it', async () => {
    const r = await callRoute(fetchAnswering(200, '{"id":42}'), '', RELAY_ROUTES.getShow, { params: { id: 'x' } });
    expect(r).toEqual({ ok: false, error: { code: 'bad_response', status: 200, message: null } });
    const notJson = await callRoute(fetchAnswering(502, '<html>proxy</html>'), '', RELAY_ROUTES.getShow, { params: { id: 'x' } });
    expect(notJson).toEqual({ ok: false, error: { code: 'http_502', status: 502, message: null } });
  });

  it('reports a failed or timed-out fetch as network / timeout', async () => {
    const failing: FetchLike = async () => Promise.reject(new TypeError('fetch failed'));
    expect(await callRoute(failing, '', RELAY_ROUTES.listShows, { params: {} })).toMatchObject({ ok: false, error: { code: 'network', status: 0 } });
    const timing: FetchLike = async () => Promise.reject(Object.assign(new Error('t'), { name: 'TimeoutError' }));
    expect(await callRoute(timing, '', RELAY_ROUTES.listShows, { params: {} })).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('returns text answers (CSV, SDP) as text', async () => {
    const r = await callRoute(fetchAnswering(200, '\ufeffa,b\n'), '', RELAY_ROUTES.ordersCsv, { params: { id: 's' } });
    expect(r).toMatchObject({ ok: true, data: '\ufeffa,b\n' });
  });
});
