import { MAX_SIGNAL_MESSAGE_BYTES } from '../../../common/limits.js';
import type { RelayToViewer } from '../../../common/protocol/viewer.js';
import type { ViewerInput } from './viewer-socket.js';

/** Per-socket budget: a burst of 20 messages, refilled at 10 per second (a watch page sends a handful a minute). */
export const INPUT_BURST = 20;
export const INPUT_REFILL_PER_SEC = 10;
/**
 * Messages refused over budget (each answered rate_limited) before the socket is closed 1008:
 * a page that bursts once gets told; a script that floods is cut after a few dozen frames.
 */
export const MAX_REFUSED = 20;

export type Admission = 'pass' | 'refuse' | 'close';

/**
 * The budget of one viewer socket, applied where the socket lives (a viewer worker or the relay
 * itself), so a flood is refused and cut there and never crosses to the relay's main process.
 */
export class InputGuard {
  private tokens = INPUT_BURST;
  private refused = 0;
  private last: number;

  constructor(private readonly now: () => number = Date.now) {
    this.last = now();
  }

  admit(): Admission {
    const t = this.now();
    const refill = ((t - this.last) / 1000) * INPUT_REFILL_PER_SEC;
    this.last = t;
    this.tokens = Math.min(INPUT_BURST, this.tokens + refill);
    this.refused = Math.max(0, this.refused - refill);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'pass';
    }
    this.refused += 1;
    return this.refused > MAX_REFUSED ? 'close' : 'refuse';
  }
}

export const RATE_LIMITED: RelayToViewer = { type: 'error', code: 'rate_limited', message: 'too many messages; slow down' };
export const FLOOD_CLOSE = { code: 1008, reason: 'too many messages' } as const;

/** The answer to a message the transport can judge alone (binary, over the signal limit), or null. */
export function transportProblem(input: ViewerInput): RelayToViewer | null {
  if (input.binary) return { type: 'error', code: 'bad_message', message: 'messages must be JSON text' };
  if (input.size > MAX_SIGNAL_MESSAGE_BYTES || input.text === null) return { type: 'error', code: 'too_large', message: `message is larger than ${MAX_SIGNAL_MESSAGE_BYTES} bytes` };
  return null;
}
