/**
 * How far apart a show's chat passes start in a viewer worker (show-writes.ts), which is about how
 * long a viewer may wait for a message. Every pass is one write per viewer socket, and on loopback
 * a write costs about 12 µs of a core however small it is (bench:chat-fanout): at 5,000 viewers
 * passes 50 ms apart alone kept both cores of this machine busy, and deliveries queued behind one
 * another. So the period widens until one pass over the audience takes at most CHAT_WRITE_DUTY of a
 * worker's time, leaving the rest to cues, viewers' input and the next pass.
 */
export const CHAT_WRITE_DUTY = 0.4;

/**
 * Where viewer workers pace a show's chat writes (show-writes.ts), the relay gathers messages only
 * this long before handing them over, so a pass under way can still take them to the sockets it
 * has not reached.
 */
export const CHAT_FORWARD_MS = 10;

/**
 * How long chat waits at most for a cue being written to the audience (chat-outbox.ts): a cue's
 * write to 5,000 sockets takes 40–100 ms on a 2-core machine; a stuck worker must not hold chat longer.
 */
export const CHAT_CUE_HOLD_MAX_MS = 250;

/** However large the audience, chat passes are at most this far apart. */
export const CHAT_PERIOD_MAX_MS = 250;

/**
 * The period: the configured one (`RELAY_CHAT_BATCH_MS`), widened to fit the measured CPU time of
 * a pass (ms), in 5 ms steps so it does not change with every pass.
 */
export function chatPassPeriodMs(baseMs: number, passCpuMs: number): number {
  const fitted = Number.isFinite(passCpuMs) && passCpuMs > 0 ? Math.min(CHAT_PERIOD_MAX_MS, Math.ceil(passCpuMs / CHAT_WRITE_DUTY / 5) * 5) : 0;
  return Math.max(baseMs, fitted);
}
