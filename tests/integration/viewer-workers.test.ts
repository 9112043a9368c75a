import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Show, WatchLink } from '../../common/show.js';
import type { Stage, StageOp } from '../../common/stage.js';
import { waitUntil } from '../helpers/media-pages.js';
import { startRelay, type RunningRelay } from '../helpers/processes.js';
import { TestSocket } from '../helpers/ws-client.js';

/**
 * The viewer channel with its sockets held by viewer workers (RELAY_VIEWER_WORKERS) and, for
 * comparison, in the relay's own process (0): same behaviour either way; a killed worker is
 * replaced and its viewers can come back; stopping the relay stops its workers.
 */
const card = (id: string) => ({ productId: id, name: `상품 ${id}`, imageUrls: [], currency: 'KRW', price: 39000, salePrice: 29000, stock: 7, externalUrl: null });
const pin = (id: string): StageOp => ({ op: 'pin', cards: [card(id)] as never });

function client(relay: RunningRelay) {
  const api = async <T>(method: string, path: string, body?: unknown) => {
    const res = await fetch(relay.url + path, { method, headers: { authorization: `Bearer ${relay.studioKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    api,
    async liveShow(title: string) {
      const show = (await api<Show>('POST', '/api/shows', { title })).body;
      const link = (await api<WatchLink>('POST', `/api/shows/${show.id}/links`, {})).body;
      await api('POST', `/api/shows/${show.id}/start`);
      return { show, token: link.url.split('/w/')[1]! };
    },
    /** A viewer that also records every message in arrival order. */
    async viewer(token: string) {
      const v = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
      const all: Record<string, unknown>[] = [];
      v.ws.on('message', (d) => all.push(JSON.parse(d.toString()) as Record<string, unknown>));
      await v.opened;
      v.send({ type: 'hello', token });
      return { v, all, welcome: await v.next('welcome') };
    },
    async fire(showId: string, op: StageOp, baseVersion: number, firingId: string) {
      const r = await api<Stage>('POST', `/api/shows/${showId}/cues`, { firingId, baseVersion, captureMs: null, op });
      expect(r.status).toBe(200);
      return r.body.version;
    },
  };
}

/** Viewer workers as the relay logged them when ready: worker index → pid (the latest one wins). */
function workerPids(relay: RunningRelay): Map<number, number> {
  const pids = new Map<number, number>();
  for (const line of relay.output().split('\n')) {
    if (!line.includes('"viewer worker ready"')) continue;
    const m = JSON.parse(line) as { worker: number; pid: number };
    pids.set(m.worker, m.pid);
  }
  return pids;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.each([
  { mode: 'in the relay process', workers: '0' },
  { mode: 'in two viewer workers', workers: '2' },
])('viewer sockets $mode', ({ workers }) => {
  let relay: RunningRelay;
  let c: ReturnType<typeof client>;
  beforeAll(async () => {
    relay = await startRelay({ env: { RELAY_VIEWER_WORKERS: workers, RELAY_HEARTBEAT_MS: '300' } });
    c = client(relay);
  });
  afterAll(async () => {
    await relay?.stop();
  });

  it('uses the configured transport', () => {
    expect(workerPids(relay).size).toBe(Number(workers));
  });

  it('welcomes viewers and delivers every stage change in order, none older than the welcome', async () => {
    const { show, token } = await c.liveShow('order');
    const early = await Promise.all([1, 2, 3, 4].map(() => c.viewer(token)));
    let version = 0;
    const late: Awaited<ReturnType<typeof c.viewer>>[] = [];
    for (let i = 0; i < 12; i++) {
      version = await c.fire(show.id, i % 2 === 0 ? pin(`p${i}`) : { op: 'clearCards' }, version, `o${i}`);
      if (i === 5) late.push(...(await Promise.all([1, 2].map(() => c.viewer(token)))));
    }
    for (const { v, all, welcome } of [...early, ...late]) {
      await waitUntil('the last stage', () => all.some((m) => m.type === 'stage' && (m.stage as Stage).version === version), 10_000);
      expect(all[0]?.type).toBe('welcome');
      const versions = all.filter((m) => m.type === 'stage').map((m) => (m.stage as Stage).version);
      const from = (welcome.stage as Stage).version;
      expect(versions).toEqual(Array.from({ length: version - from }, (_, i) => from + i + 1));
      v.close();
    }
  });

  it('answers bad input with errors, closes only a socket that sends a huge frame, and survives heartbeats', async () => {
    const { token } = await c.liveShow('errors');
    const v = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
    await v.opened;
    v.send('{not json');
    expect(await v.next('error')).toMatchObject({ code: 'bad_json' });
    v.ws.send(Buffer.from('{"type":"hello"}'), { binary: true });
    expect(await v.next('error')).toMatchObject({ code: 'bad_message', message: expect.stringMatching(/text/) });
    v.send({ type: 'subscribe' });
    expect(await v.next('error')).toMatchObject({ code: 'bad_message', message: expect.stringMatching(/hello/) });
    v.send({ type: 'hello', token, pad: 'x'.repeat(100_000) });
    expect(await v.next('error')).toMatchObject({ code: 'too_large' });
    v.send({ type: 'hello', token });
    await v.next('welcome');
    v.send({ type: 'hello', token });
    expect(await v.next('error')).toMatchObject({ code: 'bad_message', message: expect.stringMatching(/already/) });
    const rude = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
    await rude.opened;
    rude.send('x'.repeat(2 * 1024 * 1024));
    expect(await rude.closed()).toBe(1009);
    let pings = 0;
    v.ws.on('ping', () => pings++);
    await waitUntil('a few heartbeat rounds', () => pings >= 3, 10_000);
    v.send({ type: 'subscribe' });
    expect(await v.next('error')).toMatchObject({ code: 'not_live' });
    const forged = new TestSocket(relay.url.replace('http', 'ws') + '/ws/watch');
    await forged.opened;
    forged.send({ type: 'hello', token: 'AAAAAAAAAA.' + 'B'.repeat(43) });
    expect(await forged.next('error')).toMatchObject({ code: 'link_forged' });
    expect(await forged.closed()).toBe(4403);
    v.close();
  });
});

describe('viewer workers when things go wrong', () => {
  let relay: RunningRelay;
  let c: ReturnType<typeof client>;
  beforeAll(async () => {
    relay = await startRelay({ env: { RELAY_VIEWER_WORKERS: '2' } });
    c = client(relay);
  });
  afterAll(async () => {
    await relay?.stop();
  });

  it('replaces a killed worker; its viewers are counted gone, come back, and get cues again', async () => {
    const { show, token } = await c.liveShow('crash');
    const viewers = await Promise.all([1, 2, 3, 4].map(() => c.viewer(token)));
    const before = workerPids(relay);
    expect(before.size).toBe(2);
    process.kill(before.get(0)!, 'SIGKILL');
    await waitUntil('the dead worker’s viewers to be cut', () => viewers.filter(({ v }) => v.closeCode !== null).length === 2, 10_000);
    await waitUntil('the health count to drop', async () => (await c.api<{ viewers: number }>('GET', '/api/health')).body.viewers === 2, 10_000);
    await waitUntil('a new worker 0', () => workerPids(relay).get(0) !== before.get(0), 30_000);
    expect(relay.output()).toContain('"viewer worker exited; restarting"');
    expect(workerPids(relay).get(1)).toBe(before.get(1));
    const back = await Promise.all([1, 2].map(() => c.viewer(token)));
    const stayed = viewers.filter(({ v }) => v.closeCode === null);
    const version = await c.fire(show.id, pin('after'), 0, 'after-crash');
    for (const { v } of [...stayed, ...back]) expect(await v.next('stage')).toMatchObject({ stage: { version } });
    expect((await c.api<{ viewers: number }>('GET', '/api/health')).body.viewers).toBe(4);
    [...stayed, ...back].forEach(({ v }) => v.close());
  });

  it('stops its workers and Janus when it stops, saying goodbye to viewers', async () => {
    const { token } = await c.liveShow('stop');
    const v = await c.viewer(token);
    const pids = [...workerPids(relay).values()];
    const janus = /"janus started"[^\n]*"pid":(\d+)/.exec(relay.output());
    expect(pids).toHaveLength(2);
    const old = relay.proc;
    await relay.restart();
    // Exit code 0: the relay's own close finished (workers and Janus awaited), not the kill fallback.
    expect(old.exitCode).toBe(0);
    expect(await v.v.closed()).toBe(1001);
    await waitUntil('the old workers and Janus to be gone', () => [...pids, Number(janus?.[1])].every((pid) => !alive(pid)), 10_000);
    expect([...workerPids(relay).values()].filter((pid) => !pids.includes(pid))).toHaveLength(2);
  });
});
