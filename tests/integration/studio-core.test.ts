import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../main/shell/browser-shell.js';
import { FileSecretStore } from '../../main/store/secret-store.js';
import { createStudioCore } from '../../main/studio-core.js';
import type { StudioCore } from '../../main/studio-core-api.js';
import { freePort, ROOT, startRelay, type RunningRelay } from '../helpers/processes.js';

let relay: RunningRelay;
let core: StudioCore;
let shell: BrowserShell;

beforeAll(async () => {
  relay = await startRelay();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'core-'));
  // No hand-off file: the seller enters the key.
  core = await createStudioCore({ dataDir: dir, secrets: new FileSecretStore(path.join(dir, 'key')), defaultRelayUrl: relay.url });
  shell = await startBrowserShell(core, { rendererDist: path.join(ROOT, 'dist/renderer') });
});
afterAll(async () => {
  await shell?.close();
  await core?.close();
  await relay?.stop();
});

describe('studio core against a real relay', () => {
  it('refuses to connect with a wrong key or to an unreachable relay, and keeps what it had', async () => {
    expect(await core.handle('settings.get', {})).toMatchObject({ ok: true, data: { hasKey: false, keyStorage: 'none' } });
    const wrong = await core.handle('settings.connect', { relayUrl: relay.url, studioKey: 'sk_this_is_not_the_key_at_all' });
    expect(wrong).toMatchObject({ ok: false, error: { error: 'unauthorized', message: expect.stringMatching(/studio key/) } });
    const nowhere = await core.handle('settings.connect', { relayUrl: `http://127.0.0.1:${await freePort()}`, studioKey: relay.studioKey });
    expect(nowhere).toMatchObject({ ok: false, error: { error: 'relay_unreachable', message: expect.stringMatching(/Cannot reach the relay/) } });
    expect(await core.handle('settings.get', {})).toMatchObject({ ok: true, data: { hasKey: false } });
    expect(await core.handle('shows.list', {})).toMatchObject({ ok: false, error: { error: 'unauthorized' } });
  });

  it('connects with the right key, then creates a show with a watch link', async () => {
    expect(await core.handle('settings.connect', { relayUrl: relay.url, studioKey: relay.studioKey })).toMatchObject({ ok: true, data: { hasKey: true, keyStorage: 'owner-only-file' } });
    const created = await core.handle('shows.create', { title: '주말 특가' });
    expect(created).toMatchObject({ ok: true, data: { show: { title: '주말 특가', status: 'scheduled' }, link: { url: expect.stringContaining('/w/') } } });
  });

  it('rejects unknown channels and malformed requests without calling the relay', async () => {
    expect(await core.handle('fs.read', {})).toMatchObject({ ok: false, error: { error: 'bad_request' } });
    expect(await core.handle('shows.create', { title: 42 })).toMatchObject({ ok: false, error: { error: 'bad_request' } });
    expect(await core.handle('media.publish', { showId: 'x', sdp: 'x'.repeat(100_000) })).toMatchObject({ ok: false, error: { error: 'bad_request' } });
  });
});

describe('browser shell', () => {
  const base = () => `http://127.0.0.1:${shell.port}`;

  it('serves the contract only with the launch token, from its own origin and host', async () => {
    const token = new URL(shell.url).hash.replace('#token=', '');
    const call = (headers: Record<string, string>, url = `${base()}/ipc/settings.get`) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    expect((await call({})).status).toBe(403);
    expect((await call({ 'x-studio-token': 'nope' })).status).toBe(403);
    expect((await call({ 'x-studio-token': token, origin: 'http://evil.example' })).status).toBe(403);
    const ok = await call({ 'x-studio-token': token, origin: `http://localhost:${shell.port}` });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, data: { relayUrl: relay.url } });
    // fetch() will not forge a Host header; node:http will, as a DNS-rebinding page would cause.
    const rebinding = await new Promise<number>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port: shell.port, path: '/', headers: { host: `evil.example:${shell.port}` } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject),
    );
    expect(rebinding).toBe(421);
    const notJson = await fetch(`${base()}/ipc/settings.get`, { method: 'POST', headers: { 'x-studio-token': token }, body: '{oops' });
    expect(await notJson.json()).toMatchObject({ ok: false, error: { error: 'bad_request' } });
  });
});
