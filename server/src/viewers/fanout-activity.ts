/**
 * Whether a cue (any broadcast but chat) is still being written to viewer sockets somewhere (in a
 * viewer worker: from the moment it is posted until the worker acknowledges it). Background work of
 * the relay's main process — the funnel's "saw" rows, thousands per pinned card — waits for a quiet
 * moment, so it never takes a core from a cue's fan-out while viewers are waiting for it; so does
 * the chat the relay hands to the workers (chat-outbox.ts). Chat itself does not count: during a
 * busy show it never stops, and waiting for it only pushed that work to the end of the bounded
 * wait, wherever the next cue happened to be.
 */
export class FanoutActivity {
  private readonly busy = new Set<object>();
  private waiters: (() => void)[] = [];

  /** Whether `by` (a viewer worker) owes any broadcast now. */
  mark(by: object, owesBroadcasts: boolean): void {
    if (owesBroadcasts) return void this.busy.add(by);
    this.busy.delete(by);
    if (!this.quiet) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  get quiet(): boolean {
    return this.busy.size === 0;
  }

  /** Resolves when no broadcast is on its way, or after maxWaitMs whatever happens (a stuck worker must not stop the rest). */
  whenQuiet(maxWaitMs = 2000): Promise<void> {
    if (this.quiet) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, maxWaitMs);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}
