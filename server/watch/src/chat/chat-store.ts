import type { ChatMessage, ChatRefusal, ChatState } from '../../../../common/protocol/chat.js';
import type { RelayToViewer, ViewerToRelay } from '../../../../common/protocol/viewer.js';

/** Messages the page keeps (the relay sends the last 50 on join; a long show scrolls older ones away). */
const KEEP = 150;
/** Hearts tapped within this window go to the relay as one message (≤ 10 each). */
const HEART_BATCH_MS = 300;

export interface ChatView {
  messages: readonly ChatMessage[];
  state: ChatState;
  /** Hearts that arrived since the page last drew them (the animation takes them). */
  heartsToShow: number;
  /** Why the last send was refused, and until when waiting helps (relay-clock-free: local ms). */
  refusal: { code: ChatRefusal; retryAt: number | null } | null;
  sending: boolean;
}

const EMPTY_STATE: ChatState = { pinned: null, slowModeSec: 0, frozen: false, caption: null };

/**
 * The watch page's chat: what the relay sent (history, messages, removals, state, hearts, acks),
 * and sends on the viewer's socket. Pure (no DOM): `send` and `now` are given, so it is unit-tested.
 */
export class ChatStore {
  private view: ChatView = { messages: [], state: EMPTY_STATE, heartsToShow: 0, refusal: null, sending: false };
  private readonly listeners = new Set<() => void>();
  private refs = 0;
  private readonly waiting = new Set<string>();
  private heartsQueued = 0;
  /** Our own hearts the relay has not echoed yet: they were drawn when tapped, not again. */
  private ownUnechoed = 0;
  private heartTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly sendToRelay: (m: ViewerToRelay) => void,
    private readonly now: () => number = Date.now,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ChatView => this.view;

  private patch(p: Partial<ChatView>): void {
    this.view = { ...this.view, ...p };
    for (const l of this.listeners) l();
  }

  readonly onMessage = (m: RelayToViewer): void => {
    switch (m.type) {
      case 'chatHistory':
        return this.patch({ messages: m.messages.slice(-KEEP), state: m.state });
      case 'chat': {
        // The same id again (a held message approved): it replaces the pending copy.
        const rest = this.view.messages.filter((x) => x.id !== m.message.id);
        return this.patch({ messages: [...rest, m.message].slice(-KEEP) });
      }
      case 'chatRemoved': {
        const gone = new Set(m.ids);
        return this.patch({ messages: this.view.messages.filter((x) => !gone.has(x.id)) });
      }
      case 'chatState':
        return this.patch({ state: m.state });
      case 'hearts': {
        const others = Math.max(0, m.count - this.ownUnechoed);
        this.ownUnechoed = Math.max(0, this.ownUnechoed - m.count);
        return others > 0 ? this.patch({ heartsToShow: this.view.heartsToShow + Math.min(others, 50) }) : undefined;
      }
      case 'chatAck': {
        if (!this.waiting.delete(m.ref)) return;
        const refusal = m.refusal === null ? null : { code: m.refusal, retryAt: m.retryAfterMs === null ? null : this.now() + m.retryAfterMs };
        return this.patch({ refusal, sending: this.waiting.size > 0 });
      }
      case 'welcome':
        // A new socket: acks for sends on the old one will never come.
        this.waiting.clear();
        if (this.view.sending) this.patch({ sending: false });
        return;
    }
  };

  /** Sends a message; false when there is nothing to send. The relay's ack says whether it was posted. */
  send(text: string, question: boolean): boolean {
    if (text.trim() === '') return false;
    const ref = `m${++this.refs}`;
    this.waiting.add(ref);
    this.sendToRelay({ type: 'chat', ref, text, question });
    this.patch({ sending: true, refusal: null });
    return true;
  }

  /** One tap: drawn at once here, sent with the taps of the next moment as one message. */
  heart(): void {
    this.heartsQueued += 1;
    this.patch({ heartsToShow: this.view.heartsToShow + 1 });
    this.heartTimer ??= setTimeout(() => {
      this.heartTimer = null;
      const count = Math.min(this.heartsQueued, 10);
      this.heartsQueued = 0;
      this.ownUnechoed += count;
      this.sendToRelay({ type: 'heart', count });
    }, HEART_BATCH_MS);
  }

  /** The animation drew these hearts. */
  heartsShown(n: number): void {
    this.patch({ heartsToShow: Math.max(0, this.view.heartsToShow - n) });
  }

  clearRefusal(): void {
    if (this.view.refusal) this.patch({ refusal: null });
  }

  stop(): void {
    if (this.heartTimer) clearTimeout(this.heartTimer);
  }
}
