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
export class CommitQueue {
  private pending: Job[] = [];
  private scheduled = false;
  /** Batches committed so far and the largest one: for logs and benchmarks. */
  readonly stats = { batches: 0, jobs: 0, largest: 0 };

  constructor(private readonly db: Db) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the poll phase: every request read in this turn joins the batch.
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
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
