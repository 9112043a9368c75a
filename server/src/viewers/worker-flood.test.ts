import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createLogger } from '../log.js';
import { FLOOD_CLOSE, INPUT_BURST, INPUT_REFILL_PER_SEC, MAX_REFUSED } from './input-guard.js';
import { localViewerSocket, type ViewerInput, type ViewerSocket } from './viewer-socket.js';
import { ViewerWorkerPool } from './worker-pool.js';

/** A flooding viewer is refused and cut where its socket lives; the relay's side sees only its budget. */
const quiet = createLogger('error', {}, () => undefined);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
}, 30_000);

type Seen = { inputs: ViewerInput[] };

/** The relay's side of the sockets: either a viewer worker pool or the in-process transport. */
async function serve(mode: 'worker' | 'local', onInput: (i: ViewerInput) => void = () => undefined) {
  const seen: Seen[] = [];
  const onConnection = (conn: ViewerSocket) => {
    const entry: Seen = { inputs: [] };
    conn.onInput((i) => {
      entry.inputs.push(i);
      onInput(i);
    });
    conn.onClose(() => undefined);
    seen.push(entry);
  };
  const server: Server = createServer();
  let pool: ViewerWorkerPool | null = null;
  if (mode === 'worker') {
    pool = new ViewerWorkerPool({ count: 1, heartbeatMs: 60_000, stallMs: 60_000, logLevel: 'error', log: quiet, execArgv: ['--import', 'tsx'], onConnection });
    await pool.start();
    server.on('upgrade', (req, socket, head) => void (pool!.handOff(req, socket, head, req.socket.remoteAddress ?? '') || socket.destroy()));
  } else {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => onConnection(localViewerSocket(ws, socket, req.socket.remoteAddress ?? ''))));
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(async () => {
    const closed = new Promise<void>((r) => server.close(() => r()));
    server.closeAllConnections();
    await pool?.close();
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
  });
  return { seen, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws/watch` };
}

describe.each(['worker', 'local'] as const)('a flooding viewer socket (%s)', (mode) => {
  it('is answered rate_limited, then closed 1008, and only its budget reaches the channel', { timeout: 60_000 }, async () => {
    const { seen, url } = await serve(mode);
    const ws = new WebSocket(url);
    const codes: string[] = [];
    ws.on('message', (d) => codes.push((JSON.parse(d.toString()) as { code: string }).code));
    await new Promise<void>((r, j) => (ws.once('open', () => r()), ws.once('error', j)));
    const FLOOD = 2000;
    const t0 = Date.now();
    for (let i = 0; i < FLOOD && ws.readyState === ws.OPEN; i++) ws.send('{"type":"subscribe"}');
    const code = await new Promise<number>((r) => ws.once('close', (c) => r(c)));
    const elapsedSec = (Date.now() - t0) / 1000;
    expect(code).toBe(FLOOD_CLOSE.code);
    // What crossed is bounded by the budget (burst + refill over the time taken), not by the flood.
    const budget = INPUT_BURST + Math.ceil(elapsedSec * INPUT_REFILL_PER_SEC);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.inputs.length).toBeGreaterThan(0);
    expect(seen[0]!.inputs.length).toBeLessThanOrEqual(budget);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(MAX_REFUSED);
    expect(codes.every((c) => c === 'rate_limited')).toBe(true);
  });
});

describe('a viewer worker message that makes the relay side throw', () => {
  it('is logged and dropped; the relay side and the socket keep working', { timeout: 60_000 }, async () => {
    const { seen, url } = await serve('worker', (i) => {
      if (i.text === '"boom"') throw new Error('a bug the input set off');
    });
    const ws = new WebSocket(url);
    await new Promise<void>((r, j) => (ws.once('open', () => r()), ws.once('error', j)));
    ws.send('"boom"');
    ws.send('"after"');
    for (let i = 0; i < 400 && (seen[0]?.inputs.length ?? 0) < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(seen[0]!.inputs.map((i) => i.text)).toEqual(['"boom"', '"after"']);
    expect(ws.readyState).toBe(ws.OPEN);
    ws.close();
  });
});
