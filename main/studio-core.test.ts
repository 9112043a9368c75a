import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcEvent } from '../common/ipc-contract.js';
import type { Stage } from '../common/stage.js';
import { FileSecretStore } from './store/secret-store.js';
import { createStudioCore } from './studio-core.js';
import type { StudioCore } from './studio-core-api.js';
import { fakeShow, startFakeRelay, type FakeRelay } from './testing/fake-relay.js';
import { pngBytes } from './testing/images.js';
import { tempStudioDb } from './testing/temp-db.js';

// The relay is a FAKE (testing/fake-relay.ts) on 127.0.0.1; the real one is covered by tests/integration.
let relay: FakeRelay;
let core: StudioCore;

beforeEach(async () => {
  relay = await startFakeRelay();
  relay.shows.set('show1', fakeShow('show1', 'live'));
  const scratch = tempStudioDb();
  scratch.close();
  const secrets = new FileSecretStore(path.join(scratch.dataDir, 'key'));
  secrets.set(relay.key);
  core = await createStudioCore({ dataDir: scratch.dataDir, secrets, defaultRelayUrl: relay.url });
  await until(() => relay.eventClients() === 1);
});
afterEach(async () => {
  await core.close();
  await relay.close();
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error('timed out');
}

const ok = async (channel: string, request: unknown) => {
  const result = await core.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.error}: ${result.error.message}`);
  return result.data as Record<string, unknown>;
};

describe('studio core: catalog, run-downs and cues over the IPC contract', () => {
  it('keeps a catalog, imports CSV, saves a run-down and fires its cue to the relay', async () => {
    const { ref } = await ok('images.add', { dataBase64: pngBytes().toString('base64') });
    const product = await ok('products.save', { input: { name: '니트', price: 39000, stock: 2, images: [ref] } });
    const csvFile = Buffer.from('name,price,stock\n양말,"3,000",10\n').toString('base64');
    expect(await ok('products.importCsv', { fileBase64: csvFile, mode: 'all-or-nothing', lang: 'ko' })).toEqual({ imported: 1, goodRows: 1, errors: [], encoding: 'utf-8' });
    expect(((await core.handle('products.list', {})) as { data: unknown[] }).data).toHaveLength(2);
    const rundown = await ok('rundowns.save', {
      name: '금요 라이브',
      showId: 'show1',
      segments: [{ id: 's1', title: '니트', plannedSec: 300, cues: [{ id: 'c1', action: { kind: 'showProducts', productIds: [product.id] }, trigger: { type: 'manual' } }] }],
    });
    expect(await ok('rundowns.duplicate', { id: rundown.id, name: 'Template', showId: null })).toMatchObject({ name: 'Template', showId: null });

    const stage = await ok('cues.fire', { showId: 'show1', action: { kind: 'showProducts', productIds: [product.id] }, firingId: 'f1', captureMs: 10, baseVersion: 0 });
    expect(stage).toMatchObject({ version: 1, pinned: [{ name: '니트', imageUrls: [`${relay.url}/assets/${String(ref)}`] }] });
    expect(await ok('stage.get', { showId: 'show1' })).toEqual(stage);
    expect(await ok('shows.rehearse', { showId: 'show1' })).toMatchObject({ show: { rehearsalOf: 'show1' } });

    await ok('products.delete', { id: product.id });
    const gone = await core.handle('cues.fire', { showId: 'show1', action: { kind: 'showProducts', productIds: [product.id] }, firingId: 'f2', captureMs: 10, baseVersion: 1 });
    expect(gone).toEqual({
      ok: false,
      error: { error: 'not_found', message: expect.stringMatching(/^This cue shows “니트”, which is no longer in the catalog/), refusal: { reason: 'cueTargetGone', args: { kind: 'product', targets: [{ name: '니트', id: product.id }] } } },
    });
  });

  it('refuses bad input with a clear error at the contract', async () => {
    expect(await core.handle('products.save', { input: { name: 'x', price: -5, stock: 1 } })).toEqual({
      ok: false,
      error: {
        error: 'bad_request',
        message: 'input.price: price cannot be negative',
        // The issue as data too, so the renderer can say it in the seller's language.
        refusal: { reason: 'invalidInput', args: { issues: [{ path: ['input', 'price'], code: 'too_small', message: 'price cannot be negative', origin: 'number', minimum: 0 }] } },
      },
    });
    expect(await core.handle('images.add', { dataBase64: Buffer.from('GIF89a....').toString('base64') })).toMatchObject({ ok: false, error: { error: 'bad_request', message: expect.stringMatching(/GIF/) } });
    expect(await core.handle('cues.fire', { showId: 'show1', action: { kind: 'explode' }, firingId: 'f', captureMs: null, baseVersion: 0 })).toMatchObject({ ok: false, error: { error: 'bad_request' } });
    expect(relay.requests.filter((r) => r.url.includes('/cues'))).toEqual([]);
  });

  it('emits the relay’s stage messages as relay.stage and replays the last one per show to new listeners', async () => {
    const seen: [IpcEvent, unknown][] = [];
    core.onEvent((event, payload) => seen.push([event, payload]));
    const stage: Stage = { version: 7, pinned: [], coupon: null, quiz: null, poll: null };
    relay.broadcast({ type: 'stage', showId: 'show1', stage: { ...stage, version: 6 } });
    relay.broadcast({ type: 'stage', showId: 'show1', stage });
    relay.broadcast({ type: 'stage', showId: 'show2', stage: { ...stage, version: 1 } });
    await until(() => seen.filter(([e]) => e === 'relay.stage').length === 3);
    expect(seen.filter(([e]) => e === 'relay.stage')[1]).toEqual(['relay.stage', { showId: 'show1', stage }]);

    const late: [IpcEvent, unknown][] = [];
    core.onEvent((event, payload) => late.push([event, payload]));
    await new Promise((r) => setTimeout(r, 0));
    expect(late.filter(([e]) => e === 'relay.stage')).toEqual([
      ['relay.stage', { showId: 'show1', stage }],
      ['relay.stage', { showId: 'show2', stage: { ...stage, version: 1 } }],
    ]);
  });
});
