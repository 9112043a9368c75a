/**
 * How much of the video the host's overlays (cards, coupon, quiz, poll, results, purchase notices)
 * may cover on a phone held upright. Declared once: Live.tsx hands it to the CSS as `--overlay-share`,
 * where it caps the dock's height, and the phone-layout e2e test measures against it.
 */
export const OVERLAY_SHARE = 0.35;

/** One interaction in the dock: it is shown as a chip, and at most one is expanded on a phone. */
export interface DockEntry {
  readonly key: string;
}

/**
 * Arrival order of the dock's interactions, newest first. `seen` remembers when each key first
 * appeared (a counter, not a clock); keys that have gone are forgotten. Returns the order and the
 * keys that arrived in this call (the newest of them is expanded, as the host just put it up).
 */
export function arrange(seen: Map<string, number>, keys: readonly string[], counter: { n: number }): { order: string[]; arrived: string[] } {
  const arrived: string[] = [];
  for (const k of keys) {
    if (seen.has(k)) continue;
    seen.set(k, ++counter.n);
    arrived.push(k);
  }
  for (const k of [...seen.keys()]) if (!keys.includes(k)) seen.delete(k);
  const order = [...keys].sort((a, b) => seen.get(b)! - seen.get(a)!);
  return { order, arrived };
}
