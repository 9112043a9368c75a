import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import type { BroadcastLane } from '../live/audience.js';
import type { ShowFanout } from '../live/live-shows.js';
import type { FanoutActivity } from './fanout-activity.js';
import type { ViewerInput, ViewerSocket } from './viewer-socket.js';
import type { RelayToWorker } from './worker-protocol.js';

type Upgrade = Extract<RelayToWorker, { k: 'upgrade' }>;
/**
 * Node holds every later IPC message to a worker until a socket sent to it is acknowledged, so
 * sockets go a couple at a time and the rest wait here: a cue never queues behind a join storm.
 */
const HANDOFFS_IN_FLIGHT = 2;

/** One forked viewer worker as the relay sees it; it is also the fan-out for its viewers' shows. */
export class ViewerWorker implements ShowFanout {
  readonly conns = new Map<number, WorkerConnection>();
  /** Sockets sent whose handshake the worker has not reported yet (with the viewer's address), and those waiting to be sent. */
  private readonly inFlight = new Map<number, string>();
  private waiting: { m: Upgrade; socket: Socket; address: string }[] = [];
  private nextWaiting = 0;
  /** Broadcasts and pings the worker has not acknowledged yet, oldest first. */
  /** `cue`: a broadcast outside the chat lane, which background work waits for (FanoutActivity). */
  private readonly unacked: { seq: number; at: number; broadcast: boolean; cue?: boolean; onWritten?: (at: number) => void }[] = [];
  private seq = 0;
  ready = false;
  readonly startedAt = Date.now();

  constructor(
    readonly index: number,
    readonly child: ChildProcess,
    private readonly activity: FanoutActivity | null = null,
  ) {}

  get load(): number {
    return this.conns.size + this.inFlight.size + this.waiting.length - this.nextWaiting;
  }

  handOff(m: Upgrade, socket: Socket, address: string): void {
    this.waiting.push({ m, socket, address });
    this.pump();
  }

  /** The worker finished (or refused) a handshake: the viewer's address, or null if it was not one of ours. */
  settled(c: number): string | null {
    const address = this.inFlight.get(c) ?? null;
    this.inFlight.delete(c);
    this.pump();
    return address;
  }

  private pump(): void {
    while (this.inFlight.size < HANDOFFS_IN_FLIGHT && this.nextWaiting < this.waiting.length) {
      const { m, socket, address } = this.waiting[this.nextWaiting++]!;
      if (!this.child.connected) {
        socket.destroy();
        continue;
      }
      this.inFlight.set(m.c, address);
      this.child.send(m, socket, (err: Error | null) => {
        if (!err) return;
        socket.destroy();
        this.settled(m.c);
      });
    }
    if (this.nextWaiting === this.waiting.length) {
      this.waiting = [];
      this.nextWaiting = 0;
    }
  }

  /** The worker is gone: sockets not yet handed over are closed (the viewers retry). */
  dropWaiting(): void {
    for (let i = this.nextWaiting; i < this.waiting.length; i++) this.waiting[i]!.socket.destroy();
    this.waiting = [];
    this.nextWaiting = 0;
    this.inFlight.clear();
  }

  get usable(): boolean {
    return this.ready && this.child.connected;
  }

  post(m: RelayToWorker): void {
    if (this.child.connected) this.child.send(m);
  }

  broadcast(showId: string, frame: Buffer, onWritten?: (at: number) => void, lane: BroadcastLane = 'live'): void {
    if (!this.child.connected) return;
    const seq = this.seq++;
    this.unacked.push({ seq, at: Date.now(), broadcast: true, cue: lane !== 'chat', onWritten });
    // Chat flows all through a busy show; only a cue makes background work wait.
    if (lane !== 'chat') this.activity?.mark(this, true);
    this.child.send({ k: 'broadcast', seq, show: showId, frame, ...(lane === 'chat' ? { lane } : {}) } satisfies RelayToWorker);
  }

  /** Asks the worker to answer, unless it already owes an answer (that one will tell). */
  ping(): void {
    if (!this.child.connected || this.unacked.length > 0) return;
    const seq = this.seq++;
    this.unacked.push({ seq, at: Date.now(), broadcast: false });
    this.child.send({ k: 'ping', seq } satisfies RelayToWorker);
  }

  /**
   * The worker has written broadcast seq, or answered ping seq and so handled every earlier
   * message (it handles them in order). A broadcast is acknowledged by its own seq only: the
   * worker writes it in slices (show-writes.ts), and a later ack may come before it is written.
   */
  acked(seq: number): void {
    const now = Date.now();
    const done = this.unacked.filter((u) => u.seq === seq || (!u.broadcast && u.seq < seq));
    if (done.length === 0) return;
    for (const u of done) this.unacked.splice(this.unacked.indexOf(u), 1);
    for (const u of done) u.onWritten?.(now);
    this.activity?.mark(this, this.unacked.some((u) => u.cue));
  }

  /** How long the oldest unanswered broadcast or ping has waited (0 when none). */
  lagMs(now = Date.now()): number {
    return this.unacked.length > 0 ? now - this.unacked[0]!.at : 0;
  }

  /** Broadcasts and pings sent and not answered yet. */
  get backlog(): number {
    return this.unacked.length;
  }

  /** The worker is gone: nothing it owed will come. */
  released(): void {
    this.unacked.length = 0;
    this.activity?.mark(this, false);
  }
}

/**
 * A viewer socket held by a worker. Everything the relay sends it (unicasts and, through the
 * worker, broadcasts) goes down the one IPC channel, so the viewer gets it in order.
 */
export class WorkerConnection implements ViewerSocket {
  private inputListener: ((input: ViewerInput) => void) | null = null;
  private readonly closeListeners: (() => void)[] = [];
  private isOpen = true;
  private ended = false;

  constructor(
    private readonly worker: ViewerWorker,
    readonly id: number,
    readonly address: string,
  ) {}

  get open(): boolean {
    return this.isOpen;
  }

  get fanout(): ShowFanout {
    return this.worker;
  }

  send(text: string): void {
    if (this.isOpen) this.worker.post({ k: 'send', c: this.id, text });
  }

  sendFrame(frame: Buffer): void {
    if (this.isOpen) this.worker.post({ k: 'frame', c: this.id, frame });
  }

  join(showId: string): void {
    if (this.isOpen) this.worker.post({ k: 'join', c: this.id, show: showId });
  }

  close(code: number, reason: string): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.worker.post({ k: 'close', c: this.id, code, reason });
  }

  onInput(listener: (input: ViewerInput) => void): void {
    this.inputListener = listener;
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** What the viewer said, as the worker forwarded it (the viewer channel checks it all again). */
  input(input: ViewerInput): void {
    if (this.isOpen) this.inputListener?.(input);
  }

  /** The socket is gone: closed by either side, or its worker died. */
  gone(): void {
    if (this.ended) return;
    this.ended = true;
    this.isOpen = false;
    for (const listener of this.closeListeners) listener();
  }
}
