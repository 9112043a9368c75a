import type { ChatMessage, ChatRefusal, ChatState } from '../../../../common/protocol/chat.js';
import type { RelayToViewer, ViewerToRelay } from '../../../../common/protocol/viewer.js';

/** Messages the page keeps (the relay sends the last 50 on join; a long show scrolls older ones away). */
const KEEP = 150;
/** Hearts tapped within this window go to the relay as one message (≤ 10 each). */
const HEART_BATCH_MS = 300;
/** Purchase notices kept in the flow: a sale burst must not push the conversation away. */
const KEEP_PURCHASES = 6;

/** "김** bought …" in the chat flow, placed after the message that was last when it arrived. */
export interface PurchaseNote {
  key: number;
  afterMessageId: string | null;
  buyer: string;
  productName: string;
  quantity: number;
}

export interface ChatView {
  messages: readonly ChatMessage[];
  /** Anonymised purchase notices woven into the flow (newest last, a few at most). */
  purchases: readonly PurchaseNote[];
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
  private view: ChatView = { messages: [], purchases: [], state: EMPTY_STATE, heartsToShow: 0, refusal: null, sending: false };
  private readonly listeners = new Set<() => void>();
  private refs = 0;
  private readonly waiting = new Set<string>();
  private heartsQueued = 0;
  /** Our own hearts the relay has not echoed yet: they were drawn when tapped, not again. */
  private ownUnechoed = 0;
  private heartTimer: ReturnType<typeof setTimeout> | null = null;
  private purchaseKeys = 0;

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
        // Notices are live-only: a history (join, reconnect) starts the flow afresh, so none replays as new.
        return this.patch({ messages: m.messages.slice(-KEEP), purchases: [], state: m.state });
      case 'chat': {
        // The same id again (a held message approved): it replaces the pending copy.
        const rest = this.view.messages.filter((x) => x.id !== m.message.id);
        return this.patchMessages([...rest, m.message].slice(-KEEP));
      }
      case 'chatRemoved': {
        const gone = new Set(m.ids);
        return this.patchMessages(this.view.messages.filter((x) => !gone.has(x.id)), true);
      }
      case 'purchases': {
        const afterMessageId = this.view.messages.at(-1)?.id ?? null;
        const notes = m.items.map((it) => ({ key: ++this.purchaseKeys, afterMessageId, buyer: it.buyer, productName: it.productName, quantity: it.quantity }));
        return this.patch({ purchases: [...this.view.purchases, ...notes].slice(-KEEP_PURCHASES) });
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

  /**
   * New messages. A notice anchored to a deleted message moves up to the one before it; one
   * anchored to a message that scrolled away (the oldest dropped) goes with it.
   */
  private patchMessages(messages: ChatMessage[], deleted = false): void {
    const kept = new Set(messages.map((x) => x.id));
    const old = this.view.messages;
    const anchor = (id: string | null): string | null | undefined => {
      if (id === null || kept.has(id)) return id;
      if (!deleted) return undefined;
      for (let i = old.findIndex((x) => x.id === id) - 1; i >= 0; i--) if (kept.has(old[i]!.id)) return old[i]!.id;
      return null;
    };
    const purchases: PurchaseNote[] = [];
    for (const p of this.view.purchases) {
      const afterMessageId = anchor(p.afterMessageId);
      if (afterMessageId !== undefined) purchases.push(afterMessageId === p.afterMessageId ? p : { ...p, afterMessageId });
    }
    this.patch({ messages, purchases });
  }

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
