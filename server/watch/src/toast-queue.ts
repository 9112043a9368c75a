/**
 * Purchase notices: a few seconds each, never more than `maxVisible` on screen, the rest wait their
 * turn. In a burst the queue keeps only the newest few, so the notices never trail the show by
 * minutes. Time is passed in, so the rules are tested without timers.
 */
export interface Toast<T> {
  id: number;
  item: T;
  /** When it leaves the screen (set once it is shown). */
  until: number;
}

export interface ToastQueueOptions {
  maxVisible?: number;
  showMs?: number;
  /** Waiting notices beyond this are dropped, oldest first. */
  maxWaiting?: number;
}

export class ToastQueue<T> {
  private shown: Toast<T>[] = [];
  private waiting: T[] = [];
  private nextId = 1;
  readonly maxVisible: number;
  readonly showMs: number;
  readonly maxWaiting: number;

  constructor(opts: ToastQueueOptions = {}) {
    this.maxVisible = opts.maxVisible ?? 2;
    this.showMs = opts.showMs ?? 4_000;
    this.maxWaiting = opts.maxWaiting ?? 4;
  }

  get visible(): readonly Toast<T>[] {
    return this.shown;
  }

  get pending(): number {
    return this.waiting.length;
  }

  push(items: readonly T[], now: number): void {
    this.waiting = [...this.waiting, ...items];
    this.tick(now);
    this.waiting = this.waiting.slice(-this.maxWaiting);
  }

  /** Removes what has had its time and brings in what waits. Returns true when the screen changed. */
  tick(now: number): boolean {
    const before = this.shown;
    let shown = this.shown.filter((t) => t.until > now);
    while (shown.length < this.maxVisible && this.waiting.length) {
      const [item, ...rest] = this.waiting;
      this.waiting = rest;
      shown = [...shown, { id: this.nextId++, item: item as T, until: now + this.showMs }];
    }
    const changed = shown.length !== before.length || shown.some((t, i) => t !== before[i]);
    if (changed) this.shown = shown;
    return changed;
  }

  /** When the next change is due (to set one timer), or null when nothing is on screen. */
  nextChangeAt(): number | null {
    if (!this.shown.length) return null;
    return Math.min(...this.shown.map((t) => t.until));
  }

  clear(): void {
    this.shown = [];
    this.waiting = [];
  }
}
