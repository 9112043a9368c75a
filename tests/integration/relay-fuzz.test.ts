import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Show, WatchLink } from '../../common/show.js';
import type { Stage } from '../../common/stage.js';
import { seededRandom } from '../../common/testing/seeded-random.js';
import { body, httpRequest, sdp, viewerMessage, wsFrame, type FuzzContext, type Rng } from '../helpers/fuzz-gen.js';
import { waitUntil } from '../helpers/media-pages.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/**
 * Property: whatever an outsider sends — request lines, paths and escapes, headers, bodies,
 * WebSocket frames on the viewer and studio sockets, WHIP offers — the relay keeps serving a
 * real viewer (its socket stays open and gets every cue fired meanwhile), /api/health and the
 * watch page keep answering, and the process never exits. A real relay with its real Janus,
 * with two viewer workers and with none; all traffic on loopback. FUZZ_SEED replays a run; every loop is bounded.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const CASES = Number(process.env.FUZZ_CASES ?? 400);
/** Stop drawing new cases after this long, whatever CASES says (a slow shared machine). */
const BUDGET_MS = 60_000;
const PARALLEL = 4;
const CHECK_EVERY = 40;
const CASE_MS = 800;

let relay: RunningRelay;
let port: number;
let ctx: FuzzContext;
let show: Show;
let link: WatchLink;
const api = async <T>(method: string, path: string, payload?: unknown, key: string | null = relay.studioKey) => {
  const res = await fetch(relay.url + path, { method, headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json' }, body: payload === undefined ? undefined : JSON.stringify(payload) });
  const text = await res.text();
  return { status: res.status, body: (text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text) as T };
};
const alive = () => relay.proc.exitCode === null && relay.proc.signalCode === null;

/** Sends bytes on a fresh connection; after `then` (if any) has run on the open socket, closes it. Bounded by CASE_MS. */
function connection(send: Buffer, then?: (s: net.Socket, answered: Promise<string>) => Promise<void>): Promise<string> {
  return new Promise((resolve) => {
    let out = '';
    let gotHead: (head: string) => void = () => undefined;
    const head = new Promise<string>((r) => (gotHead = r));
    const s = net.connect(port, '127.0.0.1', () => {
      s.write(send);
      if (then) void then(s, head).catch(() => undefined).finally(() => s.destroy());
    });
    const timer = setTimeout(() => s.destroy(), CASE_MS);
    s.on('data', (d) => {
      out += d.toString('latin1');
      if (out.includes('\r\n\r\n')) gotHead(out);
    });
    s.on('error', () => undefined);
    s.on('close', () => {
      clearTimeout(timer);
      gotHead(out);
      resolve(out);
    });
  });
}

/** Handshake headers, now and then wrong in a way ws must refuse (version, key, extensions, protocols). */
const HANDSHAKE_ODDITIES = ['Sec-WebSocket-Version: 8\r\n', 'Sec-WebSocket-Key: short\r\n', 'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=99; x\r\n', 'Sec-WebSocket-Protocol: ,,, ;\r\n', 'Upgrade: h2c\r\n', 'Origin: http://[\r\n'];
const upgrade = (rng: Rng, path: string, extra: string) =>
  Buffer.from(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${rng.int(0, 4) === 0 ? rng.pick(HANDSHAKE_ODDITIES) : ''}${extra}\r\n`,
  );

/** A WebSocket session of random frames, after a real handshake. Drawn up front, so a seed replays whatever the timing. */
async function socketCase(rng: Rng, path: string, extra: string): Promise<string> {
  const request = upgrade(rng, path, extra);
  const frames = Array.from({ length: rng.int(1, 12) }, () => ({ frame: wsFrame(rng, viewerMessage(rng, ctx)), pauseMs: rng.int(0, 3) === 0 ? rng.int(1, 30) : 0 }));
  return connection(request, async (s, head) => {
    if (!(await head).startsWith('HTTP/1.1 101')) return;
    for (const { frame, pauseMs } of frames) {
      if (s.destroyed) break;
      s.write(frame);
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
    await new Promise((r) => setTimeout(r, 50));
  });
}

/** A WHIP request: a real or random show, SDP-like bodies, right and wrong content types. */
function whipCase(rng: Rng): Promise<string> {
  const payload = rng.int(0, 2) === 0 ? body(rng, ctx) : Buffer.from(sdp(rng));
  const id = rng.int(0, 2) === 0 ? show.id : 'sh_' + rng.int(0, 1e9);
  const type = rng.pick(['application/sdp', 'application/sdp', 'application/json', 'application/sdp; x=1']);
  const method = rng.pick(['POST', 'POST', 'PATCH', 'DELETE', 'OPTIONS']);
  const path = method === 'POST' || method === 'OPTIONS' ? `/whip/shows/${id}` : `/whip/sessions/ps_${rng.int(0, 1e6)}`;
  const head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer ${ctx.studioKey}\r\nContent-Type: ${type}\r\nContent-Length: ${payload.length}\r\n\r\n`;
  return connection(Buffer.concat([Buffer.from(head), payload]));
}

function drawCase(rng: Rng): Promise<string> {
  const k = rng.int(0, 9);
  if (k < 5) return connection(httpRequest(rng, ctx));
  if (k < 7) return socketCase(rng, '/ws/watch', '');
  if (k === 7) return socketCase(rng, '/api/studio/events', `Authorization: Bearer ${ctx.studioKey}\r\n`);
  return whipCase(rng);
}

// Viewer sockets in two viewer workers, and in the relay's own process (no workers).
describe.each(['2', '0'])('relay under random input, %s viewer workers', (workers) => {
  beforeAll(async () => {
    relay = await startRelay({ env: { RELAY_VIEWER_WORKERS: workers } });
    port = Number(new URL(relay.url).port);
    // The relay is ready before Janus is; the property is about a relay that was serving.
    await waitUntil('media engine up', async () => (await api<{ ok: boolean }>('GET', '/api/health', undefined, null)).body.ok, 30_000);
    show = (await api<Show>('POST', '/api/shows', { title: 'fuzz' })).body;
    link = (await api<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
    expect((await api('POST', `/api/shows/${show.id}/start`)).status).toBe(200);
    ctx = { token: link.url.split('/w/')[1]!, studioKey: relay.studioKey };
  });
  afterAll(async () => {
    await relay?.stop();
  });

  it(`keeps serving a real viewer and never exits (seed ${SEED})`, { timeout: 180_000 }, async () => {
    const viewer = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
    await viewer.opened;
    viewer.send({ type: 'hello', token: ctx.token });
    await viewer.next('welcome');
    const studio = new TestSocket(relay.url.replace('http', 'ws') + '/api/studio/events', { authorization: `Bearer ${relay.studioKey}` });
    await studio.opened;

    let version = 0;
    let checks = 0;
    const check = async (round: number) => {
      expect(alive(), `relay exited\n${relay.output().slice(-3000)}`).toBe(true);
      const card = { productId: `p${checks}`, name: `상품 ${checks}`, imageUrls: [], currency: 'KRW', price: 1000, salePrice: null, stock: 1, externalUrl: null };
      const op = checks % 2 === 0 ? { op: 'pin', cards: [card] } : { op: 'clearCards' };
      const fired = await api<Stage>('POST', `/api/shows/${show.id}/cues`, { firingId: `fz${round}`, baseVersion: version, captureMs: null, op });
      expect(fired.status, JSON.stringify(fired.body)).toBe(200);
      version = fired.body.version;
      for (;;) {
        const m = await viewer.next('stage');
        if ((m.stage as Stage).version === version) break;
      }
      expect(viewer.closeCode).toBeNull();
      expect(studio.closeCode).toBeNull();
      const health = await api<{ ok: boolean }>('GET', '/api/health', undefined, null);
      expect(health.body, relay.output().split('\n').filter((l) => /janus|media/i.test(l)).slice(-8).join('\n')).toMatchObject({ ok: true });
      expect((await fetch(link.url)).status).toBe(200);
      checks++;
    };

    const rng = seededRandom(SEED);
    const statuses = new Map<string, number>();
    const started = Date.now();
    let done = 0;
    for (let batch = 0; done < CASES && Date.now() - started < BUDGET_MS; batch++) {
      const answers = await Promise.all(Array.from({ length: Math.min(PARALLEL, CASES - done) }, () => drawCase(rng)));
      done += answers.length;
      for (const a of answers) {
        const status = /^HTTP\/1\.1 (\d{3})/.exec(a)?.[1] ?? 'closed';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
      if (Math.floor(done / CHECK_EVERY) > checks) await check(batch);
    }
    await check(-1);
    console.log(JSON.stringify({ seed: SEED, cases: done, checks, ms: Date.now() - started, statuses: Object.fromEntries(statuses) }));
    expect(done).toBeGreaterThan(0);
    // A 500 is the relay saying an input surprised it: every parse should answer with a clear error.
    expect(statuses.get('500') ?? 0, relay.output().split('\n').filter((l) => l.includes('request failed')).slice(-5).join('\n')).toBe(0);
    viewer.close();
    studio.close();
  });
});
