/**
 * Handles the relay's requests a few per event-loop turn (PER_TURN), in arrival order.
 *
 * Why: Node 20's libuv accepts ONE new connection per event-loop turn (`uv__server_io` calls
 * accept() once per wake-up). In a flash sale every warm keep-alive socket is readable at once,
 * and a turn that runs every ready request's handler lasts 50–200 ms on these 2 cores, so a buyer
 * who opens a new connection (a phone retrying on a bad network) waits in the kernel's accept
 * queue one turn per connection ahead of it: measured, 200 retry connections established by the
 * kernel within 1.1 s were accepted by the relay 2.1–2.3 s after the first (docs/benchmarks.md,
 * flash-sale carts mode). Parsing a request's head stays in the poll phase (cheap); parsing its
 * body and running its handler wait for a turn, so a turn lasts a few requests (≈ 2 ms) and the
 * next connection is accepted a turn later, not after every request already read.
 */
/**
 * Handlers started per turn: 1 would accept a connection per request but pays a turn (a poll, the
 * immediates) per request, which tipped the cart sale past one core at load 0.2 (0.43 → 0.46–0.53
 * ms of CPU a request); 4 keeps a turn near 2 ms, so new connections are still taken ~500 a second.
 */
export const PER_TURN = 4;

export class RequestTurns {
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly perTurn = PER_TURN) {}
  /** A turn is taken: its setImmediate ends it (and starts the next waiting handler, if any). */
  private taken = false;

  /** Handlers waiting for their turn (the commit queue holds its batch while there are any). */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Resolves when it is this request's turn: at once if no turn is running, else after the ones before it. */
  turn(): Promise<void> {
    if (!this.taken && this.waiting.length === 0) {
      this.take();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private take(): void {
    this.taken = true;
    // An immediate queued during the check phase runs in the next turn: the next PER_TURN handlers start there.
    setImmediate(this.next);
  }

  private readonly next = (): void => {
    this.taken = false;
    if (this.waiting.length === 0) return;
    this.take();
    for (const resolve of this.waiting.splice(0, this.perTurn)) resolve();
  };
}
