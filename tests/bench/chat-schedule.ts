/**
 * The chat storm's clock: message k is due periodMs × k after the start; each is sent when due
 * (several at once if this process fell behind, each stamped when it actually goes out, so a late
 * send never counts as latency). Bounded: `count` messages, and at most count × periodMs + 10 s.
 * Resolves with how many were sent.
 */
export async function onSchedule(count: number, periodMs: number, due: (k: number) => void): Promise<number> {
  const t0 = performance.now();
  const deadline = t0 + count * periodMs + 10_000;
  let k = 0;
  while (k < count && performance.now() < deadline) {
    const wait = t0 + k * periodMs - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (k < count && t0 + k * periodMs <= performance.now()) due(k++);
  }
  return k;
}
