import { randomBytes } from 'node:crypto';
import { CHAT_HISTORY, type ChatAction, type ChatRefusal, type ChatRole, type ChatSettings, type ChatState, type RelayToViewerChat, type StaffChatEntry, type StaffChatView } from '../../../common/protocol/chat.js';
import { RateLimiter } from '../commerce/rate-limiter.js';
import type { ViewerRegistry } from '../commerce/viewer-registry.js';
import { CHAT_BATCH_MS } from '../config.js';
import { CHAT_FORWARD_MS } from './chat-window.js';
import { ChatOutbox } from './chat-outbox.js';
import type { Db } from '../db/database.js';
import { EngagementError } from '../engagement/errors.js';
import type { Logger } from '../log.js';
import type { ShowStore } from '../shows/show-store.js';
import type { Show } from '../../../common/show.js';
import { ChatStore, publicOf, type ShowChatRow, type StoredMessage } from './chat-store.js';
import type { ChatText } from './chat-text.js';

/** Messages are written to SQLite in batches this far apart (a crash loses at most this much chat, never an order). */
export const CHAT_WRITE_MS = 250;
/** Hearts go to viewers summed, at most this often. */
export const HEARTS_MS = 500;
/** How long after a ban new devices from the banned device's network are held for review. */
export const BANNED_NETWORK_HOLD_MS = 24 * 3_600_000;
/** Messages kept in memory per show, for staff and late joiners. */
const KEPT = 200;


/** What the chat needs of the live layer: broadcasts to a show (several frames in one write), and messages to one device's sockets. */
export interface ChatDelivery {
  broadcast(showId: string, messages: readonly RelayToViewerChat[]): void;
  /** Viewer workers pace the show's chat writes themselves (show-writes.ts): messages go to them at once, nearly. */
  pacedByWorkers?(showId: string): boolean;
  /**
   * While a cue is being written to viewer sockets, resolves when it has been (or after a bound);
   * null when none is. Chat waits for it, so its writes never take a core from a cue's fan-out.
   */
  cueWritten?(): Promise<void> | null;
  sendToViewer(showId: string, viewerId: string, message: RelayToViewerChat): void;
}

export interface ChatEvents {
  entry(showId: string, entry: StaffChatEntry): void;
  state(showId: string, state: ChatState, settings: ChatSettings): void;
}

export interface ChatServiceDeps {
  db: Db;
  shows: ShowStore;
  viewers: ViewerRegistry;
  delivery: ChatDelivery;
  /** Normalises and judges a show's messages (chat-text.ts; chat-lists.ts compiles the seller's lists per show). */
  textFor: (show: Show) => ChatText;
  /** Staff (studio, moderators) are told of every entry and state change. */
  events: ChatEvents;
  log: Logger;
  now?: () => number;
  /** The batch window (CHAT_BATCH_MS unless the relay's config says otherwise). */
  batchMs?: number;
}

interface ShowChat {
  messages: StoredMessage[];
  row: ShowChatRow;
  heartsPending: number;
  heartsTimer: NodeJS.Timeout | null;
  lastPost: Map<string, number>;
}

export type PostResult = { id: string } | { refusal: ChatRefusal; retryAfterMs: number | null };

/** Random bytes drawn 4 KiB at a time: one draw per message cost the relay's thread 0.1 ms under load. */
let idPool = Buffer.alloc(0);
let idAt = 0;
const newId = () => {
  if (idAt + 9 > idPool.length) [idPool, idAt] = [randomBytes(9 * 455), 0];
  return `c${idPool.toString('base64url', idAt, (idAt += 9))}`;
};
const staffOf = ({ net: _net, ...entry }: StoredMessage): StaffChatEntry => entry;

/**
 * The show's chat (docs/chat.md): viewers post on their socket, the host and moderators over HTTP.
 * Everything is decided here, in the relay's main process: who may post (an issued device with a
 * nickname, not timed out or banned, the chat not frozen, slow mode and rate budgets), what the text
 * may be (ChatText), and who sees it (everyone; only the sender while held or hidden).
 */
export class ChatService {
  private readonly store: ChatStore;
  private readonly chats = new Map<string, ShowChat>();
  /** Visible messages waiting for their show's next batch. */
  private readonly outbox: ChatOutbox;
  /** Each show's current batch window (logged when it changes). */
  private readonly windows = new Map<string, number>();
  private pendingWrites: { showId: string; message: StoredMessage; actor: string | null }[] = [];
  private readonly writeTimer: NodeJS.Timeout;
  /** Per device: one message a second, bursts of 3 (a person typing never meets it). */
  readonly perDevice = new RateLimiter(1, 3);
  /** Per network: generous, a crowd behind one carrier NAT still chats; a script with many ids does not flood. */
  readonly perNetwork = new RateLimiter(20, 60);
  readonly heartsPerDevice = new RateLimiter(5, 20);
  private readonly now: () => number;

  constructor(private readonly deps: ChatServiceDeps) {
    this.store = new ChatStore(deps.db);
    this.now = deps.now ?? Date.now;
    this.outbox = new ChatOutbox({ windowMs: (showId) => this.windowMs(showId), broadcast: (showId, ms) => deps.delivery.broadcast(showId, ms), cueWritten: () => deps.delivery.cueWritten?.() ?? null });
    this.writeTimer = setInterval(() => this.flushWrites(), CHAT_WRITE_MS);
    this.writeTimer.unref();
  }

  private chat(showId: string): ShowChat {
    let c = this.chats.get(showId);
    if (!c) {
      c = { messages: this.store.recent(showId, KEPT), row: this.store.show(showId), heartsPending: 0, heartsTimer: null, lastPost: new Map() };
      this.chats.set(showId, c);
    }
    return c;
  }

  state(showId: string): ChatState {
    const c = this.chat(showId);
    const find = (id: string | null) => (id === null ? undefined : this.find(c, id));
    const pinned = find(c.row.pinnedId);
    const caption = find(c.row.captionId);
    return {
      pinned: pinned && pinned.status === 'visible' ? publicOf(pinned) : null,
      slowModeSec: c.row.settings.slowModeSec,
      frozen: c.row.settings.frozen,
      caption: caption && caption.status === 'visible' ? { messageId: caption.id, nickname: caption.nickname, text: caption.text } : null,
    };
  }

  /** What a joining viewer gets: the recent messages everyone sees, plus its own held or hidden ones. */
  history(showId: string, viewerId: string): RelayToViewerChat {
    const c = this.chat(showId);
    const mine = c.messages.filter((m) => m.status === 'visible' || ((m.status === 'held' || m.status === 'hidden') && m.viewerId === viewerId));
    return { type: 'chatHistory', messages: mine.slice(-CHAT_HISTORY).map(publicOf), state: this.state(showId) };
  }

  /** A viewer's message from its socket. `net` is the network's tag (identity.ts). */
  post(showId: string, viewerId: string, net: string, raw: { text: string; question?: boolean }): PostResult {
    const now = this.now();
    const show = this.deps.shows.get(showId);
    if (!show || show.status === 'ended') return { refusal: 'show_not_live', retryAfterMs: null };
    if (!this.deps.viewers.isIssued(viewerId)) return { refusal: 'unknown_viewer', retryAfterMs: null };
    const nickname = this.deps.viewers.nickname(viewerId);
    if (nickname === null) return { refusal: 'nickname_required', retryAfterMs: null };
    const c = this.chat(showId);
    if (c.row.settings.frozen) return { refusal: 'frozen', retryAfterMs: null };
    const sanctions = this.store.sanctions(viewerId, showId, now);
    const ban = sanctions.find((s) => s.kind === 'ban');
    if (ban) return { refusal: 'banned', retryAfterMs: null };
    const timeout = sanctions.find((s) => s.kind === 'timeout');
    if (timeout) return { refusal: 'timed_out', retryAfterMs: Math.max(0, (timeout.until ?? now) - now) };
    const slowMs = c.row.settings.slowModeSec * 1000;
    const last = c.lastPost.get(viewerId);
    if (slowMs > 0 && last !== undefined && now - last < slowMs) return { refusal: 'slow_mode', retryAfterMs: slowMs - (now - last) };
    if (!this.perDevice.take(viewerId, now) || !this.perNetwork.take(net, now)) return { refusal: 'rate_limited', retryAfterMs: 1000 };
    const judged = this.deps.textFor(show).check(raw.text);
    if (!judged.ok) {
      if (judged.reason === 'banned_word' || judged.reason === 'blocked_link') this.store.log(showId, 'auto', 'blocked', viewerId, null, `${judged.reason}${judged.detail ? `: ${judged.detail}` : ''}`, now);
      return { refusal: judged.reason, retryAfterMs: null };
    }
    c.lastPost.set(viewerId, now);
    const hidden = sanctions.some((s) => s.kind === 'hide');
    const bannedSince = this.store.networkBannedSince(net, now, BANNED_NETWORK_HOLD_MS);
    const newFromBannedNet = bannedSince !== null && (this.store.deviceSince(viewerId) ?? now) >= bannedSince;
    const heldFor = hidden ? null : c.row.settings.holdAll ? 'hold_all' : newFromBannedNet ? 'banned_network' : null;
    const status = hidden ? 'hidden' : heldFor ? 'held' : 'visible';
    const message = this.add(showId, c, { role: 'viewer', nickname, text: judged.text, links: judged.links, question: raw.question === true, status, heldFor, viewerId, net }, null, now);
    if (status === 'visible') this.outbox.push(showId, { type: 'chat', message: publicOf(message) });
    else this.deps.delivery.sendToViewer(showId, viewerId, { type: 'chat', message: publicOf(message) });
    return { id: message.id };
  }

  /** The host's or a moderator's own message: never held, never rate-limited. */
  staffPost(showId: string, actor: string, role: Exclude<ChatRole, 'viewer'>, raw: string): StaffChatEntry {
    const show = this.deps.shows.get(showId);
    if (!show) throw new EngagementError(404, 'not_found', 'no such show');
    if (show.status === 'ended') throw new EngagementError(409, 'show_not_live', 'the show has ended; its chat is closed');
    const judged = this.deps.textFor(show).check(raw);
    if (!judged.ok) throw new EngagementError(400, 'bad_request', `text: ${judged.reason}`);
    const c = this.chat(showId);
    const message = this.add(showId, c, { role, nickname: '', text: judged.text, links: judged.links, question: false, status: 'visible', heldFor: null, viewerId: null, net: null }, actor, this.now());
    this.outbox.push(showId, { type: 'chat', message: publicOf(message) });
    return staffOf(message);
  }

  private add(showId: string, c: ShowChat, fields: Omit<StoredMessage, 'id' | 'at' | 'visibility' | 'answered'>, actor: string | null, now: number): StoredMessage {
    const visibility = fields.status === 'visible' ? 'all' : fields.status === 'held' ? 'pending' : 'self';
    const message: StoredMessage = { id: newId(), at: now, visibility, answered: false, ...fields };
    c.messages.push(message);
    if (c.messages.length > KEPT) c.messages.splice(0, c.messages.length - KEPT);
    this.pendingWrites.push({ showId, message, actor });
    this.deps.events.entry(showId, staffOf(message));
    return message;
  }

  /** One moderation action by `actor` ('host' or 'mod:<link id>'); logged, then applied. */
  act(showId: string, actor: string, action: ChatAction): void {
    const now = this.now();
    if (!this.deps.shows.get(showId)) throw new EngagementError(404, 'not_found', 'no such show');
    this.flushWrites(); // every message the action may name is stored before the action is
    const c = this.chat(showId);
    const message = 'messageId' in action ? (this.find(c, action.messageId) ?? this.store.get(showId, action.messageId)) : null;
    if ('messageId' in action && !message) throw new EngagementError(404, 'not_found', 'no such message in this show');
    const viewerId = 'viewerId' in action ? action.viewerId : (message?.viewerId ?? null);
    this.store.log(showId, actor, action.action, viewerId, message?.id ?? null, 'seconds' in action ? `${action.seconds}s` : null, now);
    switch (action.action) {
      case 'delete':
      case 'reject':
        return this.remove(showId, c, message!, action.action === 'delete' ? 'deleted' : 'rejected');
      case 'approve':
        if (message!.status !== 'held') throw new EngagementError(409, 'bad_request', 'only a held message can be approved');
        this.setStatus(showId, message!, 'visible');
        this.outbox.push(showId, { type: 'chat', message: publicOf(message!) });
        return;
      case 'pin':
        if (message!.status !== 'visible') throw new EngagementError(409, 'bad_request', 'only a message everyone sees can be pinned');
        c.row.pinnedId = message!.id;
        return this.stateChanged(showId, c);
      case 'unpin':
        c.row.pinnedId = null;
        return this.stateChanged(showId, c);
      case 'answer':
        this.store.markAnswered(message!.id, now);
        message!.answered = true;
        this.deps.events.entry(showId, staffOf(message!));
        if (action.caption && message!.status === 'visible') {
          c.row.captionId = message!.id;
          this.stateChanged(showId, c);
        }
        return;
      case 'clearCaption':
        c.row.captionId = null;
        return this.stateChanged(showId, c);
      case 'timeout':
      case 'ban':
      case 'hide':
        return this.sanction(showId, c, action.viewerId, action.action, action.action === 'timeout' ? now + action.seconds * 1000 : null, actor, now);
      case 'lift':
        this.store.lift(action.viewerId, now);
        return;
    }
  }

  private sanction(showId: string, c: ShowChat, viewerId: string, kind: 'timeout' | 'ban' | 'hide', until: number | null, actor: string, now: number): void {
    const net = [...c.messages].reverse().find((m) => m.viewerId === viewerId)?.net ?? null;
    this.store.addSanction(viewerId, net, kind, kind === 'timeout' ? showId : null, until, actor, now);
    // A ban or timeout takes the viewer's recent messages down too; a hidden viewer is not told anything changed.
    if (kind === 'hide') return;
    const theirs = c.messages.filter((m) => m.viewerId === viewerId && m.status === 'visible');
    for (const m of theirs) this.setStatus(showId, m, 'deleted');
    if (theirs.length > 0) this.broadcastNow(showId, { type: 'chatRemoved', ids: theirs.map((m) => m.id) });
    if (theirs.some((m) => m.id === c.row.pinnedId || m.id === c.row.captionId)) {
      if (theirs.some((m) => m.id === c.row.pinnedId)) c.row.pinnedId = null;
      if (theirs.some((m) => m.id === c.row.captionId)) c.row.captionId = null;
      this.stateChanged(showId, c);
    }
  }

  private remove(showId: string, c: ShowChat, message: StoredMessage, status: 'deleted' | 'rejected'): void {
    const wasSeen = message.status === 'visible';
    this.setStatus(showId, message, status);
    if (wasSeen) this.broadcastNow(showId, { type: 'chatRemoved', ids: [message.id] });
    else if (message.viewerId) this.deps.delivery.sendToViewer(showId, message.viewerId, { type: 'chatRemoved', ids: [message.id] });
    if (message.id === c.row.pinnedId || message.id === c.row.captionId) {
      if (message.id === c.row.pinnedId) c.row.pinnedId = null;
      if (message.id === c.row.captionId) c.row.captionId = null;
      this.stateChanged(showId, c);
    }
  }

  private setStatus(showId: string, message: StoredMessage, status: StoredMessage['status']): void {
    message.status = status;
    message.visibility = status === 'visible' ? 'all' : status === 'held' ? 'pending' : 'self';
    this.store.setStatus(message.id, status);
    this.deps.events.entry(showId, staffOf(message));
  }

  settings(showId: string, actor: string, next: ChatSettings): void {
    if (!this.deps.shows.get(showId)) throw new EngagementError(404, 'not_found', 'no such show');
    const c = this.chat(showId);
    const before = c.row.settings;
    this.store.log(showId, actor, 'settings', null, null, `slow ${before.slowModeSec}→${next.slowModeSec}s, frozen ${before.frozen}→${next.frozen}, hold ${before.holdAll}→${next.holdAll}`, this.now());
    c.row.settings = next;
    this.stateChanged(showId, c);
  }

  private stateChanged(showId: string, c: ShowChat): void {
    this.store.saveShow(showId, c.row);
    const state = this.state(showId);
    this.broadcastNow(showId, { type: 'chatState', state });
    this.deps.events.state(showId, state, c.row.settings);
  }

  private windowMs(showId: string): number {
    const windowMs = this.deps.delivery.pacedByWorkers?.(showId) ? CHAT_FORWARD_MS : (this.deps.batchMs ?? CHAT_BATCH_MS);
    if (this.windows.get(showId) !== windowMs) this.deps.log.debug('chat window', { showId, windowMs });
    this.windows.set(showId, windowMs);
    return windowMs;
  }

  /**
   * The show's messages still waiting for their batch, handed to a broadcast that goes out now
   * (a cue): they ride in its write, before it, instead of costing the audience a write of their own.
   */
  takePending(showId: string): RelayToViewerChat[] {
    return this.outbox.take(showId);
  }

  /** Removals, state and hearts go at once, after the messages waiting before them (a delete never overtakes its message). */
  private broadcastNow(showId: string, m: RelayToViewerChat): void {
    this.outbox.flush(showId);
    this.deps.delivery.broadcast(showId, [m]);
  }

  /** Hearts are summed per show and sent at most every HEARTS_MS: a flood costs one small message. */
  heart(showId: string, viewerId: string, count: number): boolean {
    if (!this.heartsPerDevice.take(viewerId, this.now())) return false;
    const c = this.chat(showId);
    c.heartsPending += count;
    c.row.hearts += count;
    c.heartsTimer ??= setTimeout(() => {
      c.heartsTimer = null;
      const n = c.heartsPending;
      c.heartsPending = 0;
      if (n > 0) this.broadcastNow(showId, { type: 'hearts', count: n });
      this.store.saveShow(showId, c.row);
    }, HEARTS_MS);
    c.heartsTimer.unref();
    return true;
  }

  view(showId: string): StaffChatView {
    this.flushWrites();
    const c = this.chat(showId);
    return { entries: c.messages.map(staffOf), settings: c.row.settings, state: this.state(showId), hearts: c.row.hearts };
  }

  all(showId: string): StoredMessage[] {
    this.flushWrites();
    return this.store.all(showId);
  }

  /** An action taken outside the chat itself (the lists), logged like the others. */
  logAction(showId: string, actor: string, action: string, detail: string | null): void {
    this.store.log(showId, actor, action, null, null, detail, this.now());
  }

  moderationLog(showId: string) {
    return this.store.moderationLog(showId);
  }

  private find(c: ShowChat, id: string): StoredMessage | undefined {
    return c.messages.find((m) => m.id === id);
  }

  private flushWrites(): void {
    if (this.pendingWrites.length === 0) return;
    const batch = this.pendingWrites;
    this.pendingWrites = [];
    try {
      this.store.insertMany(batch);
    } catch (e) {
      this.deps.log.warn('chat write failed', { messages: batch.length, error: (e as Error).message });
    }
  }

  /** The show ended or was deleted: its memory goes (the rows stay). */
  forget(showId: string): void {
    const c = this.chats.get(showId);
    if (c?.heartsTimer) clearTimeout(c.heartsTimer);
    this.chats.delete(showId);
    this.windows.delete(showId);
  }

  stop(): void {
    clearInterval(this.writeTimer);
    for (const c of this.chats.values()) if (c.heartsTimer) clearTimeout(c.heartsTimer);
    this.outbox.flushAll();
    this.flushWrites();
    for (const [showId, c] of this.chats) this.store.saveShow(showId, c.row);
    this.perDevice.stop();
    this.perNetwork.stop();
    this.heartsPerDevice.stop();
  }
}
