/**
 * The floor under bench:cue-fanout (BENCH_FLOOR=1): the same load generator against a bare
 * WebSocket writer with no relay behind it — accept, handshake, a welcome, then one prebuilt
 * stage-sized frame per cue written to every socket, from this process or from `writers` forked
 * processes. What it measures is what one TCP write per viewer costs on this machine, with the
 * load generator on the same cores; no relay design that writes to each viewer can beat it.
 * Loopback only; bounded like the benchmark (N ≤ 20,000, the cues it is told to fire).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { encodeTextFrame } from '../../server/src/ws/text-frame.js';
import { percentile, round1 } from '../helpers/stats.js';
import { clock, LOAD, openViewers } from './fanout-load.js';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const WELCOME = encodeTextFrame(Buffer.from('{"type":"welcome"}'));
const PAD = 'x'.repeat(520); // about the size of a stage message with one pinned card

/** Completes the handshake on a raw socket, welcomes the viewer after its first message, then keeps it. */
function serve(socket: net.Socket, sockets: Set<net.Socket>): void {
  socket.setNoDelay(true);
  let head = '';
  let upgraded = false;
  socket.on('data', (chunk) => {
    if (upgraded) {
      if (!sockets.has(socket)) {
        sockets.add(socket);
        socket.write(WELCOME); // the hello arrived
      }
      return; // pongs and the rest are ignored
    }
    head += chunk.toString('latin1');
    const key = /sec-websocket-key: *(\S+)/i.exec(head)?.[1];
    if (!head.includes('\r\n\r\n') || !key) return;
    upgraded = true;
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  });
  socket.on('error', () => undefined);
  socket.on('close', () => sockets.delete(socket));
}

function fire(sockets: Set<net.Socket>, captureMs: number): void {
  broadcast(sockets, [`{"type":"stage","captureMs":${captureMs},"pad":"${PAD}"}`]);
}

/** The texts as back-to-back frames, one write per socket (as the relay batches chat). */
function broadcast(sockets: Set<net.Socket>, texts: readonly string[]): void {
  const frame = Buffer.concat(texts.map((t) => encodeTextFrame(Buffer.from(t))));
  for (const s of sockets) s.write(frame);
}

export interface FloorWriter {
  port: number;
  fire(captureMs: number): void;
  /** Writes these payloads as back-to-back text frames, one write per socket (bench:chat-fanout's chat batches). */
  send(texts: readonly string[]): void;
  close(): void;
}

export async function startFloorWriter(writers: number): Promise<FloorWriter> {
  const local = new Set<net.Socket>();
  const children: ChildProcess[] = Array.from({ length: writers }, () => fork(fileURLToPath(import.meta.url), ['writer'], { serialization: 'advanced' }));
  let next = 0;
  const server = net.createServer((socket) => {
    if (children.length === 0) return serve(socket, local);
    // As the relay does: stop reading before the hand-over, or bytes read meanwhile are lost.
    (socket as net.Socket & { _handle?: { readStop(): number } })._handle?.readStop();
    children[next++ % children.length]!.send('socket', socket);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    fire: (captureMs) => (children.length ? children.forEach((c) => c.send({ captureMs })) : fire(local, captureMs)),
    send: (texts) => (children.length ? children.forEach((c) => c.send({ texts })) : broadcast(local, texts)),
    close() {
      children.forEach((c) => c.kill('SIGKILL'));
      server.close();
      for (const s of local) s.destroy();
    },
  };
}

/** Fires `cues` frames `gapMs` apart at n viewers of a bare writer and reports their latencies. */
export async function runFloor(n: number, writers: number, cues: number, gapMs: number, loadProcesses: number) {
  const floor = await startFloorWriter(writers);
  try {
    const load = await openViewers(`ws://127.0.0.1:${floor.port}/ws/watch`, 'floor', n, loadProcesses);
    try {
      await new Promise((r) => setTimeout(r, 2500));
      for (let i = 0; i < cues; i++) {
        floor.fire(clock());
        await new Promise((r) => setTimeout(r, gapMs));
      }
      const { latencies } = await load.report();
      const result = { viewers: n, writers, load: LOAD.kind, n: latencies.length, p50: round1(percentile(latencies, 50)), p95: round1(percentile(latencies, 95)), p99: round1(percentile(latencies, 99)) };
      console.log(`floor (no relay) ${n} viewers, ${writers || 'no'} writer processes: ${result.n}/${n * cues} deliveries, p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms`);
      return result;
    } finally {
      load.kill();
    }
  } finally {
    floor.close();
  }
}

if (process.argv[2] === 'writer') {
  const sockets = new Set<net.Socket>();
  process.on('message', (m: unknown, handle: unknown) => {
    if (handle instanceof net.Socket) serve(handle, sockets);
    else if (typeof (m as { captureMs?: unknown }).captureMs === 'number') fire(sockets, (m as { captureMs: number }).captureMs);
    else if (Array.isArray((m as { texts?: unknown }).texts)) broadcast(sockets, (m as { texts: string[] }).texts);
  });
  process.on('disconnect', () => process.exit(0));
}
