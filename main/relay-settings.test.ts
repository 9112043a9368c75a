import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RELAY_SETTINGS_ERRORS } from '../common/relay-settings.js';
import { allowedHttpOrigins, checkRelayAddress, isLoopbackHost, ownAddresses } from './relay-address.js';
import { FileSecretStore } from './store/secret-store.js';
import { createStudioCore } from './studio-core.js';
import type { StudioCore } from './studio-core-api.js';
import { FAKE_KEY, startFakeRelay, type FakeRelay } from './testing/fake-relay.js';
import { tempStudioDb } from './testing/temp-db.js';

// Two FAKE relays on 127.0.0.1 (different ports, so different origins) stand for an old and a new relay address.
let a: FakeRelay;
let b: FakeRelay;
let dataDir: string;
let secrets: FileSecretStore;
let core: StudioCore;

beforeEach(async () => {
  [a, b] = await Promise.all([startFakeRelay(), startFakeRelay()]);
  const scratch = tempStudioDb();
  scratch.close();
  dataDir = scratch.dataDir;
  secrets = new FileSecretStore(path.join(dataDir, 'key'));
  secrets.set(FAKE_KEY); // a bare key, as a harness or an older studio stored it: bound to the address in use at start
  core = await createStudioCore({ dataDir, secrets, defaultRelayUrl: a.url });
});
afterEach(async () => {
  await core.close();
  await Promise.all([a.close(), b.close()]);
});

const connect = (relayUrl: string, studioKey?: string) => core.handle('settings.connect', { relayUrl, ...(studioKey ? { studioKey } : {}) });
const sentKey = (r: FakeRelay) => r.requests.filter((q) => q.headers.authorization !== undefined);

describe('the saved studio key is bound to the relay address it was entered for', () => {
  it('is not sent to a new address when the key field is left blank; the studio asks for the key', async () => {
    expect(await connect(a.url)).toMatchObject({ ok: true, data: { relayUrl: a.url, hasKey: true } });
    const moved = await connect(b.url);
    expect(moved).toMatchObject({ ok: false, error: { error: RELAY_SETTINGS_ERRORS.keyNeeded } });
    expect(b.requests).toEqual([]);
    // Nothing changed: still connected to the old address with its key.
    expect(await core.handle('settings.get', {})).toMatchObject({ ok: true, data: { relayUrl: a.url, hasKey: true } });
  });

  it('moves to the new address once its key is entered, and then keeps the old key away from the old address', async () => {
    expect(await connect(b.url, FAKE_KEY)).toMatchObject({ ok: true, data: { relayUrl: b.url, hasKey: true } });
    expect(sentKey(b).length).toBeGreaterThan(0);
    const before = sentKey(a).length;
    expect(await connect(a.url)).toMatchObject({ ok: false, error: { error: RELAY_SETTINGS_ERRORS.keyNeeded } });
    expect(sentKey(a).length).toBe(before);
  });

  it('is not used after a restart on another default address', async () => {
    await core.close();
    core = await createStudioCore({ dataDir, secrets, defaultRelayUrl: b.url });
    expect(await core.handle('settings.get', {})).toMatchObject({ ok: true, data: { relayUrl: b.url, hasKey: false, keyStorage: 'none' } });
    await core.handle('relay.status', {});
    expect(sentKey(b)).toEqual([]);
  });
});

describe('relay addresses', () => {
  it('refuses http:// for a relay on another machine, with its own code, before any request', async () => {
    // Documentation addresses (RFC 5737/3849), skipping any this machine happens to hold.
    const remote = ['http://relay.example.com', 'http://203.0.113.77:8080', 'http://198.51.100.7', 'http://[2001:db8::77]:8080', 'http://127.0.0.1.example.com'].filter((u) => !ownAddresses().includes(new URL(u).hostname));
    expect(remote.length).toBeGreaterThanOrEqual(3);
    for (const url of remote) {
      expect(await connect(url, FAKE_KEY)).toMatchObject({ ok: false, error: { error: RELAY_SETTINGS_ERRORS.notHttps } });
    }
    expect(await core.handle('settings.get', {})).toMatchObject({ ok: true, data: { relayUrl: a.url } });
  });

  it('allows https anywhere and http on this machine (loopback names and addresses)', () => {
    for (const url of ['https://live.example.com', 'https://10.0.0.1:8443', 'http://localhost:8080', 'http://studio.localhost', 'http://127.0.0.1:8080', 'http://127.8.9.10', 'http://[::1]:8080', 'http://[::ffff:127.0.0.1]:8080']) {
      expect(checkRelayAddress(url)).toBe(url);
    }
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it("allows http to an address of this machine's own interfaces (a relay on the laptop's LAN address), not to its neighbours", () => {
    const own = () => ['127.0.0.1', '192.168.0.23', '[fe80::1]'];
    expect(checkRelayAddress('http://192.168.0.23:8080', [], own)).toBe('http://192.168.0.23:8080');
    expect(checkRelayAddress('http://[fe80::1]:8080', [], own)).toBe('http://[fe80::1]:8080');
    expect(() => checkRelayAddress('http://192.168.0.24:8080', [], own)).toThrow(/https:\/\//);
  });

  it('refuses an address with credentials in it', () => {
    expect(() => checkRelayAddress('https://user:pw@live.example.com')).toThrow(/user name or password/);
  });

  it('allows an http origin only when the operator named it exactly (a lab network)', async () => {
    const allowed = allowedHttpOrigins('http://10.0.0.1:8080, https://ignored.example, nonsense');
    expect(allowed).toEqual(['http://10.0.0.1:8080']);
    expect(checkRelayAddress('http://10.0.0.1:8080/', allowed)).toBe('http://10.0.0.1:8080');
    expect(() => checkRelayAddress('http://10.0.0.1:8081', allowed)).toThrow(/https:\/\//);
  });
});
