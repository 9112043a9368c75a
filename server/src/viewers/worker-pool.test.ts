import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../log.js';
import { encodeTextFrame } from '../ws/text-frame.js';
import { FanoutActivity } from './fanout-activity.js';
import type { ViewerInput, ViewerSocket } from './viewer-socket.js';
import { ViewerWorkerPool, WORKER_FILE } from './worker-pool.js';

/** The pool and its forked workers on loopback, without the rest of the relay. */
const TSX = ['--import', 'tsx'];
const quiet = createLogger('error', {}, () => undefined);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
}, 30_000);

async function setUp(count = 1, stallMs = 60_000) {
  const conns: { conn: ViewerSocket; inputs: ViewerInput[]; closed: boolean }[] = [];
  const activity = new FanoutActivity();
  const pool = new ViewerWorkerPool({
    count,
    heartbeatMs: 60_000,
    stallMs,
    activity,
    logLevel: 'error',
    log: quiet,
    execArgv: TSX,
    onConnection(conn) {
      const entry = { conn, inputs: [] as ViewerInput[], closed: false };
      conn.onInput((i) => entry.inputs.push(i));
      conn.onClose(() => (entry.closed = true));
      conns.push(entry);
    },
  });
  await pool.start();
  const server: Server = createServer();
  server.on('upgrade', (req, socket, head) => {
    if (!pool.handOff(req, socket, head, req.socket.remoteAddress ?? '')) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // As the relay does: stop listening while the workers run (Node asks them about the sockets it handed over).
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      await pool.close();
      // Bounded like the relay's: Node never settles this once every worker that got a socket has died.
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
    })());
  cleanups.push(stop);
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/watch`;
  return { pool, conns, url, stop, activity };
}

const until = async (what: string, check: () => boolean) => {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

function open(url: string) {
  const ws = new WebSocket(url);
  const got: string[] = [];
  let closeCode: number | null = null;
  ws.on('message', (d) => got.push(d.toString()));
  ws.on('close', (code) => (closeCode = code));
  return { ws, got, code: () => closeCode, opened: new Promise<void>((r, j) => (ws.once('open', () => r()), ws.once('error', j))) };
}

// Forking TypeScript workers takes seconds on a busy 2-core machine: generous bounds, no timing assertions.
describe('viewer worker pool', { timeout: 60_000 }, () => {
  it('hands sockets to a worker that forwards what viewers say and writes what the relay sends, in order', async () => {
    const { conns, url } = await setUp();
    const a = open(url);
    const b = open(url);
    await Promise.all([a.opened, b.opened]);
    await until('two connections', () => conns.length === 2);
    // The relay learns each socket's address at the upgrade, before the worker has it (new devices are budgeted per network).
    expect(conns.map((c) => c.conn.address)).toEqual(['127.0.0.1', '127.0.0.1']);
    a.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    a.ws.send('x'.repeat(70_000));
    a.ws.send('{"type":"hello"}');
    // Binary and oversized messages are answered by the worker itself; only the text crosses.
    await until('one input and two answers', () => conns.some((c) => c.inputs.length === 1) && a.got.length === 2);
    const [ca] = conns.filter((c) => c.inputs.length === 1);
    expect(ca!.inputs).toEqual([{ text: '{"type":"hello"}', size: 16, binary: false }]);
    expect(a.got.map((t) => (JSON.parse(t) as { code: string }).code)).toEqual(['bad_message', 'too_large']);
    a.got.length = 0;
    // Joined sockets get the show's broadcasts; unicasts and broadcasts keep their order.
    for (const { conn } of conns) conn.join('s1');
    ca!.conn.send('"one"');
    ca!.conn.fanout!.broadcast('s1', encodeTextFrame(Buffer.from('"two"')));
    ca!.conn.send('"three"');
    ca!.conn.fanout!.broadcast('other', encodeTextFrame(Buffer.from('"not for us"')));
    await until('three messages', () => a.got.length === 3 && b.got.length === 1);
    expect(a.got).toEqual(['"one"', '"two"', '"three"']);
    expect(b.got).toEqual(['"two"']);
    ca!.conn.close(4403, 'link not valid');
    await until('the close', () => a.code() !== null && ca!.closed);
    expect(a.code()).toBe(4403);
    b.ws.close();
    await until('the other close', () => conns.every((c) => c.closed));
  });

  it('restarts a worker that dies and counts its sockets gone; close stops everything', async () => {
    const { pool, conns, url, stop } = await setUp(1);
    const a = open(url);
    await a.opened;
    await until('a connection', () => conns.length === 1);
    const pid = (pool as unknown as { workers: { child: { pid: number } }[] }).workers[0]!.child.pid;
    process.kill(pid, 'SIGKILL');
    await until('the socket to be gone', () => conns[0]!.closed && a.code() !== null);
    await until('a new worker', () => (pool as unknown as { workers: ({ ready: boolean; child: { pid: number } } | null)[] }).workers[0]?.ready === true);
    const b = open(url);
    await b.opened;
    await until('a new connection', () => conns.length === 2);
    await stop();
    await until('the goodbye', () => b.code() !== null);
    expect(b.code()).toBe(1001);
  });

  it('counts a broadcast as under way until the worker has written it to its sockets', async () => {
    const { conns, url, activity } = await setUp();
    const a = open(url);
    await a.opened;
    await until('a connection', () => conns.length === 1);
    conns[0]!.conn.join('s1');
    const sentAt = Date.now();
    const written: number[] = [];
    conns[0]!.conn.fanout!.broadcast('s1', encodeTextFrame(Buffer.from('"cue"')), (at) => written.push(at));
    expect(activity.quiet).toBe(false);
    expect(written).toEqual([]); // not before the worker says it wrote it
    await activity.whenQuiet(60_000);
    expect(activity.quiet).toBe(true);
    // The delivery time a quiz ranks from: told once, when the worker acknowledged the write.
    expect(written).toHaveLength(1);
    expect(written[0]).toBeGreaterThanOrEqual(sentAt);
    await until('the cue', () => a.got.length === 1);
    expect(a.got).toEqual(['"cue"']);
  });

  it('writes chat batches in their order, a slice of sockets per turn; a cue carries the chat still to be written before it', async () => {
    const { conns, url, activity } = await setUp();
    // More sockets than three of the worker's slices, so a chat batch takes several turns.
    const viewers = Array.from({ length: 700 }, () => open(url));
    await Promise.all(viewers.map((v) => v.opened));
    await until('every connection', () => conns.length === viewers.length);
    for (const { conn } of conns) conn.join('s1');
    const fanout = conns[0]!.conn.fanout!;
    const written: string[] = [];
    fanout.broadcast('s1', Buffer.concat([encodeTextFrame(Buffer.from('"chat 1"')), encodeTextFrame(Buffer.from('"chat 2"'))]), () => written.push('chat A'), 'chat');
    fanout.broadcast('s1', encodeTextFrame(Buffer.from('"chat 3"')), () => written.push('chat B'), 'chat');
    fanout.broadcast('s1', encodeTextFrame(Buffer.from('"cue"')), () => written.push('cue'));
    await until('every message at every socket', () => viewers.every((v) => v.got.length === 4));
    // No viewer got a chat message after a later one, nor the cue before the chat sent ahead of it.
    for (const v of viewers) expect(v.got).toEqual(['"chat 1"', '"chat 2"', '"chat 3"', '"cue"']);
    await activity.whenQuiet(60_000);
    // Each is acknowledged once, and none before what was sent ahead of it (the cue finishes the chat's pass: show-writes.test.ts).
    expect(written).toEqual(['chat A', 'chat B', 'cue']);
    // Chat after the cue is paced after it, and comes after it.
    fanout.broadcast('s1', encodeTextFrame(Buffer.from('"chat 4"')), () => written.push('chat C'), 'chat');
    // Chat is no cue: background work does not wait for it (fanout-activity.ts).
    expect(activity.quiet).toBe(true);
    await until('the last batch at every socket', () => viewers.every((v) => v.got.length === 5));
    await until('the last batch acknowledged', () => written.length === 4);
    for (const v of viewers) expect(v.got.at(-1)).toBe('"chat 4"');
    expect(written).toEqual(['chat A', 'chat B', 'cue', 'chat C']);
    for (const v of viewers) v.ws.close();
    await until('every close', () => conns.every((c) => c.closed));
  });

  it('kills and replaces a worker that stops answering; its sockets count as gone', async () => {
    const { pool, conns, url, activity } = await setUp(1, 1000);
    const a = open(url);
    await a.opened;
    await until('a connection', () => conns.length === 1);
    const workers = () => (pool as unknown as { workers: ({ ready: boolean; child: { pid: number } } | null)[] }).workers;
    const pid = workers()[0]!.child.pid;
    process.kill(pid, 'SIGSTOP'); // hung: alive, but answers nothing
    conns[0]!.conn.join('s1');
    conns[0]!.conn.fanout!.broadcast('s1', encodeTextFrame(Buffer.from('"lost"')));
    await until('the hung worker’s socket to be gone', () => conns[0]!.closed && a.code() !== null);
    expect(activity.quiet).toBe(true); // what it owed no longer holds anything back
    await until('a new worker', () => workers()[0]?.ready === true && workers()[0]!.child.pid !== pid);
    const b = open(url);
    await b.opened;
    await until('a new connection', () => conns.length === 2);
    expect(a.got).toEqual([]);
  });

  it('does not blame a worker for answers the relay itself was too busy to read', async () => {
    const { pool, conns, url } = await setUp(1, 2000);
    const a = open(url);
    await a.opened;
    await until('a connection', () => conns.length === 1);
    const pid = (pool as unknown as { workers: { child: { pid: number } }[] }).workers[0]!.child.pid;
    conns[0]!.conn.join('s1');
    conns[0]!.conn.fanout!.broadcast('s1', encodeTextFrame(Buffer.from('"cue"')));
    const until_ = Date.now() + 2600;
    while (Date.now() < until_); // the relay's loop is blocked: the worker's ack waits unread
    await until('the cue', () => a.got.length === 1);
    await new Promise((r) => setTimeout(r, 2500)); // several watchdog rounds after the block
    expect((pool as unknown as { workers: { child: { pid: number } }[] }).workers[0]!.child.pid).toBe(pid);
    expect(a.code()).toBeNull();
  });

  it('a worker exits when the relay is gone, and drops malformed messages without dying', async () => {
    const child = fork(WORKER_FILE, ['60000', 'error', '0'], { serialization: 'advanced', execArgv: TSX, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    cleanups.push(() => void child.kill('SIGKILL'));
    const messages: { k: string }[] = [];
    child.on('message', (m) => messages.push(m as { k: string }));
    await until('ready', () => messages.some((m) => m.k === 'ready'));
    child.send({ k: 'launch', c: 'x' });
    child.send({ k: 'upgrade', c: 7, method: 'GET', url: '/ws/watch', headers: {}, head: Buffer.alloc(0) });
    await until('the refusal of a socket-less upgrade', () => messages.some((m) => m.k === 'gone'));
    expect(child.exitCode).toBeNull();
    const exited = new Promise((r) => child.once('exit', r));
    child.disconnect();
    expect(await exited).toBe(0);
  });
});
