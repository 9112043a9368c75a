import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip, ShowClips } from '../../common/replay/clips.js';
import type { Show } from '../../common/show.js';
import { checkoutBody, randomId, sampleBuyer } from '../helpers/commerce-api.js';
import { relayApi } from '../helpers/engagement-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { liveShowWithTeeSegment, setRecording, writeReplayFixture } from '../helpers/replay-fixture.js';

/**
 * Per-clip numbers (docs/clips.md, "Numbers") against a real relay and its SQLite file, loopback
 * only: the clip page counts a view once per device (its cookie), Buy goes through /c/:token/buy
 * whose cookie makes an order on that watch link count for the clip, and the relay refuses to
 * count a clip of another show, a deleted one or a made-up cookie. Cutting is off (concurrency 0):
 * clips are queued through the API and marked ready in the database (no video is needed here).
 */
let relay: RunningRelay;
const api = relayApi(() => relay);
let showId = '';
let token = '';
let coat: Clip; // segment 2: the tee was pinned in it, so its clip has a Buy
let intro: Clip; // segment 1: no product
let otherShowClipToken = '';

function sql<T>(run: (db: Database.Database) => T): T {
  const db = new Database(path.join(relay.dataDir, 'relay.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    return run(db);
  } finally {
    db.close();
  }
}
const tokenOf = (c: Clip) => c.pageUrl.split('/c/')[1]!;
const list = async () => (await api.call<ShowClips>('GET', `/api/shows/${showId}/clips`)).body;
const clipIn = async (id: string) => (await list()).segments.find((s) => s.clip?.id === id)?.clip ?? null;
/** The clip page as a browser would open it: the cookies it holds, its user agent. */
const openPage = (clipToken: string, headers: Record<string, string> = {}) => fetch(`${relay.url}/c/${clipToken}`, { headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile', ...headers } });
const cookiePair = (setCookie: string | null) => setCookie?.split(';')[0] ?? '';
/** An order (or a cart) on the watch link, carrying the given Cookie header as the watch page's fetch would. */
async function buy(pathSuffix: '/orders' | '/carts', body: unknown, cookie: string | null): Promise<{ status: number; id: string; text: string }> {
  const res = await fetch(`${relay.url}/api/watch/${token}${pathSuffix}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  const text = await res.text();
  const parsed = JSON.parse(text) as { id?: string; orders?: { id: string }[] };
  return { status: res.status, id: parsed.id ?? parsed.orders?.[0]?.id ?? '', text };
}
/** Out of the way of the per-network cap on unpaid orders (every order here comes from loopback). */
const cancel = (orderId: string) => sql((db) => db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(orderId));
const clipIdOfOrder = (orderId: string) => sql((db) => (db.prepare('SELECT clip_id FROM orders WHERE id = ?').pluck().get(orderId) as string | null | undefined) ?? null);

beforeAll(async () => {
  relay = await startRelay({ env: { RELAY_CLIP_CONCURRENCY: '0' } });
  ({ showId, token } = await liveShowWithTeeSegment(api));
  expect((await api.call('POST', `/api/shows/${showId}/end`)).status).toBe(200);
  const show = (await api.call<Show>('GET', `/api/shows/${showId}`)).body;
  await writeReplayFixture(relay.dataDir, showId, { wallStartMs: Date.parse(show.startedAt!) - 1000, durationSec: 24 });
  setRecording(relay.dataDir, showId, 'ready');
  intro = (await api.call<Clip>('POST', `/api/shows/${showId}/clips`, { segmentNo: 1, inSec: 0, outSec: 10 })).body;
  coat = (await api.call<Clip>('POST', `/api/shows/${showId}/clips`, { segmentNo: 2, inSec: 10, outSec: 22 })).body;
  expect(coat.productId).toBe('tee');
  // A clip of another show, as another seller's share link would name it.
  const other = (await api.call<Show>('POST', '/api/shows', { title: '다른 방송' })).body;
  otherShowClipToken = 'OtherShowClipToken000000';
  sql((db) => {
    db.prepare("UPDATE clips SET status = 'ready', progress = 1 WHERE show_id = ?").run(showId);
    db.prepare("INSERT INTO clips (id, show_id, segment_no, segment_id, in_sec, out_sec, token, status, created_at, updated_at) VALUES ('clp_othershow0', ?, 1, 's', 0, 10, ?, 'ready', 0, 0)").run(other.id, otherShowClipToken);
  });
}, 120_000);
afterAll(async () => {
  await relay?.stop();
});

describe('per-clip numbers with a real relay', () => {
  it('counts a view once per device that opens a ready clip; link previews and unready clips count none', async () => {
    const first = await openPage(tokenOf(coat));
    expect(first.status).toBe(200);
    const setCookie = first.headers.get('set-cookie');
    expect(setCookie).toMatch(/^lc_cdev=[A-Za-z0-9_-]{22}; Path=\/c\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const device = cookiePair(setCookie);
    const again = await openPage(tokenOf(coat), { cookie: device });
    expect(again.status).toBe(200);
    expect(again.headers.get('set-cookie')).toBeNull(); // known device: nothing new to remember
    expect((await clipIn(coat.id))!.numbers.views).toBe(1);

    expect((await openPage(tokenOf(coat))).status).toBe(200); // a second device (no cookie yet)
    expect((await openPage(tokenOf(coat), { cookie: 'lc_cdev=../../not-an-id' })).status).toBe(200); // a bad cookie is a new device
    expect((await openPage(tokenOf(coat), { 'user-agent': 'kakaotalk-scrap/1.0; +https://devtalk.kakao.com/' })).status).toBe(200);
    expect((await openPage(tokenOf(coat), { 'user-agent': 'facebookexternalhit/1.1' })).status).toBe(200);
    expect((await clipIn(coat.id))!.numbers.views).toBe(3);

    // The same device on another clip is a view of that clip.
    await openPage(tokenOf(intro), { cookie: device });
    expect((await clipIn(intro.id))!.numbers.views).toBe(1);
    sql((db) => db.prepare("UPDATE clips SET status = 'queued' WHERE id = ?").run(intro.id));
    await openPage(tokenOf(intro)); // not ready: "being prepared", no view
    expect((await clipIn(intro.id))!.numbers.views).toBe(1);
    sql((db) => db.prepare("UPDATE clips SET status = 'ready' WHERE id = ?").run(intro.id));
  });

  it("Buy goes to the watch page through the relay, which sets the clip cookie for that link's API only", async () => {
    const page = await (await openPage(tokenOf(coat))).text(); // a fourth device's view
    expect(page).toContain(`href="/c/${tokenOf(coat)}/buy"`);
    const r = await fetch(`${relay.url}/c/${tokenOf(coat)}/buy`, { redirect: 'manual' });
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe(`${relay.url}/w/${token}?product=tee`);
    expect(r.headers.get('set-cookie')).toBe(`lc_clip=${tokenOf(coat)}; Path=/api/watch/${token}/; Max-Age=86400; HttpOnly; SameSite=Lax`);
    // No product (nothing to buy), an unknown or malformed token: the clip-gone page, no cookie.
    for (const t of [tokenOf(intro), 'NoSuchClipToken000000000', '..%2F..%2Fetc']) {
      const gone = await fetch(`${relay.url}/c/${t}/buy`, { redirect: 'manual' });
      expect(gone.status, t).toBe(404);
      expect(gone.headers.get('set-cookie')).toBeNull();
      expect(await gone.text()).toContain('data-clip-gone');
    }
  });

  it('counts an order and a cart placed after the Buy for that clip, and nothing else', async () => {
    const buyCookie = `lc_clip=${tokenOf(coat)}`;
    const a = await api.viewer(token);
    const b = await api.viewer(token);
    const order = await buy('/orders', checkoutBody(a), `lc_cdev=x; ${buyCookie}`);
    expect(order.status, order.text).toBe(201);
    expect(clipIdOfOrder(order.id)).toBe(coat.id);
    const cart = { viewerId: b, lines: [{ productId: 'tee', optionId: null, quantity: 2 }], idempotencyKey: randomId('cart_'), buyer: sampleBuyer(), payment: 'bank_transfer', expectedTotal: 33000, paymentToken: null, consent: true, couponCode: null };
    const placed = await buy('/carts', cart, buyCookie);
    expect(placed.status, placed.text).toBe(201);
    expect(clipIdOfOrder(placed.id)).toBe(coat.id);
    // The same cart again (a retried tap) is the same cart, not a second sale.
    expect((await buy('/carts', cart, buyCookie)).status).toBe(200);
    // Straight from the watch link: a replay sale, not the clip's.
    const direct = await buy('/orders', checkoutBody(a), null);
    expect(direct.status, direct.text).toBe(201);
    expect(clipIdOfOrder(direct.id)).toBeNull();

    expect((await clipIn(coat.id))!.numbers).toEqual({ views: 4, orders: 2, buyers: 2, revenue: 18000 + 33000, currency: 'KRW' });
    expect((await clipIn(intro.id))!.numbers).toMatchObject({ orders: 0, buyers: 0, revenue: 0, currency: null });
    // The clip's sales are part of the replay's.
    expect((await api.call<{ numbers: { orders: number; revenue: number } }>('GET', `/api/shows/${showId}/replay`)).body.numbers).toMatchObject({ orders: 3, revenue: 18000 + 33000 + 18000 });
    // A cancelled order no longer counts, as in the report.
    cancel(order.id);
    expect((await clipIn(coat.id))!.numbers).toMatchObject({ orders: 1, buyers: 1, revenue: 33000 });
  });

  it("does not count a clip of another show, a deleted clip or a made-up cookie; the clip can't be named in the body", async () => {
    const v = await api.viewer(token);
    const other = await buy('/orders', checkoutBody(v), `lc_clip=${otherShowClipToken}`);
    expect(other.status, other.text).toBe(201); // the buyer still buys
    expect(clipIdOfOrder(other.id)).toBeNull();
    cancel(other.id);
    const madeUp = await buy('/orders', checkoutBody(v), "lc_clip=clp_' OR 1=1 --");
    expect(madeUp.status).toBe(201);
    expect(clipIdOfOrder(madeUp.id)).toBeNull();
    cancel(madeUp.id);

    expect((await api.call('DELETE', `/api/shows/${showId}/clips/${intro.id}`)).status).toBe(204);
    const deleted = await buy('/orders', checkoutBody(v), `lc_clip=${tokenOf(intro)}`);
    expect(deleted.status, deleted.text).toBe(201);
    expect(clipIdOfOrder(deleted.id)).toBeNull();
    expect((await list()).segments.find((s) => s.segmentNo === 1)!.clip).toBeNull();
    expect((await openPage(tokenOf(intro))).status).toBe(404);

    const named = await buy('/orders', { ...checkoutBody(v), clipId: coat.id }, null);
    expect(named.status).toBe(400);
    expect(JSON.parse(named.text)).toMatchObject({ error: 'bad_request' });
    expect((await clipIn(coat.id))!.numbers).toMatchObject({ orders: 1, revenue: 33000 });
  });
});
