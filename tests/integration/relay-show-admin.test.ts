import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Show } from '../../common/show.js';
import { call, checkoutBody, openRelayDbReadOnly, shopShow } from '../helpers/commerce-api.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';

/** Renaming and deleting shows on a real relay (its own SQLite and Janus), loopback only. */
let relay: RunningRelay;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

const rows = (table: string, showId: string) => {
  const db = openRelayDbReadOnly(relay);
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE show_id = ?`).get(showId) as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('show rename and delete', () => {
  it('renames a show and its rehearsal; refuses an empty or too long title and a wrong key', async () => {
    const show = (await call<Show>(relay, 'POST', '/api/shows', { title: '봄 라이브' })).body;
    const rehearsal = (await call<{ show: Show }>(relay, 'POST', `/api/shows/${show.id}/rehearsal`)).body.show;
    const renamed = await call<Show>(relay, 'PATCH', `/api/shows/${show.id}`, { title: '  봄 니트 특가 🌸 ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.title).toBe('봄 니트 특가 🌸');
    expect((await call<Show>(relay, 'GET', `/api/shows/${rehearsal.id}`)).body.title).toBe('봄 니트 특가 🌸');
    for (const title of ['   ', '가'.repeat(121)]) expect((await call(relay, 'PATCH', `/api/shows/${show.id}`, { title })).body).toMatchObject({ error: 'bad_request' });
    expect((await call(relay, 'PATCH', `/api/shows/${show.id}`, { title: 'x' }, { key: null })).status).toBe(401);
    expect((await call(relay, 'PATCH', '/api/shows/sh_nope', { title: 'x' })).body).toMatchObject({ error: 'not_found' });
    expect((await call<Show>(relay, 'GET', `/api/shows/${show.id}`)).body.title).toBe('봄 니트 특가 🌸');
  });

  it('deletes an ended show with its links, catalog, stock and rehearsals; refuses a live one', async () => {
    const shop = await shopShow(relay, undefined, { live: true, title: '지울 방송' });
    const rehearsal = (await call<{ show: Show }>(relay, 'POST', `/api/shows/${shop.show.id}/rehearsal`)).body.show;
    const live = await call(relay, 'DELETE', `/api/shows/${shop.show.id}`);
    expect(live.status).toBe(409);
    expect(live.body).toMatchObject({ error: 'show_live' });
    expect(rows('show_stock', shop.show.id)).toBeGreaterThan(0);

    await call(relay, 'POST', `/api/shows/${shop.show.id}/end`);
    const gone = await call(relay, 'DELETE', `/api/shows/${shop.show.id}`);
    expect(gone.status).toBe(200);
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}`)).status).toBe(404);
    expect((await call(relay, 'GET', `/api/shows/${rehearsal.id}`)).status).toBe(404);
    for (const table of ['watch_links', 'show_catalog', 'show_stock']) expect(rows(table, shop.show.id), table).toBe(0);
    // The watch link no longer opens (its row is gone: an unknown link).
    expect((await call(relay, 'POST', `/api/watch/${shop.token}/viewers`, { viewerId: null, nickname: null }, { key: null })).status).toBe(404);
    expect((await call(relay, 'DELETE', `/api/shows/${shop.show.id}`)).body).toMatchObject({ error: 'not_found' });
  });

  it('refuses to delete a show with orders and keeps everything', async () => {
    const shop = await shopShow(relay);
    const viewer = await shop.viewer();
    expect((await shop.w('POST', '/orders', checkoutBody(viewer))).status).toBe(201);
    await call(relay, 'POST', `/api/shows/${shop.show.id}/end`);
    const refused = await call<{ error: string; message: string }>(relay, 'DELETE', `/api/shows/${shop.show.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('show_has_orders');
    expect(rows('orders', shop.show.id)).toBe(1);
    expect((await call(relay, 'GET', `/api/shows/${shop.show.id}`)).status).toBe(200);
  });

  it('refuses a start time in the past, accepts one a minute ago (picker precision) and later', async () => {
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const past = await call<{ error: string; message: string }>(relay, 'POST', '/api/shows', { title: '어제 방송', scheduledAt: at(-24 * 3600_000) });
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/start time is in the past/);
    expect((await call(relay, 'POST', '/api/shows', { title: '방금', scheduledAt: at(-60_000) })).status).toBe(201);
    expect((await call(relay, 'POST', '/api/shows', { title: '내일', scheduledAt: at(24 * 3600_000) })).status).toBe(201);
  });
});
