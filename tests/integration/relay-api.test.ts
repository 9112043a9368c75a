import { statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Show, WatchLink } from '../../common/show.js';
import { studioHttp } from '../helpers/studio-http.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { waitUntil } from '../helpers/media-pages.js';
import { TestSocket } from '../helpers/ws-client.js';

/** The relay as a process with a real Janus it started itself; HTTP and WebSocket on loopback only. */
let relay: RunningRelay;
const api = studioHttp(() => relay);
const wsUrl = () => relay.url.replace('http', 'ws') + '/ws/watch';

beforeAll(async () => {
  // A fast heartbeat, so the test sees several ping rounds.
  relay = await startRelay({ env: { RELAY_HEARTBEAT_MS: '200' } });
});
afterAll(async () => {
  await relay?.stop();
});

describe('studio authentication', () => {
  it('prints a studio key once and hands it over in an owner-only file', async () => {
    expect(relay.studioKey).toMatch(/^sk_[\w-]{43}$/);
    expect(statSync(path.join(relay.dataDir, 'studio-key')).mode & 0o777).toBe(0o600);
    await waitUntil('the key banner', () => relay.output().includes(relay.studioKey), 5000);
  });

  it('answers 401 with a clear message for a missing or wrong key, everywhere', async () => {
    for (const key of [null, 'sk_wrong_wrong_wrong_wrong']) {
      const r = await api<{ error: string; message: string }>('GET', '/api/shows', undefined, key);
      expect(r.status).toBe(401);
      expect(r.body.error).toBe('unauthorized');
      expect(r.body.message).toMatch(/studio key/);
    }
    const whip = await fetch(`${relay.url}/whip/shows/x`, { method: 'POST', headers: { 'content-type': 'application/sdp' }, body: 'v=0' });
    expect(whip.status).toBe(401);
    const events = new TestSocket(relay.url.replace('http', 'ws') + '/api/studio/events', { authorization: 'Bearer nope' });
    await expect(events.opened).rejects.toThrow(/401/);
  });
});

describe('shows and watch links', () => {
  it('validates show input and stores nothing on bad input', async () => {
    const before = (await api<Show[]>('GET', '/api/shows')).body.length;
    expect((await api('POST', '/api/shows', { title: '' })).status).toBe(400);
    expect((await api('POST', '/api/shows', { title: 'x'.repeat(500) })).status).toBe(400);
    expect((await api('POST', '/api/shows', { title: 'ok', scheduledAt: 'soon' })).status).toBe(400);
    const bad = await fetch(relay.url + '/api/shows', { method: 'POST', headers: { authorization: `Bearer ${relay.studioKey}` }, body: '{"title":' });
    expect(bad.status).toBe(400);
    const huge = await fetch(relay.url + '/api/shows', { method: 'POST', headers: { authorization: `Bearer ${relay.studioKey}` }, body: 'x'.repeat(600_000) }).catch(() => null);
    if (huge) expect(huge.status).toBe(413);
    expect((await api<Show[]>('GET', '/api/shows')).body.length).toBe(before);
  });

  it('serves a starts-soon watch page, and clear pages for forged, revoked and unknown links', async () => {
    const show = (await api<Show>('POST', '/api/shows', { title: '<b>봄</b> 신상', scheduledAt: '2099-12-01T11:00:00+09:00' })).body;
    const link = (await api<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('&#60;b&#62;봄&#60;/b&#62; 신상');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const token = link.url.split('/w/')[1]!;
    const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    for (const [path, status, reason] of [
      [`/w/${forged}`, 404, 'forged'],
      ['/w/not-a-token', 404, 'malformed'],
    ] as const) {
      const r = await fetch(relay.url + path);
      expect(r.status).toBe(status);
      const body = await r.text();
      expect(body).toContain(`data-link-problem="${reason}"`);
      expect(body).not.toMatch(/at \w+ \(|Error:|node_modules/);
    }
    await api('POST', `/api/links/${link.id}/revoke`);
    const revoked = await fetch(link.url);
    expect(revoked.status).toBe(410);
    expect(await revoked.text()).toContain('data-link-problem="revoked"');
  });

  it('turns an expired link away with 410', async () => {
    const show = (await api<Show>('POST', '/api/shows', { title: 'short link' })).body;
    // 3.6 s: long enough that a loaded machine still opens it once before it expires (1 s was not).
    const link = (await api<WatchLink>('POST', `/api/shows/${show.id}/links`, { expiresInHours: 0.001 })).body;
    expect((await fetch(link.url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, Date.parse(link.expiresAt!) - Date.now() + 200));
    const r = await fetch(link.url);
    expect(r.status).toBe(410);
    expect(await r.text()).toContain('data-link-problem="expired"');
  });
});

describe('viewer channel', () => {
  async function linkFor(title: string) {
    const show = (await api<Show>('POST', '/api/shows', { title })).body;
    const link = (await api<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
    return { show, token: link.url.split('/w/')[1]! };
  }

  it('answers malformed, unknown and oversized messages with errors and keeps serving', async () => {
    const { token } = await linkFor('robust');
    const v = new TestSocket(wsUrl());
    await v.opened;
    v.send('{not json');
    expect(await v.next('error')).toMatchObject({ code: 'bad_json' });
    v.send({ type: 'launch-missiles' });
    expect(await v.next('error')).toMatchObject({ code: 'bad_message' });
    v.send({ type: 'subscribe' });
    expect(await v.next('error')).toMatchObject({ code: 'bad_message', message: expect.stringMatching(/hello/) });
    v.send({ type: 'hello', token, pad: 'x'.repeat(100_000) });
    expect(await v.next('error')).toMatchObject({ code: 'too_large' });
    v.send({ type: 'hello', token, viewerId: 'bad id!' });
    expect(await v.next('error')).toMatchObject({ code: 'bad_message' });
    v.send({ type: 'hello', token });
    const welcome = await v.next('welcome');
    expect(welcome).toMatchObject({ show: { title: 'robust', status: 'scheduled' }, mediaEpoch: null });
    v.send({ type: 'answer', epoch: 3, sdp: 'v=0 bogus answer' });
    expect(await v.next('error')).toMatchObject({ code: 'stale' });
    v.send({ type: 'subscribe' });
    expect(await v.next('error')).toMatchObject({ code: 'not_live' });
    // A huge frame beyond the transport limit closes only that socket.
    const rude = new TestSocket(wsUrl());
    await rude.opened;
    rude.send('x'.repeat(2 * 1024 * 1024));
    expect(await rude.closed()).toBe(1009);
    const health = await api<{ ok: boolean }>('GET', '/api/health');
    expect(health.status).toBe(200);
    v.send({ type: 'subscribe' });
    expect(await v.next('error')).toMatchObject({ code: 'not_live' });
    v.close();
  });

  it('keeps answering viewers across heartbeat rounds (live sockets are not reaped)', async () => {
    const { token } = await linkFor('heartbeat');
    const v = new TestSocket(wsUrl());
    await v.opened;
    v.send({ type: 'hello', token });
    await v.next('welcome');
    let pings = 0;
    v.ws.on('ping', () => pings++);
    await waitUntil('several heartbeat rounds', () => pings >= 5, 10_000);
    expect(v.closeCode).toBeNull();
    v.send({ type: 'subscribe' });
    expect(await v.next('error')).toMatchObject({ code: 'not_live' });
    v.close();
  });

  it('turns away forged links and keeps the viewer id across reconnects', async () => {
    const bad = new TestSocket(wsUrl());
    await bad.opened;
    bad.send({ type: 'hello', token: 'AAAAAAAAAA.' + 'B'.repeat(43) });
    expect(await bad.next('error')).toMatchObject({ code: 'link_forged' });
    expect(await bad.closed()).toBe(4403);

    const { token } = await linkFor('again');
    const first = new TestSocket(wsUrl());
    await first.opened;
    first.send({ type: 'hello', token });
    const { viewerId } = await first.next('welcome');
    first.close();
    const second = new TestSocket(wsUrl());
    await second.opened;
    second.send({ type: 'hello', token, viewerId });
    expect(await second.next('welcome')).toMatchObject({ viewerId });
    second.close();
  });

  it('tells viewers and the studio when a show starts, how many watch, and when it ends', async () => {
    const { show, token } = await linkFor('count me');
    const studio = new TestSocket(relay.url.replace('http', 'ws') + '/api/studio/events', { authorization: `Bearer ${relay.studioKey}` });
    await studio.opened;
    expect(await studio.next('mediaEngine')).toMatchObject({ state: 'up' });
    const viewers = [new TestSocket(wsUrl()), new TestSocket(wsUrl()), new TestSocket(wsUrl())];
    for (const v of viewers) {
      await v.opened;
      v.send({ type: 'hello', token });
      await v.next('welcome');
    }
    let count = 0;
    while (count !== 3) {
      const m = await studio.next('viewers');
      if (m.showId === show.id) count = m.count as number;
    }
    await api('POST', `/api/shows/${show.id}/start`);
    for (const v of viewers) expect(await v.next('show')).toMatchObject({ show: { status: 'live' }, mediaEpoch: null });
    await api('POST', `/api/shows/${show.id}/end`);
    for (const v of viewers) expect(await v.next('show')).toMatchObject({ show: { status: 'ended' } });
    viewers[0]!.close();
    for (;;) {
      const m = await studio.next('viewers');
      if (m.showId === show.id && m.count === 2) break;
    }
    viewers.slice(1).forEach((v) => v.close());
    studio.close();
  });
});

describe('WHIP ingest', () => {
  it('rejects wrong content types, non-SDP bodies and ended shows', async () => {
    const show = (await api<Show>('POST', '/api/shows', { title: 'whip' })).body;
    const post = (body: string, type = 'application/sdp') =>
      fetch(`${relay.url}/whip/shows/${show.id}`, { method: 'POST', headers: { authorization: `Bearer ${relay.studioKey}`, 'content-type': type }, body });
    const preflight = await fetch(`${relay.url}/whip/shows/${show.id}`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-expose-headers')).toBe('location, etag, link');
    expect((await post('v=0', 'text/plain')).status).toBe(415);
    const notSdp = await post('hello');
    expect(notSdp.status).toBe(400);
    expect(((await notSdp.json()) as { message: string }).message).toMatch(/SDP/);
    expect((await post('v=0\r\no=- 0 0 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n')).status).toBe(400);
    expect((await fetch(`${relay.url}/whip/shows/nope`, { method: 'POST', headers: { authorization: `Bearer ${relay.studioKey}`, 'content-type': 'application/sdp' }, body: 'v=0\r\nm=video 9 x\r\n' })).status).toBe(404);
    await api('POST', `/api/shows/${show.id}/end`);
    expect((await post('v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n')).status).toBe(409);
    expect((await fetch(`${relay.url}/whip/sessions/nope`, { method: 'DELETE', headers: { authorization: `Bearer ${relay.studioKey}` } })).status).toBe(404);
  });
});
