import type { RelayToViewerChat } from '../../../common/protocol/chat.js';

/**
 * Visible chat on its way to a show's audience (docs/chat.md "Storage and delivery"). Messages
 * gather per show for a window (CHAT_FORWARD_MS where the viewer workers pace the writes, the batch
 * window where the relay writes itself), then go out in one broadcast. While a cue is being
 * written to viewer sockets, a due batch waits until it has gone everywhere (messages arriving
 * meanwhile join it): on a machine whose cores are busy, chat writes beside a cue's fan-out make
 * the cue's last viewers wait, and chat loses little by following it.
 */
export interface ChatOutboxDeps {
  /** The show's window now (ms). */
  windowMs(showId: string): number;
  broadcast(showId: string, messages: readonly RelayToViewerChat[]): void;
  /** While a cue is being written, resolves once it has been (or after a bound); null when none is. */
  cueWritten?(): Promise<void> | null;
}

interface Batch {
  messages: RelayToViewerChat[];
  timer: NodeJS.Timeout | null;
}

export class ChatOutbox {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly deps: ChatOutboxDeps) {}

  /** The message joins the show's batch; the first one starts the window. */
  push(showId: string, m: RelayToViewerChat): void {
    const batch = this.batches.get(showId);
    if (batch) return void batch.messages.push(m);
    const fresh: Batch = { messages: [m], timer: null };
    this.batches.set(showId, fresh);
    fresh.timer = setTimeout(() => this.due(showId, fresh), this.deps.windowMs(showId)).unref();
  }

  /**
   * The show's waiting messages, handed to a broadcast that goes out now (a cue, a removal): they
   * ride in its write, before it.
   */
  take(showId: string): RelayToViewerChat[] {
    const batch = this.batches.get(showId);
    if (!batch) return [];
    this.batches.delete(showId);
    if (batch.timer) clearTimeout(batch.timer);
    return batch.messages;
  }

  /** The show's batch goes now, whatever is being written. */
  flush(showId: string): void {
    const messages = this.take(showId);
    if (messages.length > 0) this.deps.broadcast(showId, messages);
  }

  flushAll(): void {
    for (const showId of [...this.batches.keys()]) this.flush(showId);
  }

  /** The window is over: the batch goes now, or after the cue being written. */
  private due(showId: string, batch: Batch): void {
    const cue = this.deps.cueWritten?.();
    if (!cue) return this.flush(showId);
    // A cue that takes the batch meanwhile carries it; a newer batch keeps its own window.
    void cue.then(() => {
      if (this.batches.get(showId) === batch) this.flush(showId);
    });
  }
}
