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

/**
 * bench:chat-fanout's floor: chat paced as the relay's viewer workers pace it (show-writes.ts), with
 * nothing else to do. A pass starts at most every `periodMs`, goes over the sockets 256 per turn
 * (so frames arriving meanwhile are read) and gives each socket everything it has not had, in one write.
 */
class PacedChat {
  private frames: Buffer[] = [];
  private start = 0;
  private readonly cursors = new Map<net.Socket, number>();
  private passing = false;
  private lastPassAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sockets: Set<net.Socket>) {}

  add(texts: readonly string[], periodMs: number): void {
    for (const t of texts) this.frames.push(encodeTextFrame(Buffer.from(t)));
    this.pace(periodMs);
  }

  private pace(periodMs: number): void {
    if (this.passing || this.timer || this.frames.length === 0) return;
    const wait = this.lastPassAt + periodMs - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pace(periodMs);
      }, wait);
      return;
    }
    this.passing = true;
    this.lastPassAt = performance.now();
    const targets = [...this.sockets];
    const upTo = this.start + this.frames.length;
    let i = 0;
    const slice = () => {
      const end = this.start + this.frames.length;
      const tails = new Map<number, Buffer>();
      for (const stop = Math.min(targets.length, i + 256); i < stop; i++) {
        const s = targets[i]!;
        const from = this.cursors.get(s) ?? this.start;
        if (from >= end) continue;
        let tail = tails.get(from);
        if (!tail) tails.set(from, (tail = Buffer.concat(this.frames.slice(from - this.start))));
        this.cursors.set(s, end);
        s.write(tail);
      }
      if (i < targets.length) return void setImmediate(slice);
      this.frames.splice(0, upTo - this.start);
      this.start = upTo;
      this.passing = false;
      this.pace(periodMs);
    };
    slice();
  }
}

export interface FloorWriter {
  port: number;
  fire(captureMs: number): void;
  /** Chat payloads for the sockets, written in passes at most `periodMs` apart (PacedChat). */
  send(texts: readonly string[], periodMs: number): void;
  close(): void;
}

export async function startFloorWriter(writers: number): Promise<FloorWriter> {
  const local = new Set<net.Socket>();
  const localChat = new PacedChat(local);
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
    send: (texts, periodMs) => (children.length ? children.forEach((c) => c.send({ texts, periodMs })) : localChat.add(texts, periodMs)),
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
  const chat = new PacedChat(sockets);
  process.on('message', (m: unknown, handle: unknown) => {
    if (handle instanceof net.Socket) serve(handle, sockets);
    else if (typeof (m as { captureMs?: unknown }).captureMs === 'number') fire(sockets, (m as { captureMs: number }).captureMs);
    else if (Array.isArray((m as { texts?: unknown }).texts)) chat.add((m as { texts: string[] }).texts, (m as { periodMs: number }).periodMs);
  });
  process.on('disconnect', () => process.exit(0));
}
