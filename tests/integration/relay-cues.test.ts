import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Show, WatchLink } from '../../common/show.js';
import type { Stage, StageOp } from '../../common/stage.js';
import { studioHttp } from '../helpers/studio-http.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/** The stage over the real relay: firing cues, fan-out, late joiners, conflicts, forgeries, assets. */
let relay: RunningRelay;
const api = studioHttp(() => relay);
const card = (id: string) => ({ productId: id, name: `상품 ${id}`, imageUrls: [], currency: 'KRW', price: 39000, salePrice: 29000, stock: 7, externalUrl: null });
const pin = (...ids: string[]): StageOp => ({ op: 'pin', cards: ids.map(card) as never });
let n = 0;
const fire = (showId: string, op: StageOp, baseVersion: number, firingId = `f${n++}`, captureMs: number | null = 1000 + n) =>
  api<Stage & { error?: string; message?: string }>('POST', `/api/shows/${showId}/cues`, { firingId, baseVersion, captureMs, op });

async function liveShow(title: string) {
  const show = (await api<Show>('POST', '/api/shows', { title })).body;
  const link = (await api<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
  return { show, token: link.url.split('/w/')[1]! };
}
async function viewer(token: string) {
  const v = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
  await v.opened;
  v.send({ type: 'hello', token });
  return { v, welcome: await v.next('welcome') };
}

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

describe('firing cues', () => {
  it('refuses to fire before the show is live and stores nothing', async () => {
    const { show } = await liveShow('not yet');
    const r = await fire(show.id, pin('a'), 0);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ error: 'not_live', message: expect.stringMatching(/Go live/) });
    expect((await api<Stage>('GET', `/api/shows/${show.id}/stage`)).body.version).toBe(0);
  });

  it('fans a fired cue out to every viewer with its capture time; a late joiner gets the stage whole', async () => {
    const { show, token } = await liveShow('fan-out');
    await api('POST', `/api/shows/${show.id}/start`);
    const a = await viewer(token);
    const b = await viewer(token);
    expect(a.welcome.stage).toMatchObject({ version: 0, pinned: [] });
    const r = await fire(show.id, pin('p1', 'p2'), 0, 'first', 123456.5);
    expect(r.status).toBe(200);
    expect(r.body.pinned.map((c) => c.productId)).toEqual(['p1', 'p2']);
    for (const { v } of [a, b]) expect(await v.next('stage')).toMatchObject({ captureMs: 123456.5, stage: { version: 1, pinned: [{ productId: 'p1', name: '상품 p1' }, { productId: 'p2' }] } });
    const coupon = await fire(show.id, { op: 'dropCoupon', coupon: { couponId: 'c1', code: 'LIVE10', kind: 'percent', amount: 10, currency: 'KRW', minOrder: 0, quotaTotal: 100 }, durationSec: 60 }, 1);
    expect(coupon.body.coupon).toMatchObject({ quotaLeft: 100 });
    const late = await viewer(token);
    expect(late.welcome.stage).toMatchObject({ version: 2, pinned: [{ productId: 'p1' }, { productId: 'p2' }], coupon: { code: 'LIVE10', quotaLeft: 100 } });
    expect((late.welcome.stage as Stage).coupon!.endsAt - (late.welcome.serverNow as number)).toBeGreaterThan(50_000);
    const cleared = await fire(show.id, { op: 'clearCards' }, 2);
    expect(cleared.body.pinned).toEqual([]);
    for (const { v } of [a, b, late]) {
      let m = await v.next('stage');
      while ((m.stage as Stage).version < 3) m = await v.next('stage');
      expect(m).toMatchObject({ stage: { version: 3, pinned: [] } });
    }
    [a, b, late].forEach(({ v }) => v.close());
  });

  it('treats a retried firing as one, and turns away a second window that saw an old stage', async () => {
    const { show } = await liveShow('two windows');
    await api('POST', `/api/shows/${show.id}/start`);
    const once = await fire(show.id, pin('x'), 0, 'same-id');
    const again = await fire(show.id, pin('x'), 0, 'same-id');
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(once.body.version);
    const otherWindow = await fire(show.id, pin('y'), 0, 'other-window');
    expect(otherWindow.status).toBe(409);
    expect(otherWindow.body).toMatchObject({ error: 'stale_stage', message: expect.stringMatching(/Another studio window/) });
    const fourth = await fire(show.id, pin('b', 'c', 'd'), 1);
    expect(fourth.body).toMatchObject({ error: 'too_many_pinned' });
    expect((await api<Stage>('GET', `/api/shows/${show.id}/stage`)).body).toMatchObject({ version: 1, pinned: [{ productId: 'x' }] });
  });

  it('rejects malformed cues, cues without the studio key, and cue messages a viewer forges', async () => {
    const { show, token } = await liveShow('forgery');
    await api('POST', `/api/shows/${show.id}/start`);
    expect((await api('POST', `/api/shows/${show.id}/cues`, { firingId: 'x', baseVersion: 0, captureMs: 1, op: pin('a') }, null)).status).toBe(401);
    expect((await api('POST', `/api/shows/${show.id}/cues`, { firingId: 'x', baseVersion: 0, captureMs: 1, op: { op: 'pin', cards: [] } })).status).toBe(400);
    expect((await api('POST', `/api/shows/${show.id}/cues`, { firingId: 'x', baseVersion: 0, captureMs: 1, op: { op: 'pin', cards: [{ ...card('a'), price: -5 }] } })).status).toBe(400);
    expect((await api('POST', `/api/shows/${show.id}/cues`, { firingId: '../../x', baseVersion: 0, captureMs: 1, op: pin('a') })).status).toBe(400);
    const { v } = await viewer(token);
    v.send({ type: 'stage', stage: { version: 9, pinned: [card('evil')], coupon: null, quiz: null, poll: null }, captureMs: null });
    expect(await v.next('error')).toMatchObject({ code: 'bad_message' });
    v.send({ type: 'cue', op: pin('evil') });
    expect(await v.next('error')).toMatchObject({ code: 'bad_message' });
    expect((await api<Stage>('GET', `/api/shows/${show.id}/stage`)).body.version).toBe(0);
    v.close();
  });

  it('expires a coupon on time and tells viewers', async () => {
    const { show, token } = await liveShow('expiry');
    await api('POST', `/api/shows/${show.id}/start`);
    const { v } = await viewer(token);
    await fire(show.id, { op: 'dropCoupon', coupon: { couponId: 'c', code: 'FAST', kind: 'fixed', amount: 1000, currency: 'KRW', minOrder: 0, quotaTotal: 5 }, durationSec: 5 }, 0);
    expect(await v.next('stage')).toMatchObject({ stage: { coupon: { code: 'FAST' } } });
    const expired = await v.next('stage', 15_000);
    expect(expired).toMatchObject({ captureMs: null, stage: { coupon: null, version: 2 } });
    // Not a picture's cue: viewers show it at once (only an OBS ingest's stampless cue waits for their video delay).
    expect(expired).not.toHaveProperty('holdForVideo');
    v.close();
  });
});

describe('rehearsal', () => {
  it('creates a private rehearsal show with its own link, marked for viewers', async () => {
    const { show } = await liveShow('real show');
    const r = await api<{ show: Show; link: WatchLink }>('POST', `/api/shows/${show.id}/rehearsal`);
    expect(r.status).toBe(201);
    expect(r.body.show).toMatchObject({ rehearsalOf: show.id, status: 'scheduled' });
    const { welcome, v } = await viewer(r.body.link.url.split('/w/')[1]!);
    expect(welcome.show).toMatchObject({ rehearsal: true });
    v.close();
    expect((await api('POST', `/api/shows/${r.body.show.id}/rehearsal`)).status).toBe(409);
  });
});

describe('product images', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const put = (body: Buffer, type: string, key: string | null = relay.studioKey) =>
    fetch(relay.url + '/api/assets', { method: 'PUT', headers: { 'content-type': type, ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: new Uint8Array(body) });

  it('stores images by content and serves them with their type', async () => {
    const r = await put(png, 'image/png');
    expect(r.status).toBe(201);
    const { ref, url } = (await r.json()) as { ref: string; url: string };
    expect(ref).toMatch(/^[0-9a-f]{64}\.png$/);
    const got = await fetch(relay.url + url);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses other types, lying types, oversized images and anonymous uploads', async () => {
    expect((await put(png, 'image/png', null)).status).toBe(401);
    expect((await put(Buffer.from('<svg onload=alert(1)>'), 'image/svg+xml')).status).toBe(415);
    expect((await put(Buffer.from('<html>not an image</html>'), 'image/png')).status).toBe(400);
    expect((await put(Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)]), 'image/png').catch(() => null))?.status ?? 413).toBe(413);
    expect((await fetch(relay.url + '/assets/..%2F..%2Frelay.sqlite')).status).toBe(404);
  });
});
