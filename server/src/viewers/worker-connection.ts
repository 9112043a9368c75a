import type { ChildProcess } from 'node:child_process';
import type { ShowFanout } from '../live/live-shows.js';
import type { ViewerInput, ViewerSocket } from './viewer-socket.js';
import type { RelayToWorker } from './worker-protocol.js';

/** One forked viewer worker as the relay sees it; it is also the fan-out for its viewers' shows. */
export class ViewerWorker implements ShowFanout {
  readonly conns = new Map<number, WorkerConnection>();
  /** Sockets handed over whose handshake the worker has not finished yet. */
  readonly pending = new Set<number>();
  ready = false;
  readonly startedAt = Date.now();

  constructor(
    readonly index: number,
    readonly child: ChildProcess,
  ) {}

  get load(): number {
    return this.conns.size + this.pending.size;
  }

  get usable(): boolean {
    return this.ready && this.child.connected;
  }

  post(m: RelayToWorker): void {
    if (this.child.connected) this.child.send(m);
  }

  broadcast(showId: string, frame: Buffer): void {
    this.post({ k: 'broadcast', show: showId, frame });
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
