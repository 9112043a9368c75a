interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token bucket per viewer (default: 10 calls a second, bursts of 20). A person tapping, even fast,
 * stays far below it; a script hammering checkout or claims gets `rate_limited` instead of the
 * relay's time. Buckets idle long enough to be full again are dropped, so memory follows activity.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly perSecond = 10,
    private readonly burst = 20,
  ) {
    this.sweep = setInterval(() => this.prune(), 60_000);
    this.sweep.unref();
  }

  /** Takes one token; false = over the limit. */
  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key);
    if (!b) {
      this.buckets.set(key, { tokens: this.burst - 1, at: now });
      return true;
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private prune(now = Date.now()): void {
    const full = (this.burst / this.perSecond) * 1000;
    for (const [k, b] of this.buckets) if (now - b.at > full) this.buckets.delete(k);
  }

  stop(): void {
    clearInterval(this.sweep);
  }
}
