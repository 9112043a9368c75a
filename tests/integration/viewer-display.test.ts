import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VIEWER_DISPLAY, type ViewerDisplay } from '../../common/viewer-display.js';
import { call, checkoutBody, openRelayDbReadOnly, sampleBuyer, shopShow, type ShopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/** The host's choice of overlay kinds (docs/phone-layout.md) against a real relay: route, delivery, and notices not sent. */
let relay: RunningRelay;

beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

const display = (showId: string) => call<ViewerDisplay & { error?: string; message?: string }>(relay, 'GET', `/api/shows/${showId}/display`);
const setDisplay = (showId: string, body: unknown, opts: { key?: string | null; raw?: string } = {}) =>
  call<ViewerDisplay & { error?: string; message?: string }>(relay, 'PUT', `/api/shows/${showId}/display`, body, opts);
const storedRows = (showId: string) => {
  const db = openRelayDbReadOnly(relay);
  try {
    return db.prepare('SELECT display FROM show_display WHERE show_id = ?').all(showId);
  } finally {
    db.close();
  }
};
const viewerSocket = async (token: string) => {
  const v = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
  await v.opened;
  v.send({ type: 'hello', token });
  return { v, welcome: await v.next('welcome') };
};
const buy = async (shop: ShopShow, name: string) => {
  const viewerId = await shop.viewer();
  const r = await shop.w('POST', '/orders', checkoutBody(viewerId, { buyer: sampleBuyer({ name }) }));
  expect(r.status).toBe(201);
};

describe('the viewer display setting', () => {
  it('is all on for a show that never changed it, and is stored per show when the host sets it', async () => {
    const shop = await shopShow(relay);
    expect((await display(shop.show.id)).body).toEqual(DEFAULT_VIEWER_DISPLAY);
    const off = { ...DEFAULT_VIEWER_DISPLAY, purchases: false, stock: false };
    const put = await setDisplay(shop.show.id, off);
    expect(put.status).toBe(200);
    expect(put.body).toEqual(off);
    expect((await display(shop.show.id)).body).toEqual(off);
    const other = await shopShow(relay);
    expect((await display(other.show.id)).body).toEqual(DEFAULT_VIEWER_DISPLAY);
  });

  it('a rehearsal follows its show until it has its own setting', async () => {
    const shop = await shopShow(relay, undefined, { live: false });
    await setDisplay(shop.show.id, { ...DEFAULT_VIEWER_DISPLAY, results: false });
    const rehearsal = await call<{ show: { id: string } }>(relay, 'POST', `/api/shows/${shop.show.id}/rehearsal`);
    expect(rehearsal.status).toBe(201);
    expect((await display(rehearsal.body.show.id)).body).toMatchObject({ results: false });
  });

  it('refuses unknown kinds, wrong types, missing kinds and junk by name, and changes nothing', async () => {
    const shop = await shopShow(relay);
    const before = { ...DEFAULT_VIEWER_DISPLAY, couponBanner: false };
    await setDisplay(shop.show.id, before);
    const bad: [unknown, RegExp][] = [
      [{ ...DEFAULT_VIEWER_DISPLAY, confetti: false }, /confetti/],
      [{ ...DEFAULT_VIEWER_DISPLAY, purchases: 'no' }, /purchases must be true or false/],
      [{ ...DEFAULT_VIEWER_DISPLAY, stock: 0 }, /stock must be true or false/],
      [{ purchases: false }, /stock/],
      [[false, false, false, false], /./],
      [null, /./],
    ];
    for (const [body, message] of bad) {
      const r = await setDisplay(shop.show.id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body).toMatchObject({ error: 'bad_request', message: expect.stringMatching(message) });
    }
    const notJson = await setDisplay(shop.show.id, undefined, { raw: '{"purchases": fals' });
    expect(notJson.status).toBe(400);
    expect((await display(shop.show.id)).body).toEqual(before);
    expect(storedRows(shop.show.id)).toEqual([{ display: JSON.stringify(before) }]);
  });

  it('refuses a caller without the studio key, a viewer forging it with the watch token, and an unknown show', async () => {
    const shop = await shopShow(relay);
    const off = { ...DEFAULT_VIEWER_DISPLAY, purchases: false };
    expect((await setDisplay(shop.show.id, off, { key: null })).body).toMatchObject({ error: 'unauthorized' });
    expect((await setDisplay(shop.show.id, off, { key: 'not-the-key' })).status).toBe(401);
    expect((await setDisplay(shop.show.id, off, { key: shop.token })).status).toBe(401);
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}/display`, undefined, { key: null })).status).toBe(401);
    // There is no viewer-side route for it.
    expect((await shop.w('PUT', '/display', off)).status).toBe(404);
    // Nor a viewer message: the socket gets a clear error and the setting stays.
    const { v } = await viewerSocket(shop.token);
    v.send({ type: 'display', display: off } as never);
    expect(await v.next('error')).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    v.close();
    expect((await setDisplay('sh_nope', off)).status).toBe(404);
    expect((await display(shop.show.id)).body).toEqual(DEFAULT_VIEWER_DISPLAY);
    expect(storedRows(shop.show.id)).toEqual([]);
  });
});

describe('delivery to viewers', () => {
  it('a joiner gets it in welcome; a change reaches viewers on the page at once, as a show message with the same media epoch', async () => {
    const shop = await shopShow(relay);
    const a = await viewerSocket(shop.token);
    expect(a.welcome.show).toMatchObject({ display: DEFAULT_VIEWER_DISPLAY });
    const off = { ...DEFAULT_VIEWER_DISPLAY, purchases: false, results: false };
    await setDisplay(shop.show.id, off);
    const m = await a.v.take('show', (s) => (s.show as { display: ViewerDisplay }).display.purchases === false);
    expect(m).toMatchObject({ show: { status: 'live', display: off }, mediaEpoch: a.welcome.mediaEpoch });
    const late = await viewerSocket(shop.token);
    expect(late.welcome.show).toMatchObject({ display: off });
    a.v.close();
    late.v.close();
  });

  it('with purchase notices off the relay sends none (toasts and chat lines alike); on again, the next purchase is announced and the earlier one is not', async () => {
    const shop = await shopShow(relay);
    const { v } = await viewerSocket(shop.token);
    await setDisplay(shop.show.id, { ...DEFAULT_VIEWER_DISPLAY, purchases: false });
    await v.take('show', (s) => (s.show as { display: ViewerDisplay }).display.purchases === false);
    await buy(shop, '김비밀');
    // The stock change of that order still reaches viewers (Sold out must), the notice does not.
    await v.take('stock', (s) => JSON.stringify(s.items).includes('"stock":9'));
    await setDisplay(shop.show.id, DEFAULT_VIEWER_DISPLAY);
    await v.take('show', (s) => (s.show as { display: ViewerDisplay }).display.purchases === true);
    await buy(shop, '이공개');
    const first = await v.next('purchases');
    expect(first).toEqual({ type: 'purchases', items: [{ buyer: '이**', productName: '기본 티셔츠', quantity: 1 }] });
    v.close();
  });
});
