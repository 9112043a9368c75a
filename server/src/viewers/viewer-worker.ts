/**
 * A viewer worker: a child process of the relay that holds a share of the viewer WebSockets.
 * The relay accepts each /ws/watch upgrade, hands the raw socket over, and keeps all the
 * viewer logic; this process only completes the handshake, keeps the socket alive (ping/pong,
 * size limit), forwards what the viewer says, and writes what the relay sends — above all a
 * broadcast frame to every socket of a show, so a cue's socket writes run on several cores.
 */
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { describeZodError } from '../../../common/errors.js';
import { createLogger } from '../log.js';
import { keepAlive, startHeartbeat } from './heartbeat.js';
import { InputGuard } from './input-guard.js';
import { closeFlood, MAX_VIEWER_FRAME_BYTES, screen, sendBounded, writeFrame } from './viewer-socket.js';
import { ShowWrites } from './show-writes.js';
import { RelayToWorker, type WorkerToRelay } from './worker-protocol.js';
import { chatPassPeriodMs } from '../chat/chat-window.js';
import { ChatBatchMs } from '../config.js';

const [heartbeatMs, logLevel, index, chatBatchMs] = z
  .tuple([z.coerce.number().int().min(100).max(120_000), z.enum(['debug', 'info', 'warn', 'error']), z.coerce.number().int().min(0), ChatBatchMs])
  .parse(process.argv.slice(2));
const log = createLogger(logLevel, { service: 'relay', component: 'viewer-worker', worker: index });
if (!process.send) throw new Error('viewer-worker runs only as a child of the relay (child_process.fork)');
const post = (m: WorkerToRelay) => {
  if (process.connected) process.send!(m);
};

interface Conn {
  ws: WebSocket;
  socket: Socket;
}

const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_VIEWER_FRAME_BYTES, perMessageDeflate: false, clientTracking: false });
const conns = new Map<number, Conn>();
let stopping = false;
const ms = (x: number) => Math.round(x * 10) / 10;

function sendFrame(conn: Conn, frame: Buffer): void {
  if (conn.ws.readyState === conn.ws.OPEN && !writeFrame(conn.socket, frame)) conn.ws.terminate();
}

function upgrade(m: Extract<RelayToWorker, { k: 'upgrade' }>, socket: Socket): void {
  let opened = false;
  socket.once('close', () => {
    if (!opened) post({ k: 'gone', c: m.c });
  });
  if (stopping) return void socket.destroy();
  // ws reads only the method, url and headers of the request.
  const req = { method: m.method, url: m.url, headers: m.headers } as unknown as IncomingMessage;
  const head = Buffer.isBuffer(m.head) ? m.head : Buffer.from(m.head);
  wss.handleUpgrade(req, socket, head, (ws) => {
    opened = true;
    const conn: Conn = { ws: keepAlive(ws), socket };
    conns.set(m.c, conn);
    // Budget and transport checks here: a flooding socket is answered and cut in this process,
    // its frames never cross to the relay.
    const guard = new InputGuard();
    let cut = false;
    ws.on('message', (data, isBinary) => {
      if (cut) return;
      const s = screen(guard, data as Buffer, isBinary);
      if (s.k === 'forward') return post({ k: 'input', c: m.c, ...s.input });
      if (s.k === 'reply') return sendBounded(ws, socket, JSON.stringify(s.message));
      cut = true;
      closeFlood(ws);
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      conns.delete(m.c);
      writes.leave(conn);
      post({ k: 'closed', c: m.c });
      if (stopping && conns.size === 0) process.exit(0);
    });
    post({ k: 'open', c: m.c });
  });
}

const cpuNowMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const writes = new ShowWrites<Conn>({
  write: sendFrame,
  later: (fn) => void setImmediate(fn),
  after: (delay, fn) => void setTimeout(fn, delay),
  ack: (seq) => post({ k: 'ack', seq }),
  cpuMs: cpuNowMs,
  now: () => performance.now(),
  periodMs: (passCpuMs) => chatPassPeriodMs(chatBatchMs, passCpuMs),
  // What bench:chat-fanout reads: a pass that takes far longer than its CPU time is waiting for a core.
  passDone: (p) =>
    log.debug(p.urgent ? 'viewer fan-out' : 'chat fan-out', { showId: p.show, sockets: p.sockets, written: p.written, waitMs: ms(p.waitMs), passMs: ms(p.passMs), cpuMs: ms(p.cpuMs), cut: p.cut, periodMs: p.periodMs }),
});

function handle(m: RelayToWorker, socket: Socket | undefined): void {
  if (m.k === 'upgrade') return socket ? upgrade(m, socket) : post({ k: 'gone', c: m.c });
  if (m.k === 'broadcast') {
    const frame = Buffer.isBuffer(m.frame) ? m.frame : Buffer.from(m.frame);
    return m.lane === 'chat' ? writes.chat(m.show, frame, m.seq) : writes.broadcast(m.show, frame, m.seq);
  }
  if (m.k === 'ping') return post({ k: 'ack', seq: m.seq });
  if (m.k === 'stop') return stop();
  const conn = conns.get(m.c);
  if (!conn) return;
  if (m.k === 'join') {
    writes.join(m.show, conn);
  } else if (m.k === 'send') {
    sendBounded(conn.ws, conn.socket, m.text);
  } else if (m.k === 'frame') {
    sendFrame(conn, Buffer.isBuffer(m.frame) ? m.frame : Buffer.from(m.frame));
  } else if (m.k === 'close') {
    conn.ws.close(m.code, m.reason);
  }
}

/** Says goodbye (1001) to every viewer and exits once they are gone, or after a second at most. */
function stop(): void {
  if (stopping) return;
  stopping = true;
  writes.stop();
  clearInterval(heartbeat);
  if (conns.size === 0) process.exit(0);
  for (const conn of conns.values()) conn.ws.close(1001, 'relay stopping');
  setTimeout(() => process.exit(0), 1000);
}

process.on('message', (raw: unknown, handle_: unknown) => {
  const socket = handle_ instanceof Socket ? handle_ : undefined;
  const parsed = RelayToWorker.safeParse(raw);
  if (!parsed.success) {
    log.warn('dropped a bad message from the relay', { error: describeZodError(parsed.error) });
    socket?.destroy();
    return;
  }
  try {
    handle(parsed.data, socket);
  } catch (e) {
    // One socket's trouble must not end the worker and drop every viewer it holds.
    log.error('handling a relay message failed', { k: parsed.data.k, error: (e as Error).message });
    socket?.destroy();
  }
});
// The relay is gone (crashed or killed): its viewers reconnect to whatever comes back.
process.on('disconnect', () => process.exit(0));

const heartbeat = startHeartbeat(heartbeatMs, function* () {
  for (const conn of conns.values()) yield conn.ws;
});

post({ k: 'ready', pid: process.pid });
