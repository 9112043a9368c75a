import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELAY_ROUTES } from '../../common/api/relay-routes.js';
import { fillPath, type RouteDecl } from '../../common/api/route.js';
import { StudioError } from '../../common/ipc-contract.js';
import type { StageOp } from '../../common/stage.js';
import { RelayClient } from '../../main/relay-client.js';
import { startFakeRelay } from '../../main/testing/fake-relay.js';
import { pngBytes } from '../../main/testing/images.js';
import { sampleCatalog } from '../helpers/commerce-api.js';
import { startRelay } from '../helpers/processes.js';

/**
 * One contract, two servers: the real relay (with its Janus) and the studio tests' fake relay.
 * Both are driven through the studio's own client (derived from common/api/relay-routes.ts) and
 * raw requests, and must answer alike, so the fake the studio's unit tests trust cannot drift.
 */
interface Target {
  url: string;
  key: string;
  /** Every `METHOD path` the server was asked, when it records them (the fake does). */
  asked(): string[] | null;
  stop(): Promise<void>;
}

const targets: Record<string, () => Promise<Target>> = {
  'real relay': async () => {
    const relay = await startRelay();
    return { url: relay.url, key: relay.studioKey, asked: () => null, stop: () => relay.stop() };
  },
  'fake relay': async () => {
    const fake = await startFakeRelay();
    return { url: fake.url, key: fake.key, asked: () => fake.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`), stop: () => fake.close() };
  },
};

const refusal = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof StudioError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
};

const pin = (url: string): StageOp => ({ op: 'pin', cards: [{ productId: 'p1', name: '니트', imageUrls: [`${url}/assets/${'a'.repeat(64)}.png`], currency: 'KRW', price: 59000, salePrice: null, stock: 5, externalUrl: null, options: [] }] });

for (const [name, start] of Object.entries(targets)) {
  describe(`studio API contract: ${name}`, () => {
    let t: Target;
    let client: RelayClient;
    const raw = (r: RouteDecl, params: Record<string, string>, init: RequestInit = {}) => fetch(t.url + fillPath(r, params as never), { method: r.method, ...init });

    beforeAll(async () => {
      t = await start();
      client = new RelayClient(t.url, t.key);
    });
    afterAll(async () => t?.stop());

    it('accepts its key and refuses another, with a Bearer challenge', async () => {
      expect(await client.checkKey()).toEqual({ ok: true });
      expect(await refusal(new RelayClient(t.url, 'sk_wrong').listShows())).toBe('unauthorized');
      const res = await raw(RELAY_ROUTES.listShows, {});
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    });

    it('creates, lists and finds shows; an unknown one is not_found; a bad title is bad_request', async () => {
      const show = await client.createShow('계약 테스트', null);
      expect(show).toMatchObject({ title: '계약 테스트', status: 'scheduled', rehearsalOf: null });
      expect((await client.listShows()).map((s) => s.id)).toContain(show.id);
      expect(await refusal(client.startShow('sh_nope'))).toBe('not_found');
      const res = await raw(RELAY_ROUTES.createShow, {}, { headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: '' }) });
      expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, 'bad_request']);
    });

    it('makes, lists and revokes watch links', async () => {
      const show = await client.createShow('links', null);
      const link = await client.createLink(show.id);
      expect(link).toMatchObject({ showId: show.id, revokedAt: null });
      expect((await client.listLinks(show.id)).map((l) => l.id)).toContain(link.id);
      expect((await client.revokeLink(link.id)).revokedAt).not.toBeNull();
      expect(await refusal(client.revokeLink('wl_nope'))).toBe('not_found');
    });

    it('fires cues only while live, with versions; a stale base is stale_stage, a product pinned twice too_many_pinned; a rehearsal gets its own show and link', async () => {
      const show = await client.createShow('cues', null);
      expect(await client.getStage(show.id)).toMatchObject({ version: 0, pinned: [] });
      expect(await refusal(client.fireCue(show.id, { firingId: 'f0', baseVersion: 0, captureMs: null, op: pin(t.url) }))).toBe('not_live');
      expect(await client.startShow(show.id)).toMatchObject({ status: 'live' });
      expect(await client.fireCue(show.id, { firingId: 'f1', baseVersion: 0, captureMs: null, op: pin(t.url) })).toMatchObject({ version: 1, pinned: [{ productId: 'p1' }] });
      expect(await refusal(client.fireCue(show.id, { firingId: 'f2', baseVersion: 0, captureMs: null, op: { op: 'clearCards' } }))).toBe('stale_stage');
      const twice = pin(t.url) as Extract<StageOp, { op: 'pin' }>;
      expect(await refusal(client.fireCue(show.id, { firingId: 'f3', baseVersion: 1, captureMs: null, op: { op: 'pin', cards: [...twice.cards, ...twice.cards] } }))).toBe('too_many_pinned');
      const r = await client.rehearse(show.id);
      expect(r.show.rehearsalOf).toBe(show.id);
      expect(r.link.showId).toBe(r.show.id);
      expect(await client.endShow(show.id)).toMatchObject({ status: 'ended' });
      expect(await refusal(client.startShow(show.id))).toBe('conflict');
    });

    it('takes a catalog and reports its stock; orders start empty and export as CSV with a BOM', async () => {
      const show = await client.createShow('shop', null);
      expect((await client.putCatalog(show.id, sampleCatalog({ products: [sampleCatalog().products[0]!] }))).stock).toEqual([{ productId: 'tee', optionId: null, stock: 10 }]);
      expect(await client.getStock(show.id)).toEqual([{ productId: 'tee', optionId: null, stock: 10 }]);
      expect(await client.listOrders(show.id)).toEqual([]);
      expect((await client.ordersCsv(show.id)).startsWith('\uFEFF')).toBe(true);
      expect(await refusal(client.markPaid('or_nope'))).toBe('not_found');
    });

    it('stores PNG images by content and refuses other types with unsupported_type', async () => {
      const png = pngBytes(2, 2);
      const a = await client.putAsset(png, 'image/png');
      expect(a.url).toBe(`/assets/${a.ref}`);
      expect(a.ref).toMatch(/^[0-9a-f]{64}\.png$/);
      expect(await refusal(client.putAsset(Buffer.from('<svg onload=alert(1)>'), 'image/svg+xml'))).toBe('unsupported_type');
    });

    it('answers an unknown path 404 and a wrong method 405 with Allow', async () => {
      const nowhere = await fetch(`${t.url}/api/nowhere`, { headers: { authorization: `Bearer ${t.key}` } });
      expect(nowhere.status).toBe(404);
      const wrong = await fetch(`${t.url}/api/shows`, { method: 'DELETE', headers: { authorization: `Bearer ${t.key}` } });
      expect(wrong.status).toBe(405);
      expect(((await wrong.json()) as { error: string }).error).toBe('method_not_allowed');
      expect(wrong.headers.get('allow')?.split(/,\s*/).sort()).toEqual(['GET', 'POST']);
    });

    it.runIf(name === 'real relay')('serves its OpenAPI 3.1 document with every declared route', async () => {
      const res = await fetch(`${t.url}/api/openapi.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
      expect(doc.openapi).toBe('3.1.0');
      const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
      expect(ids.sort()).toEqual(Object.keys(RELAY_ROUTES).sort());
    });

    // The real relay serves only what it declares by construction (it refuses to start otherwise).
    it.runIf(name === 'fake relay')('is asked only declared routes', () => {
      const asked = t.asked()!;
      expect(asked.length).toBeGreaterThan(10);
      const declared = Object.values(RELAY_ROUTES).map((r) => [r.method, new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}$`)] as const);
      const undeclared = asked.filter((a) => {
        const [method, path] = a.split(' ') as [string, string];
        return !declared.some(([m, re]) => m === method && re.test(path)) && !path.startsWith('/api/nowhere') && !(method === 'DELETE' && path === '/api/shows');
      });
      expect(undeclared).toEqual([]);
    });
  });
}
