/**
 * What a viewer worker writes to a show's sockets, and when (docs/chat.md "Delivery").
 *
 * Each show keeps a log of the frames sent to its audience and, per socket, how far into it that
 * socket has been written. A pass goes over the show's sockets a slice per turn and gives each one
 * everything of the log it has not had yet, in one write. So what arrives while a pass runs still
 * reaches the sockets the pass has not reached, and a socket waits for a message at most until the
 * pass comes round to it again, not for a window to close and then for a whole pass.
 *
 * Chat passes are paced: a show's next one starts at least `periodMs` after its last pass began,
 * a period that widens with what a pass costs (chat-window.ts), so chat takes a bounded share of
 * the worker. A cue (any broadcast not in the chat lane) starts a pass at once, before any chat
 * pass, the show's unwritten chat going before it in the same write; a chat pass it overtakes is
 * taken over (its unreached sockets first).
 */

/**
 * Sockets a pass writes per turn: writing 2,500 sockets takes a worker 30–45 ms, nearly all of it
 * in the kernel (bench:chat-fanout), and neither a cue nor a viewer's message must wait behind all of it.
 */
export const PASS_SLICE = 256;

/** Each chat pass moves the smoothed pass cost this far towards itself: a few passes follow a growing audience. */
const PASS_SMOOTHING = 0.3;

export interface ShowWritesDeps<S> {
  write(socket: S, frame: Buffer): void;
  /** Runs the next slice on a later turn (setImmediate), after what arrived meanwhile. */
  later(fn: () => void): void;
  /** Runs fn after ms (a timer): the next paced chat pass. */
  after(ms: number, fn: () => void): void;
  /** Every socket of the show has been written this broadcast (seq), or has left. */
  ack(seq: number): void;
  cpuMs(): number;
  now(): number;
  /** How far apart a show's chat passes start, given the smoothed CPU time (ms) of one (0 before the first). */
  periodMs(passCpuMs: number): number;
  /** One line per pass (bench:chat-fanout reads the chat ones). */
  passDone?(info: PassInfo): void;
  sliceSize?: number;
}

export interface PassInfo {
  show: string;
  /** A cue's pass (written at once) or a paced chat pass. */
  urgent: boolean;
  sockets: number;
  /** Sockets that had something new and got a write. */
  written: number;
  /** How long the oldest frame it carried had waited for the pass to begin (ms). */
  waitMs: number;
  passMs: number;
  cpuMs: number;
  /** Taken over by a cue's pass before it reached every socket. */
  cut: boolean;
  /** The period the show's chat passes were paced at when it began (ms). */
  periodMs: number;
}

interface Pass<S> {
  targets: S[];
  i: number;
  urgent: boolean;
  /** The log's end when the pass began: every socket has everything before it once the pass is done. */
  upTo: number;
  t0: number;
  cpuMs: number;
  written: number;
  waitMs: number;
  periodMs: number;
}

interface ShowLog<S> {
  show: string;
  /** Frames not yet written to every socket; frames[k] is the log's entry `start + k`. */
  frames: Buffer[];
  seqs: number[];
  arrived: number[];
  start: number;
  /** Per socket, the log entry it gets next. */
  cursors: Map<S, number>;
  pass: Pass<S> | null;
  /** The log's end when the latest pass began: what a pass still has to cover lies beyond it. */
  issued: number;
  lastPassAt: number;
  timer: boolean;
  passCpuMs: number;
  /** The concatenated frames from an entry to the log's end, for the sockets of one turn (they mostly share it). */
  tails: Map<number, Buffer>;
}

export class ShowWrites<S> {
  private readonly logs = new Map<string, ShowLog<S>>();
  private readonly showOf = new Map<S, ShowLog<S>>();
  private scheduled = false;
  private stopped = false;

  constructor(private readonly deps: ShowWritesDeps<S>) {}

  /** The socket watches the show from now on: it gets what is sent from now (its history comes from the relay). */
  join(show: string, socket: S): void {
    this.leave(socket);
    const log = this.logOf(show);
    log.cursors.set(socket, log.start + log.frames.length);
    this.showOf.set(socket, log);
  }

  leave(socket: S): void {
    const log = this.showOf.get(socket);
    if (!log) return;
    this.showOf.delete(socket);
    log.cursors.delete(socket);
    if (log.cursors.size === 0 && !log.pass) this.drop(log);
  }

  /** Chat: written by the show's next paced pass, or by the pass under way if it has not reached the socket yet. */
  chat(show: string, frame: Buffer, seq: number): void {
    const log = this.append(show, frame, seq);
    if (log) this.pace(log);
  }

  /** A cue: a pass over every socket of the show at once, the show's unwritten chat before it. */
  broadcast(show: string, frame: Buffer, seq: number): void {
    const log = this.append(show, frame, seq);
    if (!log || this.stopped) return;
    const old = log.pass;
    let targets = [...log.cursors.keys()];
    if (old) {
      this.report(log, old, true);
      const unreached = new Set(old.targets.slice(old.i));
      targets = [...targets.filter((s) => unreached.has(s)), ...targets.filter((s) => !unreached.has(s))];
    }
    this.begin(log, targets, true);
    this.turn();
  }

  /** Ends the passes in progress at their next turn without writing more (the worker is stopping). */
  stop(): void {
    this.stopped = true;
  }

  private logOf(show: string): ShowLog<S> {
    let log = this.logs.get(show);
    if (!log) {
      log = { show, frames: [], seqs: [], arrived: [], start: 0, cursors: new Map(), pass: null, issued: 0, lastPassAt: -Infinity, timer: false, passCpuMs: 0, tails: new Map() };
      this.logs.set(show, log);
    }
    return log;
  }

  /** The frame joins the show's log; with no socket to write, it is written already. */
  private append(show: string, frame: Buffer, seq: number): ShowLog<S> | null {
    const log = this.logs.get(show);
    if (!log || log.cursors.size === 0) {
      this.deps.ack(seq);
      return null;
    }
    log.frames.push(frame);
    log.seqs.push(seq);
    log.arrived.push(this.deps.now());
    log.tails.clear();
    return log;
  }

  /** Starts the show's chat pass when its period has passed, unless one is under way or due. */
  private pace(log: ShowLog<S>): void {
    if (log.pass || log.timer || this.stopped || log.issued >= log.start + log.frames.length) return;
    const wait = log.lastPassAt + this.deps.periodMs(log.passCpuMs) - this.deps.now();
    if (wait <= 0) {
      this.begin(log, [...log.cursors.keys()], false);
      return this.turn();
    }
    log.timer = true;
    this.deps.after(wait, () => {
      log.timer = false;
      if (this.logs.get(log.show) === log) this.pace(log);
    });
  }

  private begin(log: ShowLog<S>, targets: S[], urgent: boolean): void {
    const now = this.deps.now();
    const upTo = log.start + log.frames.length;
    const oldest = log.issued - log.start;
    const waitMs = oldest >= 0 && oldest < log.arrived.length ? now - log.arrived[oldest]! : 0;
    log.pass = { targets, i: 0, urgent, upTo, t0: now, cpuMs: 0, written: 0, waitMs, periodMs: this.deps.periodMs(log.passCpuMs) };
    log.issued = upTo;
    log.lastPassAt = now;
  }

  /** One slice of the most urgent pass (a cue's before chat), and the next turn if more is left. */
  private turn(): void {
    if (this.stopped) {
      for (const l of this.logs.values()) if (l.pass) this.finish(l, l.pass);
      return;
    }
    let log: ShowLog<S> | undefined;
    for (const l of this.logs.values()) if (l.pass && (!log || (l.pass.urgent && !log.pass!.urgent))) log = l;
    if (!log) return;
    const p = log.pass!;
    const cpu0 = this.deps.cpuMs();
    const slice = this.deps.sliceSize ?? PASS_SLICE;
    for (const end = Math.min(p.targets.length, p.i + slice); p.i < end; p.i++) {
      if (this.writeTo(log, p.targets[p.i]!)) p.written++;
    }
    p.cpuMs += this.deps.cpuMs() - cpu0; // the slices' own, not what ran between them
    if (p.i >= p.targets.length) this.finish(log, p);
    if (this.scheduled || ![...this.logs.values()].some((l) => l.pass)) return;
    this.scheduled = true;
    this.deps.later(() => {
      this.scheduled = false;
      this.turn();
    });
  }

  /** Everything of the log the socket has not had, in one write; false when it had it all (or left). */
  private writeTo(log: ShowLog<S>, socket: S): boolean {
    const from = log.cursors.get(socket);
    const end = log.start + log.frames.length;
    if (from === undefined || from >= end) return false;
    let tail = log.tails.get(from);
    if (!tail) {
      const k = from - log.start;
      tail = k === log.frames.length - 1 ? log.frames[k]! : Buffer.concat(log.frames.slice(k));
      log.tails.set(from, tail);
    }
    log.cursors.set(socket, end);
    this.deps.write(socket, tail);
    return true;
  }

  private finish(log: ShowLog<S>, p: Pass<S>): void {
    log.pass = null;
    // Cut short because the worker is stopping: its sockets are being closed, nothing is written any more.
    if (p.i < p.targets.length) return this.report(log, p, true);
    // Every socket now has the log up to where the pass began (one that joined since had it already).
    const done = p.upTo - log.start;
    for (const seq of log.seqs.slice(0, done)) this.deps.ack(seq);
    log.frames.splice(0, done);
    log.seqs.splice(0, done);
    log.arrived.splice(0, done);
    log.start = p.upTo;
    log.tails.clear();
    if (!p.urgent && p.written > 0) log.passCpuMs = log.passCpuMs === 0 ? p.cpuMs : log.passCpuMs + PASS_SMOOTHING * (p.cpuMs - log.passCpuMs);
    this.report(log, p, false);
    if (log.cursors.size === 0) return this.drop(log);
    this.pace(log);
  }

  /** The show has no socket left here: what it still held is written to nobody, so acknowledged. */
  private drop(log: ShowLog<S>): void {
    for (const seq of log.seqs) this.deps.ack(seq);
    this.logs.delete(log.show);
  }

  private report(log: ShowLog<S>, p: Pass<S>, cut: boolean): void {
    this.deps.passDone?.({ show: log.show, urgent: p.urgent, sockets: p.targets.length, written: p.written, waitMs: p.waitMs, passMs: this.deps.now() - p.t0, cpuMs: p.cpuMs, cut, periodMs: p.periodMs });
  }
}
