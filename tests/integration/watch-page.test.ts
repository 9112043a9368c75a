import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWER_ID_HEADER } from '../../common/protocol/viewer-header.js';
import { call, shopShow, type ShopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/** What the relay serves a viewer: the device id only in a header, the page with a literal title and a CSP bound to its host. */
let relay: RunningRelay;
let shop: ShopShow;
let viewerId: string;
const TITLE = "봄 세일 $' $& $` </title><script>alert(1)</script>";

beforeAll(async () => {
  relay = await startRelay();
  shop = await shopShow(relay, undefined, { title: TITLE });
  viewerId = await shop.viewer();
});
afterAll(async () => {
  await relay?.stop();
});

describe('viewer id on GETs', () => {
  it('is read from the X-Viewer-Id header', async () => {
    for (const rest of ['/orders', '/coupons']) {
      const r = await shop.mine(rest, viewerId);
      expect(r.status).toBe(200);
      expect(r.body).toEqual([]);
    }
  });

  it('is refused in the query string with a message that names the header', async () => {
    const r = await shop.w('GET', `/orders?viewerId=${viewerId}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'bad_request' });
    expect(String(r.body.message)).toContain(VIEWER_ID_HEADER);
    // Even with the header also present: a URL carrying the id is a mistake to fix, not to tolerate.
    const both = await call(relay, 'GET', `/api/watch/${shop.token}/coupons?viewerId=${viewerId}`, undefined, { key: null, viewerId });
    expect(both.status).toBe(400);
  });

  it('is required', async () => {
    const r = await shop.w('GET', '/orders');
    expect(r.status).toBe(400);
    expect(String(r.body.message)).toContain(VIEWER_ID_HEADER);
  });
});

describe('watch page', () => {
  it('carries the show title literally, escaped, with the page intact', async () => {
    const page = await call(relay, 'GET', `/w/${shop.token}`, undefined, { key: null });
    expect(page.status).toBe(200);
    const title = /<title>(.*?)<\/title>/s.exec(page.text)![1]!;
    expect(title.replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)))).toBe(TITLE);
    expect(page.text.match(/<title>/g)).toHaveLength(1);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('<div id="root"></div>');
  });

  it('lets the page connect only to the relay that served it', async () => {
    const page = await call(relay, 'GET', `/w/${shop.token}`, undefined, { key: null });
    const host = new URL(relay.url).host;
    const connect = /connect-src ([^;]*)/.exec(page.headers.get('content-security-policy') ?? '')![1]!.split(' ');
    expect(connect).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
  });
});
