/**
 * Handles the relay's requests one per event-loop turn, in arrival order.
 *
 * Why: Node 20's libuv accepts ONE new connection per event-loop turn (`uv__server_io` calls
 * accept() once per wake-up). In a flash sale every warm keep-alive socket is readable at once,
 * and a turn that runs every ready request's handler lasts 50–200 ms on these 2 cores, so a buyer
 * who opens a new connection (a phone retrying on a bad network) waits in the kernel's accept
 * queue one turn per connection ahead of it: measured, 200 retry connections established by the
 * kernel within 1.1 s were accepted by the relay 2.1–2.3 s after the first (docs/benchmarks.md,
 * flash-sale carts mode). Parsing a request's head stays in the poll phase (cheap); parsing its
 * body and running its handler wait for a turn, so a turn lasts about one request and the next
 * connection is accepted a turn later, not after every request already read.
 */
export class RequestTurns {
  private readonly waiting: (() => void)[] = [];
  /** A turn is taken: its setImmediate ends it (and starts the next waiting handler, if any). */
  private taken = false;

  /** Handlers waiting for their turn (the commit queue holds its batch while there are any). */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Resolves when it is this request's turn: at once if the turn is free, else after the ones before it. */
  turn(): Promise<void> {
    if (!this.taken && this.waiting.length === 0) {
      this.take();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private take(): void {
    this.taken = true;
    // An immediate queued during the check phase runs in the next turn: one handler per turn.
    setImmediate(this.next);
  }

  private readonly next = (): void => {
    this.taken = false;
    const resolve = this.waiting.shift();
    if (!resolve) return;
    this.take();
    resolve();
  };
}
