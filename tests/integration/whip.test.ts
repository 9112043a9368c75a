import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/testing/seeded-random.js';
import { waitUntil } from '../helpers/media-pages.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/**
 * WHIP per RFC 9725 as clients use it, against a real relay and Janus on loopback: status codes
 * and headers for trickle ICE, ICE restarts, entity tags and CORS on every answer. (Media over
 * these exchanges is proved in tests/e2e/whip-trickle.test.ts, inside a network namespace.)
 */
let relay: RunningRelay;

/** An offer without candidates, as a trickling client sends it; Janus parses it (ICE never completes here). */
const OFFER = [
  'v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'a=msid-semantic: WMS s',
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=rtcp:9 IN IP4 0.0.0.0',
  'a=ice-ufrag:whp1', 'a=ice-pwd:whipwhipwhipwhipwhipwhip', 'a=ice-options:trickle',
  `a=fingerprint:sha-256 ${Array(32).fill('AB').join(':')}`, 'a=setup:actpass', 'a=mid:0', 'a=sendonly', 'a=msid:s v',
  'a=rtcp-mux', 'a=rtpmap:96 VP8/90000', 'a=ssrc:1111 cname:whip', '',
].join('\r\n');

const CANDIDATE = 'candidate:1 1 udp 2122260223 127.0.0.1 9 typ host generation 0';
const frag = (lines: string[]) => [...lines, ''].join('\r\n');
const TRICKLE = frag(['a=ice-ufrag:whp1', 'a=ice-pwd:whipwhipwhipwhipwhipwhip', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:0', `a=${CANDIDATE}`]);
const END = frag(['a=ice-ufrag:whp1', 'a=ice-pwd:whipwhipwhipwhipwhipwhip', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:0', 'a=end-of-candidates']);
const restartFrag = (ufrag: string) => frag([`a=ice-ufrag:${ufrag}`, 'a=ice-pwd:restartrestartrestartrest', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'a=mid:0', `a=${CANDIDATE}`]);

const auth = () => ({ authorization: `Bearer ${relay.studioKey}` });
const SDPFRAG = 'application/trickle-ice-sdpfrag';
const patch = (sid: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${relay.url}/whip/sessions/${sid}`, { method: 'PATCH', headers: { ...auth(), 'content-type': SDPFRAG, ...headers }, body });
const methods = (v: string | null) => new Set((v ?? '').split(',').map((m) => m.trim()).filter(Boolean));

/** Every answer on a WHIP path is readable by a browser on another origin, and names what is served there. */
function expectCors(res: Response, served: string[]): void {
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect(methods(res.headers.get('access-control-allow-methods'))).toEqual(new Set(served));
  expect(methods(res.headers.get('access-control-expose-headers'))).toEqual(new Set(['location', 'etag', 'link']));
}
const ENDPOINT = ['POST', 'OPTIONS'];
const SESSION = ['PATCH', 'DELETE', 'OPTIONS'];

async function createShow(title: string): Promise<string> {
  const res = await fetch(`${relay.url}/api/shows`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
  return ((await res.json()) as { id: string }).id;
}

async function publish(showId: string): Promise<{ sid: string; etag: string; res: Response }> {
  const res = await fetch(`${relay.url}/whip/shows/${showId}`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/sdp' }, body: OFFER });
  expect(res.status, await res.clone().text()).toBe(201);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/whip\/sessions\/ps_[\w-]+$/);
  return { sid: location.split('/').pop()!, etag: res.headers.get('etag') ?? '', res };
}

beforeAll(async () => {
  relay = await startRelay();
  await waitUntil('media engine up', async () => ((await (await fetch(relay.url + '/api/health')).json()) as { ok: boolean }).ok);
});
afterAll(async () => {
  await relay?.stop();
});

describe('WHIP endpoint', () => {
  it('answers preflights with only the methods served at each path, and the headers a WHIP client sends', async () => {
    const endpoint = await fetch(`${relay.url}/whip/shows/any`, { method: 'OPTIONS', headers: { origin: 'https://encoder.example', 'access-control-request-method': 'POST' } });
    expect(endpoint.status).toBe(204);
    expectCors(endpoint, ENDPOINT);
    expect(methods(endpoint.headers.get('access-control-allow-headers'))).toEqual(new Set(['authorization', 'content-type', 'if-match']));
    const session = await fetch(`${relay.url}/whip/sessions/any`, { method: 'OPTIONS' });
    expect(session.status).toBe(204);
    expectCors(session, SESSION);
  });

  it('puts CORS on refusals too: 401 with WWW-Authenticate, 405 with Allow, 415, 400, 404', async () => {
    const showId = await createShow('whip refusals');
    const noKey = await fetch(`${relay.url}/whip/shows/${showId}`, { method: 'POST', headers: { 'content-type': 'application/sdp' }, body: OFFER });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectCors(noKey, ENDPOINT);

    const get = await fetch(`${relay.url}/whip/shows/${showId}`);
    expect(get.status).toBe(405);
    expect(methods(get.headers.get('allow'))).toEqual(new Set(ENDPOINT));
    expectCors(get, ENDPOINT);
    const put = await fetch(`${relay.url}/whip/sessions/x`, { method: 'PUT', headers: auth() });
    expect(put.status).toBe(405);
    expect(methods(put.headers.get('allow'))).toEqual(new Set(SESSION));
    expectCors(put, SESSION);

    const text = await fetch(`${relay.url}/whip/shows/${showId}`, { method: 'POST', headers: { ...auth(), 'content-type': 'text/plain' }, body: OFFER });
    expect(text.status).toBe(415);
    expectCors(text, ENDPOINT);
    const notSdp = await fetch(`${relay.url}/whip/shows/${showId}`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/sdp' }, body: 'hello' });
    expect(notSdp.status).toBe(400);
    expectCors(notSdp, ENDPOINT);
    const noShow = await fetch(`${relay.url}/whip/shows/nope`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/sdp' }, body: OFFER });
    expect(noShow.status).toBe(404);
    expectCors(noShow, ENDPOINT);

    const unknown = await patch('ps_nope', TRICKLE);
    expect(unknown.status).toBe(404);
    expectCors(unknown, SESSION);
    const unknownDelete = await fetch(`${relay.url}/whip/sessions/ps_nope`, { method: 'DELETE', headers: auth() });
    expect(unknownDelete.status).toBe(404);
    expectCors(unknownDelete, SESSION);
  });

  it('publishes an offer without candidates and takes trickled ones by PATCH (204), checking If-Match', async () => {
    const { sid, etag, res } = await publish(await createShow('whip trickle'));
    expect(etag).toMatch(/^"[\w-]+"$/);
    expectCors(res, ENDPOINT);

    const wrongType = await fetch(`${relay.url}/whip/sessions/${sid}`, { method: 'PATCH', headers: { ...auth(), 'content-type': 'application/sdp' }, body: TRICKLE });
    expect(wrongType.status).toBe(415);
    expectCors(wrongType, SESSION);
    const noKey = await fetch(`${relay.url}/whip/sessions/${sid}`, { method: 'PATCH', headers: { 'content-type': SDPFRAG }, body: TRICKLE });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expectCors(noKey, SESSION);
    for (const bad of ['hello', frag(['m=video 9 UDP/TLS/RTP/SAVPF 96', 'a=candidate:1 1 udp 1 10.0.0.1 9 typ banana']), frag(['a=ice-ufrag:whp1'])]) {
      const r = await patch(sid, bad, { 'if-match': etag });
      expect(r.status, bad).toBe(400);
      expectCors(r, SESSION);
    }
    const otherSection = await patch(sid, frag(['m=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=mid:7', `a=${CANDIDATE}`]));
    expect(otherSection.status).toBe(400);

    const trickled = await patch(sid, TRICKLE, { 'if-match': etag });
    expect(trickled.status, await trickled.clone().text()).toBe(204);
    expectCors(trickled, SESSION);
    expect((await patch(sid, TRICKLE)).status).toBe(204); // If-Match is optional for trickle
    const stale = await patch(sid, END, { 'if-match': '"not-the-tag"' });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { error: string }).error).toBe('precondition_failed');
    expectCors(stale, SESSION);
    expect((await patch(sid, END, { 'if-match': `W/${etag}` })).status).toBe(412); // If-Match compares strongly
    expect((await patch(sid, END, { 'if-match': etag })).status).toBe(204);
  });

  it('restarts ICE on new credentials with If-Match "*": 200, the answer fragment, a new ETag; the old tag is then stale', async () => {
    const { sid, etag } = await publish(await createShow('whip restart'));
    const unconditional = await patch(sid, restartFrag('rst1'));
    expect(unconditional.status).toBe(428);
    expectCors(unconditional, SESSION);
    expect((await patch(sid, restartFrag('rst1'), { 'if-match': '"old"' })).status).toBe(412);

    const restarted = await patch(sid, restartFrag('rst1'), { 'if-match': '"*"' });
    const body = await restarted.text();
    expect(restarted.status, body).toBe(200);
    expect(restarted.headers.get('content-type')).toBe(SDPFRAG);
    expectCors(restarted, SESSION);
    const newTag = restarted.headers.get('etag') ?? '';
    expect(newTag).toMatch(/^"[\w-]+"$/);
    expect(newTag).not.toBe(etag);
    // Janus's own new credentials, and the m= section they belong to.
    expect(body).toMatch(/^a=ice-ufrag:\S+\r\na=ice-pwd:\S+\r\n/);
    expect(body).toMatch(/\r\nm=video /);
    expect(body).toContain('a=mid:0');

    const newTrickle = restartFrag('rst1');
    expect((await patch(sid, newTrickle, { 'if-match': etag })).status).toBe(412);
    expect((await patch(sid, newTrickle, { 'if-match': newTag })).status).toBe(204);
    // New credentials under a tag (here the pre-restart ones) are not a restart request: only If-Match "*" is.
    expect((await patch(sid, TRICKLE, { 'if-match': newTag })).status).toBe(428);

    const again = await patch(sid, restartFrag('rst2'), { 'if-match': '*' });
    expect(again.status).toBe(200);
    expect(again.headers.get('etag')).not.toBe(newTag);
  });

  it('DELETE ends the session; PATCH and DELETE then answer 404', async () => {
    const { sid } = await publish(await createShow('whip stop'));
    const stop = await fetch(`${relay.url}/whip/sessions/${sid}`, { method: 'DELETE', headers: auth() });
    expect(stop.status).toBe(200);
    expectCors(stop, SESSION);
    expect((await patch(sid, TRICKLE)).status).toBe(404);
    expect((await fetch(`${relay.url}/whip/sessions/${sid}`, { method: 'DELETE', headers: auth() })).status).toBe(404);
  });

  it('answers random fragments on a live session with a refusal or a success, never a 500, and keeps taking good ones', async () => {
    const { sid, etag } = await publish(await createShow('whip fragment fuzz'));
    const rng = seededRandom(9725);
    const pieces = ['a=ice-ufrag:whp1', 'a=ice-pwd:whipwhipwhipwhipwhipwhip', 'a=ice-ufrag:zz', 'a=ice-pwd:restartrestartrestartrest', 'm=video 9 UDP/TLS/RTP/SAVPF 96', 'm=audio 9 X 1', 'a=mid:0', 'a=mid:9', `a=${CANDIDATE}`, 'a=candidate:x', 'a=end-of-candidates', 'a=', '\u0000', 'é', 'v=0'];
    const seen = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const body = Array.from({ length: rng.int(1, 8) }, () => rng.pick(pieces)).join(rng.pick(['\r\n', '\n']));
      const r = await patch(sid, body, rng.int(0, 1) ? { 'if-match': rng.pick([etag, '"*"', '"x"']) } : {});
      seen.add(r.status);
      expect([200, 204, 400, 412, 428], `${r.status} for ${JSON.stringify(body)}`).toContain(r.status);
    }
    expect(seen.has(400)).toBe(true);
    // The session still works: a restart to known credentials, then a trickle under its new tag.
    const restarted = await patch(sid, restartFrag('fin1'), { 'if-match': '*' });
    expect(restarted.status).toBe(200);
    expect((await patch(sid, restartFrag('fin1'), { 'if-match': restarted.headers.get('etag')! })).status).toBe(204);
  });

  it('answered only codes its declarations list', () => {
    expect(relay.output()).not.toContain('its declaration does not list');
  });
});
