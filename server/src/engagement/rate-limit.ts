/**
 * Per-viewer token buckets: a normal watch page (a tap on a card, an answer, a vote) never notices,
 * a script hammering the relay with one device id gets `429 rate_limited`. In memory: limits
 * protect this process, and a restart forgetting them is harmless.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly burst = 20,
    private readonly perSecond = 5,
  ) {
    // Idle buckets are full again after burst/perSecond seconds; forgetting them then loses nothing.
    this.sweeper = setInterval(() => this.sweep(Date.now()), 60_000);
    this.sweeper.unref();
  }

  /** false when `key` has used up its burst. */
  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    const full = (this.burst / this.perSecond) * 1000;
    for (const [k, b] of this.buckets) if (now - b.at > full) this.buckets.delete(k);
  }

  stop(): void {
    clearInterval(this.sweeper);
  }
}
