/**
 * What a viewer worker writes to a show's sockets, and in what order (docs/chat.md "Delivery").
 * Every write to a show's audience goes one pass after another, a slice of sockets per turn, so
 * what arrives meanwhile (a viewer's message, a cue) is read and handled between slices instead of
 * after 2,500 writes. A cue's pass goes before any chat pass. It takes the show's chat that is
 * still to be written along in its own write, before it, and the chat that arrives while it is
 * written, after it: no viewer gets a message before an earlier one, a cue never costs the
 * audience a write of its own while chat flows, and chat never waits for a cue's pass. A show's
 * chat batches that queued up behind another pass go out together, one write per socket.
 */

/**
 * Sockets a pass writes per turn: writing 2,500 sockets takes a worker 30–45 ms, nearly all of it
 * in the kernel (bench:chat-fanout), and neither a cue nor a viewer's message must wait behind all of it.
 */
export const PASS_SLICE = 256;

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
  broadcastDone?(info: { show: string; sockets: number; chatCarried: number; passMs: number; cut: boolean }): void;
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
  targets: S[];
  i: number;
  /** What this pass writes to one of its sockets. */
  frameFor(socket: S): Buffer;
  /** Acknowledged, in order, when the pass is written (or by the pass that finishes it). */
  seqs: number[];
  /** A cue's pass: before any chat pass, and no measure of what chat costs. */
  broadcast: boolean;
  batches: number;
  waitMs: number;
  t0: number;
  cpuMs: number;
}

export class ShowWrites<S> {
  private readonly queue: ChatBatch[] = [];
  /** At most one per show; at most one chat pass in all (the window is fitted to one at a time). */
  private readonly passes = new Map<string, Pass<S>>();
  private scheduled = false;
  private stopped = false;

  constructor(private readonly deps: ShowWritesDeps<S>) {}

  chat(show: string, frame: Buffer, seq: number): void {
    // A cue's pass in progress takes the chat along: its unreached sockets get both in one write.
    if (this.passes.get(show)?.broadcast) return this.overtake(show, frame, [seq], 1);
    this.queue.push({ show, frame, seq, at: this.deps.now() });
    if (this.startChatPass()) this.turn();
  }

  /** A frame for every socket of the show, its first slice at once, with the show's unwritten chat before it. */
  broadcast(show: string, frame: Buffer, seq: number): void {
    const queued = this.takeQueued(show);
    const tail = queued.length > 0 ? Buffer.concat([...queued.map((b) => b.frame), frame]) : frame;
    this.overtake(show, tail, [...queued.map((b) => b.seq), seq], queued.length);
  }

  /**
   * A cue's pass of `tail` over the show's sockets. A pass of the show in progress ends in it: its
   * unreached sockets come first and get the rest of that pass and `tail` in one write.
   */
  private overtake(show: string, tail: Buffer, seqs: number[], chatBatches: number): void {
    const old = this.passes.get(show);
    let frameFor: (s: S) => Buffer = () => tail;
    // The sockets of the show now: a viewer who joins meanwhile gets what it missed from its history.
    let targets = [...this.deps.socketsOf(show)];
    if (old) {
      this.passes.delete(show);
      this.report(old, true);
      const unreached = new Set(old.targets.slice(old.i));
      const joined = new Map<Buffer, Buffer>();
      frameFor = (s) => {
        if (!unreached.has(s)) return tail;
        const rest = old.frameFor(s);
        let both = joined.get(rest);
        if (!both) joined.set(rest, (both = Buffer.concat([rest, tail])));
        return both;
      };
      const here = new Set(targets);
      targets = [...[...unreached].filter((s) => here.has(s)), ...targets.filter((s) => !unreached.has(s))];
      seqs = [...old.seqs, ...seqs];
      chatBatches += old.batches;
    }
    this.passes.set(show, { show, targets, i: 0, frameFor, seqs, broadcast: true, batches: chatBatches, waitMs: 0, t0: this.deps.now(), cpuMs: 0 });
    this.turn();
  }

  /** Ends the passes in progress at their next turn (the worker is stopping). */
  stop(): void {
    this.stopped = true;
  }

  /** Starts the next chat pass if none is running: the first queued show without a pass of its own, all its queued batches in one. */
  private startChatPass(): boolean {
    if ([...this.passes.values()].some((p) => !p.broadcast)) return false;
    const first = this.queue.find((b) => !this.passes.has(b.show));
    if (!first) return false;
    const show = first.show;
    const batches = this.takeQueued(show);
    const frame = batches.length === 1 ? batches[0]!.frame : Buffer.concat(batches.map((b) => b.frame));
    const now = this.deps.now();
    this.passes.set(show, { show, targets: [...this.deps.socketsOf(show)], i: 0, frameFor: () => frame, seqs: batches.map((b) => b.seq), broadcast: false, batches: batches.length, waitMs: now - batches[0]!.at, t0: now, cpuMs: 0 });
    return true;
  }

  /** The show's queued chat batches, in order, out of the queue. */
  private takeQueued(show: string): ChatBatch[] {
    const taken = this.queue.filter((b) => b.show === show);
    if (taken.length > 0) this.queue.splice(0, this.queue.length, ...this.queue.filter((b) => b.show !== show));
    return taken;
  }

  /** One slice of the most urgent pass (a cue's before chat), and the next turn if more is left. */
  private turn(): void {
    const all = [...this.passes.values()];
    const p = all.find((x) => x.broadcast) ?? all[0];
    if (!p) return;
    const cpu0 = this.deps.cpuMs();
    const slice = this.deps.sliceSize ?? PASS_SLICE;
    for (const end = Math.min(p.targets.length, p.i + slice); p.i < end; p.i++) {
      const s = p.targets[p.i]!;
      this.deps.write(s, p.frameFor(s));
    }
    p.cpuMs += this.deps.cpuMs() - cpu0; // the slices' own, not what ran between them
    if (p.i >= p.targets.length || this.stopped) this.finish(p);
    if (this.passes.size === 0 || this.stopped || this.scheduled) return;
    this.scheduled = true;
    this.deps.later(() => {
      this.scheduled = false;
      this.turn();
    });
  }

  private finish(p: Pass<S>): void {
    this.passes.delete(p.show);
    // Only a whole chat pass says what a pass costs: a cue's, or one a cue finished, does not.
    p.seqs.forEach((seq, k) => this.deps.ack(seq, !p.broadcast && k === p.seqs.length - 1 ? p.cpuMs : undefined));
    this.report(p, false);
    this.startChatPass();
  }

  private report(p: Pass<S>, cut: boolean): void {
    const passMs = this.deps.now() - p.t0;
    if (p.broadcast) this.deps.broadcastDone?.({ show: p.show, sockets: p.targets.length, chatCarried: p.batches, passMs, cut });
    else this.deps.passDone?.({ show: p.show, sockets: p.targets.length, batches: p.batches, waitMs: p.waitMs, passMs, cpuMs: p.cpuMs, cut });
  }
}
