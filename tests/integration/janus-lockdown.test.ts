import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Janode, { type JanodeConnection } from 'janode';
import VideoRoomPlugin, { type VideoRoomHandle } from 'janode/plugins/videoroom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { waitUntil } from '../helpers/media-pages.js';
import { freePort, startRelay, type RunningRelay } from '../helpers/processes.js';

Janode.Logger.setLevel('none');

/** Passes the relay's SDP check and Janus's parser; ICE never completes, which is fine for a room with a publisher. */
const OFFER = [
  'v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=group:BUNDLE 0', 'a=msid-semantic: WMS s',
  'm=video 9 UDP/TLS/RTP/SAVPF 96', 'c=IN IP4 0.0.0.0', 'a=rtcp:9 IN IP4 0.0.0.0',
  'a=ice-ufrag:lkdn', 'a=ice-pwd:lockdownlockdownlockdown', 'a=ice-options:trickle',
  `a=fingerprint:sha-256 ${Array(32).fill('AB').join(':')}`, 'a=setup:actpass', 'a=mid:0', 'a=sendonly', 'a=msid:s v',
  'a=rtcp-mux', 'a=rtpmap:96 VP8/90000', 'a=ssrc:1111 cname:lockdown', '',
].join('\r\n');

const jcfgValue = (file: string, key: string) => new RegExp(`${key} = "([^"]+)"`).exec(readFileSync(file, 'utf8'))?.[1] ?? '';

/** What an attacker gets back: the error text (Janus's code and reason) or 'ok'. */
const attempt = (p: Promise<unknown>) => p.then(() => 'ok', (e: Error) => e.message);

async function api(relay: RunningRelay, method: string, p: string, body?: unknown, type = 'application/json') {
  return fetch(relay.url + p, { method, headers: { authorization: `Bearer ${relay.studioKey}`, 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body ?? {}) });
}

async function goLive(relay: RunningRelay, title: string): Promise<string> {
  const show = (await (await api(relay, 'POST', '/api/shows', { title })).json()) as { id: string };
  await waitUntil('media engine up', async () => ((await (await fetch(relay.url + '/api/health')).json()) as { ok: boolean }).ok);
  const whip = await api(relay, 'POST', `/whip/shows/${show.id}`, OFFER, 'application/sdp');
  expect(whip.status, await whip.clone().text()).toBe(201);
  return show.id;
}

/** TCP sockets the process listens on, from its descriptors and the kernel's tables. */
function tcpListeners(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
    if (m) inodes.add(m[1]!);
  }
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[3] === '0A' && inodes.has(f[9]!)) out.push(f[1]!);
    }
  }
  return out;
}

/** Runs a connect to `socket` as the unprivileged user `nobody`; resolves with 'connected' or the error code. */
function connectAsNobody(socket: string): Promise<string> {
  const script = `require('net').connect(${JSON.stringify(socket)}).on('connect', () => { console.log('connected'); process.exit(0); }).on('error', (e) => { console.log(e.code); process.exit(0); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { uid: 65534, gid: 65534, cwd: '/', stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', reject);
    child.once('exit', () => resolve(out.trim()));
  });
}

async function session(url: string, apisecret?: string): Promise<{ conn: JanodeConnection; handle: VideoRoomHandle }> {
  const conn = await Janode.connect({ address: { url, apisecret }, retry_time_secs: 1, max_retries: 1 });
  try {
    const s = await conn.create(15);
    return { conn, handle: await s.attach(VideoRoomPlugin) };
  } catch (e) {
    await conn.close().catch(() => undefined);
    throw e;
  }
}

describe('Janus answers only the relay', () => {
  let base: string;
  let relay: RunningRelay;
  let janusDir: string;
  let socketUrl: string;
  let apiSecret: string;
  let adminKey: string;
  let port: number;
  let showId: string;
  let room: number;
  const roomsNow = async (handle: VideoRoomHandle) => ((await handle.list({ admin_key: adminKey })) as { list: { room: number }[] }).list.map((r) => r.room);

  beforeAll(async () => {
    // A data folder others may enter (0755), so the checks below test the Janus folder's own mode.
    base = mkdtempSync(path.join(os.tmpdir(), 'lc-lockdown-'));
    const dataDir = path.join(base, 'data');
    mkdirSync(dataDir);
    chmodSync(base, 0o755);
    chmodSync(dataDir, 0o755);
    port = await freePort();
    relay = await startRelay({ dataDir, env: { RELAY_JANUS_API_PORT: String(port) } });
    janusDir = path.join(dataDir, 'janus');
    socketUrl = `ws+unix://${path.join(janusDir, 'api.sock')}`;
    apiSecret = jcfgValue(path.join(janusDir, 'janus.jcfg'), 'api_secret');
    adminKey = jcfgValue(path.join(janusDir, 'janus.plugin.videoroom.jcfg'), 'admin_key');
    showId = await goLive(relay, 'lockdown');
    // The room id, looked up with the admin key as only a test can; an attacker would have to guess it.
    const god = await session(socketUrl, apiSecret);
    try {
      const rooms = await roomsNow(god.handle);
      expect(rooms).toHaveLength(1);
      room = rooms[0]!;
    } finally {
      await god.conn.close().catch(() => undefined);
    }
  });
  afterAll(async () => {
    await relay?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('listens on no TCP port, only on a Unix socket in a folder of the relay user alone', async () => {
    const pid = Number(/"msg":"janus started".*?"pid":(\d+)/.exec(relay.output())?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(tcpListeners(pid)).toEqual([]);
    expect(await attempt(session(`ws://127.0.0.1:${port}/`, apiSecret))).toMatch(/ECONNREFUSED/);
    expect(statSync(janusDir).mode & 0o777).toBe(0o700);
    for (const f of ['janus.jcfg', 'janus.plugin.videoroom.jcfg', 'janus.transport.websockets.jcfg']) expect(statSync(path.join(janusDir, f)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(janusDir)).mode & 0o005).toBe(0o005); // the data folder itself is open to others here
    expect(await connectAsNobody(path.join(janusDir, 'api.sock'))).toBe('EACCES');
  });

  it('refuses a session without the api_secret, or with a wrong one', async () => {
    expect(apiSecret).toMatch(/^[0-9a-f]{32}$/);
    expect(await attempt(session(socketUrl))).toMatch(/403/);
    expect(await attempt(session(socketUrl, 'f'.repeat(32)))).toMatch(/403/);
  });

  it('with a session but without the room keys nobody can create, list, join, kick, forward or destroy', async () => {
    const god = await session(socketUrl, apiSecret);
    const outsider = await session(socketUrl, apiSecret);
    try {
      // The studio's feed (joined; its ICE never completes here, so Janus does not list it as publishing yet).
      const participants = (await god.handle.listParticipants({ room })) as { participants: { feed: number; display: string }[] };
      const feed = participants.participants.find((x) => x.display === 'studio')!.feed;
      const h = outsider.handle;

      expect(((await h.list()) as { list: unknown[] }).list).toEqual([]); // the room is private
      expect(await attempt(h.create({ room: 777, permanent: false }))).toMatch(/admin_key/);
      expect(await attempt(h.joinSubscriber({ room, feed }))).toMatch(/pin/i);
      expect(await attempt(h.joinSubscriber({ room, feed, pin: 'guess' }))).toMatch(/pin/i);
      expect(await attempt(h.kick({ room, feed }))).toMatch(/secret/);
      expect(await attempt(h.kick({ room, feed, secret: 'guess' }))).toMatch(/secret/);
      expect(await attempt(h.startForward({ room, feed, host: '127.0.0.1', video_port: 9, secret: 'guess' }))).toMatch(/admin_key/);
      expect(await attempt(h.startForward({ room, feed, host: '127.0.0.1', video_port: 9, admin_key: adminKey }))).toMatch(/secret/);
      expect(await attempt(h.destroy({ room }))).toMatch(/secret/);
      expect(await attempt(h.destroy({ room, secret: 'guess' }))).toMatch(/secret/);

      // Nothing happened: the room and its publisher are still there.
      expect(await roomsNow(god.handle)).toEqual([room]);
      const after = (await god.handle.listParticipants({ room })) as { participants: { feed: number }[] };
      expect(after.participants.map((x) => x.feed)).toContain(feed);
    } finally {
      await god.conn.close().catch(() => undefined);
      await outsider.conn.close().catch(() => undefined);
    }
  });

  it('an outside Janus: a relay given its secrets (RELAY_JANUS_*) creates rooms; without them it reports the engine down', async () => {
    const outside = await startRelay({ env: { RELAY_JANUS_URL: socketUrl, RELAY_JANUS_API_SECRET: apiSecret, RELAY_JANUS_ADMIN_KEY: adminKey } });
    try {
      await goLive(outside, 'outside Janus');
    } finally {
      await outside.stop();
    }
    const noSecret = await startRelay({ env: { RELAY_JANUS_URL: socketUrl } });
    try {
      const down = await waitUntil('the engine reported down', async () => {
        const r = await fetch(noSecret.url + '/api/health');
        const b = (await r.json()) as { mediaEngine: { state: string } };
        return b.mediaEngine.state === 'down' ? r.status : null;
      });
      expect(down).toBe(503);
    } finally {
      await noSecret.stop();
    }
    const noAdminKey = await startRelay({ env: { RELAY_JANUS_URL: socketUrl, RELAY_JANUS_API_SECRET: apiSecret } });
    try {
      const show = (await (await api(noAdminKey, 'POST', '/api/shows', { title: 'no admin key' })).json()) as { id: string };
      await waitUntil('media engine up', async () => ((await (await fetch(noAdminKey.url + '/api/health')).json()) as { ok: boolean }).ok);
      const whip = await api(noAdminKey, 'POST', `/whip/shows/${show.id}`, OFFER, 'application/sdp');
      expect(whip.status).toBe(503);
      expect(await whip.json()).toMatchObject({ error: 'media_unavailable', message: expect.stringMatching(/RELAY_JANUS_ADMIN_KEY/) });
    } finally {
      await noAdminKey.stop();
    }
  });

  it('the relay itself still creates, joins and destroys with its keys', async () => {
    const god = await session(socketUrl, apiSecret);
    try {
      const again = await api(relay, 'POST', `/whip/shows/${showId}`, OFFER, 'application/sdp');
      expect(again.status).toBe(201);
      expect(await roomsNow(god.handle)).toContain(room);
      expect((await api(relay, 'POST', `/api/shows/${showId}/end`)).status).toBe(200);
      expect(await roomsNow(god.handle)).not.toContain(room);
    } finally {
      await god.conn.close().catch(() => undefined);
    }
  });
});

describe('Janus on loopback TCP (socket path too long)', () => {
  it('a browser page can open the WebSocket, but Janus refuses it a session without the api_secret', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'lc-lockdown-'));
    const dataDir = path.join(base, 'a-folder-name-long-enough-that-a-unix-socket-path-inside-it-would-not-fit-in-sun-path');
    const port = await freePort();
    const relay = await startRelay({ dataDir, env: { RELAY_JANUS_API_PORT: String(port) } });
    try {
      await waitUntil('media engine up', async () => ((await (await fetch(relay.url + '/api/health')).json()) as { ok: boolean }).ok);
      const apiSecret = jcfgValue(path.join(dataDir, 'janus', 'janus.jcfg'), 'api_secret');
      // What a web page in the seller's browser can do: Janus does not check the Origin.
      const ws = new WebSocket(`ws://127.0.0.1:${port}/`, 'janus-protocol', { origin: 'https://evil.example' });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const ask = (msg: object) =>
        new Promise<{ janus: string; error?: { code: number } }>((resolve) => {
          ws.once('message', (d: Buffer) => resolve(JSON.parse(d.toString()) as { janus: string; error?: { code: number } }));
          ws.send(JSON.stringify({ transaction: 't', ...msg }));
        });
      // All a page learns without the secret: Janus's version and plugins (info and ping need none).
      expect((await ask({ janus: 'info' })).janus).toBe('server_info');
      expect(await ask({ janus: 'create' })).toMatchObject({ janus: 'error', error: { code: 403 } });
      expect(await ask({ janus: 'create', apisecret: 'f'.repeat(32) })).toMatchObject({ janus: 'error', error: { code: 403 } });
      expect((await ask({ janus: 'create', apisecret: apiSecret })).janus).toBe('success'); // the relay's secret does open it
      ws.close();
    } finally {
      await relay.stop();
      rmSync(base, { recursive: true, force: true });
    }
  });
});
