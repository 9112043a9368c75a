interface Slot<T> {
  pending: T | undefined;
  last: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Coalesces a stream of changes per key into at most one send per `intervalMs`. The first change
 * after a quiet spell goes out at once (no needless delay); changes inside the interval merge into
 * one send at its end. `urgent` sends now (a line reaching 0 stock: everyone sees Sold out together).
 */
export class Throttle<T> {
  private readonly slots = new Map<string, Slot<T>>();

  constructor(
    private readonly intervalMs: number,
    private readonly merge: (pending: T | undefined, next: T) => T,
    private readonly send: (key: string, batch: T) => void,
  ) {}

  push(key: string, change: T, urgent = false): void {
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = { pending: undefined, last: 0, timer: null }));
    slot.pending = this.merge(slot.pending, change);
    const wait = slot.last + this.intervalMs - Date.now();
    if (urgent || (wait <= 0 && !slot.timer)) return this.flush(key, slot);
    if (!slot.timer) {
      slot.timer = setTimeout(() => this.flush(key, slot), Math.max(0, wait));
      slot.timer.unref();
    }
  }

  private flush(key: string, slot: Slot<T>): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const batch = slot.pending;
    slot.pending = undefined;
    slot.last = Date.now();
    if (batch !== undefined) this.send(key, batch);
  }

  stop(): void {
    for (const slot of this.slots.values()) if (slot.timer) clearTimeout(slot.timer);
    this.slots.clear();
  }
}
