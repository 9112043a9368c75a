/**
 * What a viewer worker writes to a show's sockets, and in what order (docs/chat.md "Delivery").
 * Chat batches go one pass after another, a slice of sockets per turn, so a cue sent meanwhile is
 * written at once instead of after the whole batch; a show's batches that queued up meanwhile go
 * out together, one write per socket. A broadcast (a cue) takes the show's chat that is still to be
 * written along in its own write, before it, so no viewer gets a chat message before an earlier one
 * and a cue never costs the audience a write of its own while chat flows.
 */

/**
 * Sockets a chat pass writes per turn: writing 2,500 sockets takes a worker 30–45 ms, nearly all
 * of it in the kernel (bench:chat-fanout), and a cue must not wait behind all of it.
 */
export const CHAT_SLICE = 256;

export interface ShowWritesDeps<S> {
  /** The show's sockets now. */
  socketsOf(show: string): Iterable<S>;
  write(socket: S, frame: Buffer): void;
  /** Runs the next slice on a later turn (setImmediate), after what arrived meanwhile. */
  later(fn: () => void): void;
  /** A broadcast is written; a whole chat pass's last ack carries its CPU time (ms) for the window. */
  ack(seq: number, cpuMs?: number): void;
  cpuMs(): number;
  now(): number;
  /** One line per chat pass (bench:chat-fanout reads them). */
  passDone?(info: { show: string; sockets: number; batches: number; waitMs: number; passMs: number; cpuMs: number; cut: boolean }): void;
  /** One line per broadcast. */
  broadcastDone?(info: { show: string; sockets: number; chatCarried: number; loopMs: number }): void;
  sliceSize?: number;
}

interface ChatBatch {
  show: string;
  frame: Buffer;
  seq: number;
  at: number;
}

interface Pass<S> {
  show: string;
  frame: Buffer;
  targets: S[];
  i: number;
  /** A broadcast wrote the rest of it. */
  cut: boolean;
}

export class ShowWrites<S> {
  private readonly queue: ChatBatch[] = [];
  private pass: Pass<S> | null = null;
  private stopped = false;

  constructor(private readonly deps: ShowWritesDeps<S>) {}

  chat(show: string, frame: Buffer, seq: number): void {
    this.queue.push({ show, frame, seq, at: this.deps.now() });
    this.next();
  }

  /** A frame for every socket of the show, at once, with the show's unwritten chat before it. */
  broadcast(show: string, frame: Buffer, seq: number): void {
    const queued = this.queue.filter((b) => b.show === show);
    if (queued.length > 0) this.queue.splice(0, this.queue.length, ...this.queue.filter((b) => b.show !== show));
    const t0 = this.deps.now();
    const tail = queued.length > 0 ? Buffer.concat([...queued.map((b) => b.frame), frame]) : frame;
    const p = this.pass?.show === show && this.pass.i < this.pass.targets.length ? this.pass : null;
    const unreached = p ? new Set(p.targets.slice(p.i)) : null;
    const withRest = p ? Buffer.concat([p.frame, tail]) : tail;
    if (p) {
      p.i = p.targets.length;
      p.cut = true;
    }
    let sockets = 0;
    for (const s of this.deps.socketsOf(show)) {
      this.deps.write(s, unreached?.has(s) ? withRest : tail);
      sockets++;
    }
    this.deps.broadcastDone?.({ show, sockets, chatCarried: queued.length + (p ? 1 : 0), loopMs: this.deps.now() - t0 });
    for (const b of queued) this.deps.ack(b.seq);
    this.deps.ack(seq);
  }

  /** Ends the pass in progress at its next turn (the worker is stopping). */
  stop(): void {
    this.stopped = true;
  }

  private next(): void {
    if (this.pass || this.queue.length === 0) return;
    const show = this.queue[0]!.show;
    let n = 1;
    while (n < this.queue.length && this.queue[n]!.show === show) n++;
    const batches = this.queue.splice(0, n);
    const frame = batches.length === 1 ? batches[0]!.frame : Buffer.concat(batches.map((b) => b.frame));
    const t0 = this.deps.now();
    // The sockets of the show now: a viewer who joins meanwhile gets the chat from its history.
    const p: Pass<S> = (this.pass = { show, frame, targets: [...this.deps.socketsOf(show)], i: 0, cut: false });
    const slice = this.deps.sliceSize ?? CHAT_SLICE;
    let cpuMs = 0; // the slices' own, not what ran between them
    const turn = () => {
      const cpu0 = this.deps.cpuMs();
      for (const end = Math.min(p.targets.length, p.i + slice); p.i < end; p.i++) this.deps.write(p.targets[p.i]!, frame);
      cpuMs += this.deps.cpuMs() - cpu0;
      if (p.i < p.targets.length && !this.stopped) return void this.deps.later(turn);
      // A pass a broadcast finished says nothing of what a whole pass costs: no CPU time for the window.
      batches.forEach((b, k) => this.deps.ack(b.seq, k === batches.length - 1 && !p.cut ? cpuMs : undefined));
      this.deps.passDone?.({ show, sockets: p.targets.length, batches: batches.length, waitMs: t0 - batches[0]!.at, passMs: this.deps.now() - t0, cpuMs, cut: p.cut });
      this.pass = null;
      this.next();
    };
    turn();
  }
}
