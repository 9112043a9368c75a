import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Show, WatchLink } from '../../common/show.js';
import { waitUntil } from '../helpers/media-pages.js';
import { studioHttp } from '../helpers/studio-http.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { rawRequest, upgradeRequest } from '../helpers/raw-http.js';
import { TestSocket } from '../helpers/ws-client.js';

/**
 * What an outsider with a watch link can send does not stop the relay (issue 14, item 2), the
 * public health answer says little, and a revoked link stops working for sockets already open.
 * A relay process with its real Janus and two viewer workers, on loopback.
 */
let relay: RunningRelay;
let port: number;
const api = studioHttp(() => relay);
const wsUrl = () => relay.url.replace('http', 'ws') + '/ws/watch';
const alive = () => relay.proc.exitCode === null && relay.proc.signalCode === null;

beforeAll(async () => {
  relay = await startRelay({ env: { RELAY_VIEWER_WORKERS: '2' } });
  port = Number(new URL(relay.url).port);
  // The relay is ready before Janus is.
  await waitUntil('media engine up', async () => (await api<{ ok: boolean }>('GET', '/api/health', undefined, null)).body.ok, 30_000);
});
afterAll(async () => {
  await relay?.stop();
});

describe('requests that do not parse', () => {
  it('answers each with 400 (or closes that socket) and keeps serving', async () => {
    const plain = (target: string) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`;
    const cases: [string, RegExp][] = [
      [plain('/w/%E0%A4%A'), /^HTTP\/1.1 400/],
      [plain('/api/shows/%ZZ'), /^HTTP\/1.1 400/],
      [plain('//['), /^HTTP\/1.1 400/],
      [plain('http://[/api/health'), /^HTTP\/1.1 400/],
      [upgradeRequest('//['), /^HTTP\/1.1 400/],
      [upgradeRequest('/ws/watch/%E0%A4%A'), /^HTTP\/1.1 404/],
      [upgradeRequest('//[/api/studio/events'), /^HTTP\/1.1 400/],
      ['GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', /^HTTP\/1.1 400/],
      ['\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03', /^(HTTP\/1.1 400|)/],
    ];
    for (const [bytes, expected] of cases) {
      const answer = await rawRequest(port, bytes);
      expect(answer, JSON.stringify(bytes.slice(0, 40))).toMatch(expected);
      expect(alive()).toBe(true);
    }
    // Half an upgrade, then a reset: nothing is left to throw.
    await rawRequest(port, upgradeRequest('/api/studio/events', 'Authorization: Bearer nope\r\n'), 1);
    const health = await api<{ ok: boolean }>('GET', '/api/health', undefined, null);
    expect(health.status).toBe(200);
    expect(alive()).toBe(true);
  });

  it('refuses a WHIP offer that is not WebRTC SDP with 400, and the show does not start', async () => {
    const show = (await api<Show>('POST', '/api/shows', { title: 'bad offer' })).body;
    for (const body of ['v=0\r\no=- 0 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n', 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n\u0000\u0001']) {
      const r = await fetch(`${relay.url}/whip/shows/${show.id}`, { method: 'POST', headers: { authorization: `Bearer ${relay.studioKey}`, 'content-type': 'application/sdp' }, body });
      expect(r.status).toBe(400);
      expect(((await r.json()) as { message: string }).message).toMatch(/SDP|WebRTC/);
    }
    expect((await api<Show>('GET', `/api/shows/${show.id}`)).body.status).toBe('scheduled');
  });
});

describe('public health', () => {
  it('tells the public only whether it is up; the studio key adds the details', async () => {
    const pub = await api<Record<string, unknown>>('GET', '/api/health', undefined, null);
    expect(pub.status).toBe(200);
    expect(pub.body).toEqual({ ok: true, mediaEngine: { state: 'up' } });
    const wrong = await api<Record<string, unknown>>('GET', '/api/health', undefined, 'sk_wrong_wrong_wrong_wrong');
    expect(wrong.body).toEqual({ ok: true, mediaEngine: { state: 'up' } });
    const studio = await api<Record<string, unknown>>('GET', '/api/health');
    expect(studio.body).toMatchObject({ ok: true, version: expect.any(String), uptimeSec: expect.any(Number), liveShows: expect.any(Number), viewers: expect.any(Number), mediaEngine: { state: 'up', restarts: 0, managed: true } });
  });
});

describe('revoking a watch link', () => {
  it('closes the sockets opened with it, and only those', async () => {
    const show = (await api<Show>('POST', '/api/shows', { title: 'revoke me' })).body;
    const links = [(await api<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body, (await api<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body];
    const tokens = links.map((l) => l.url.split('/w/')[1]!);
    // Several sockets, so both viewer workers hold some of them.
    const viewers = [0, 0, 0, 1].map((i) => ({ link: i, v: new TestSocket(wsUrl()) }));
    for (const { link, v } of viewers) {
      await v.opened;
      v.send({ type: 'hello', token: tokens[link] });
      await v.next('welcome');
    }
    expect((await api('POST', `/api/links/${links[0]!.id}/revoke`)).status).toBe(200);
    for (const { v } of viewers.filter((x) => x.link === 0)) {
      expect(await v.next('error')).toMatchObject({ code: 'link_revoked' });
      expect(await v.closed()).toBe(4403);
    }
    const other = viewers.find((x) => x.link === 1)!.v;
    other.send({ type: 'subscribe' });
    expect(await other.next('error')).toMatchObject({ code: 'not_live' });
    expect(other.closeCode).toBeNull();
    // The revoked link cannot come back in either.
    const again = new TestSocket(wsUrl());
    await again.opened;
    again.send({ type: 'hello', token: tokens[0] });
    expect(await again.next('error')).toMatchObject({ code: 'link_revoked' });
    other.close();
  });
});
