import type { Db } from '../db/database.js';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. Every order and claim must be durable (WAL, synchronous=FULL: one fsync per
 * commit) before it is acknowledged. Work submitted during one turn of the event loop runs in
 * ONE transaction, each job inside its own savepoint (a refused order rolls back only itself),
 * and every promise settles only after that transaction committed. A burst of buyers therefore
 * costs one fsync per batch instead of one per order, and no answer goes out before its commit.
 * better-sqlite3 is synchronous, so a batch cannot interleave with other writes on this connection.
 */
/** How long a job that may wait (a quiz answer, a poll vote) waits for others to share its fsync. */
export const LINGER_MS = 100;
/**
 * How long a batch may wait while requests are still queued for their turn (RequestTurns): the
 * relay handles one request per event-loop turn, so without holding, every order placed in a
 * burst would be its own fsync (8–50 ms each, blocking the loop); with it, the orders of the
 * queued requests share one.
 */
export const HOLD_WHILE_BUSY_MS = 20;

export class CommitQueue {
  private pending: Job[] = [];
  private scheduled = false;
  private lingering: NodeJS.Timeout | null = null;
  /** Batches committed so far and the largest one: for logs and benchmarks. */
  readonly stats = { batches: 0, jobs: 0, largest: 0 };

  /**
   * `busy`: requests are waiting to be handled (their orders would join this batch if it waits a little).
   * `holdMs`: the cap on that wait (a test holds without a cap, so a slow machine's turns cannot end it).
   */
  constructor(
    private readonly db: Db,
    private readonly busy: () => boolean = () => false,
    private readonly holdMs = HOLD_WHILE_BUSY_MS,
  ) {}

  private heldSince = 0;

  /**
   * `linger`: the job may wait up to LINGER_MS for company. Answers and votes trickling in one per
   * event-loop turn during a flash sale otherwise cost one fsync each, and better-sqlite3's fsync
   * blocks the loop (a commit is 8 ms here at the median, up to 50 ms under load; 150 answers
   * spread over a flash sale's second took ~100 commits and multiplied the buyers' latency). Any job that does not linger flushes the lingering ones with it.
   */
  run<T>(work: () => T, linger = false): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (this.scheduled) return;
      if (linger) {
        this.lingering ??= setTimeout(() => this.schedule(), LINGER_MS);
        return;
      }
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.heldSince = performance.now();
    // setImmediate runs after the poll phase: every request read in this turn joins the batch.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    if (this.busy() && performance.now() - this.heldSince < this.holdMs) {
      setImmediate(() => this.flush()); // the next turn; a request handled there may join
      return;
    }
    this.scheduled = false;
    if (this.lingering) clearTimeout(this.lingering);
    this.lingering = null;
    const jobs = this.pending;
    this.pending = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const job of jobs) {
          try {
            // A nested better-sqlite3 transaction is a SAVEPOINT: a throw undoes this job only.
            outcomes.push({ ok: true, value: this.db.transaction(job.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is stored.
      for (const job of jobs) job.reject(error);
      return;
    }
    this.stats.batches += 1;
    this.stats.jobs += jobs.length;
    this.stats.largest = Math.max(this.stats.largest, jobs.length);
    jobs.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  }
}
