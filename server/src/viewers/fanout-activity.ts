/**
 * Whether a broadcast is still being written to viewer sockets somewhere (in a viewer worker:
 * from the moment it is posted until the worker acknowledges it). Background work of the relay's
 * main process — the funnel's "saw" rows, thousands per pinned card — waits for a quiet moment,
 * so it never takes a core from a cue's fan-out while viewers are waiting for it.
 */
export class FanoutActivity {
  private readonly busy = new Map<object, number>();
  private waiters: (() => void)[] = [];

  /** A broadcast went out through `by` (one per worker). */
  started(by: object): void {
    this.busy.set(by, (this.busy.get(by) ?? 0) + 1);
  }

  /** `by` finished `count` broadcasts (or all of them: it is gone). */
  finished(by: object, count = Infinity): void {
    const left = (this.busy.get(by) ?? 0) - count;
    if (left > 0) this.busy.set(by, left);
    else this.busy.delete(by);
    if (this.quiet) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
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
