import type { ChatMessage, ChatSettings, ModerationEntry, StaffChatEntry } from '../../../common/protocol/chat.js';
import { writeWithoutFsync, type Db } from '../db/database.js';
import { preparer } from '../commerce/sql.js';

export type ChatStatus = StaffChatEntry['status'];

/** A message as stored: what staff see, plus the sender's network (never sent anywhere). */
export interface StoredMessage extends StaffChatEntry {
  net: string | null;
}

interface MessageRow {
  id: string;
  show_id: string;
  viewer_id: string | null;
  role: StaffChatEntry['role'];
  nickname: string;
  text: string;
  links: string;
  question: number;
  status: ChatStatus;
  held_for: string | null;
  answered_at: string | null;
  net: string | null;
  created_at: string;
}

export interface ShowChatRow {
  settings: ChatSettings;
  pinnedId: string | null;
  captionId: string | null;
  hearts: number;
}

export type SanctionKind = 'timeout' | 'ban' | 'hide';
export interface Sanction {
  kind: SanctionKind;
  until: number | null;
}

const toMessage = (r: MessageRow): StoredMessage => ({
  id: r.id,
  role: r.role,
  nickname: r.nickname,
  text: r.text,
  links: JSON.parse(r.links) as StaffChatEntry['links'],
  question: r.question === 1,
  at: Date.parse(r.created_at),
  visibility: r.status === 'visible' ? 'all' : r.status === 'held' ? 'pending' : 'self',
  status: r.status,
  viewerId: r.viewer_id,
  answered: r.answered_at !== null,
  heldFor: r.held_for,
  net: r.net,
});

/** What a viewer is sent of a stored message. */
export const publicOf = (m: StoredMessage): ChatMessage => ({ id: m.id, role: m.role, nickname: m.nickname, text: m.text, links: m.links, question: m.question, at: m.at, visibility: m.visibility });

/**
 * Which devices have a sanction not lifted, and which networks a ban: most posters have none and
 * need no query per message. Shared by every store on the database; it may name more than are
 * sanctioned (a rolled-back write, an expired timeout), never fewer: the query still decides.
 */
interface Sanctioned {
  viewers: Set<string>;
  bannedNets: Set<string>;
}
const sanctionedByDb = new WeakMap<Db, Sanctioned>();

/** The chat's rows (migration 6). Messages are written in batches; moderation writes at once. */
export class ChatStore {
  private readonly q: ReturnType<typeof preparer>;

  constructor(private readonly db: Db) {
    this.q = preparer(db);
  }

  /** A batch of messages already acknowledged to their senders (so written without an fsync of its own). */
  insertMany(showMessages: readonly { showId: string; message: StoredMessage; actor: string | null }[]): void {
    writeWithoutFsync(this.db, () => {
      for (const { showId, message: m, actor } of showMessages) {
        this.q('INSERT OR IGNORE INTO chat_messages (id, show_id, viewer_id, actor, role, nickname, text, links, question, status, held_for, answered_at, net, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)').run(
          m.id, showId, m.viewerId, actor, m.role, m.nickname, m.text, JSON.stringify(m.links), m.question ? 1 : 0, m.status, m.heldFor, m.net, new Date(m.at).toISOString(),
        );
      }
    });
  }

  setStatus(id: string, status: ChatStatus): void {
    this.q('UPDATE chat_messages SET status = ? WHERE id = ?').run(status, id);
  }

  markAnswered(id: string, at: number): void {
    this.q('UPDATE chat_messages SET answered_at = COALESCE(answered_at, ?) WHERE id = ?').run(new Date(at).toISOString(), id);
  }

  /** The newest messages of a show, oldest first. */
  recent(showId: string, limit: number): StoredMessage[] {
    const rows = this.q('SELECT * FROM (SELECT rowid AS seq, * FROM chat_messages WHERE show_id = ? ORDER BY created_at DESC, seq DESC LIMIT ?) ORDER BY created_at, seq').all(showId, limit) as MessageRow[];
    return rows.map(toMessage);
  }

  /** One message of a show (older than what the service keeps in memory). */
  get(showId: string, id: string): StoredMessage | undefined {
    const row = this.q('SELECT * FROM chat_messages WHERE id = ? AND show_id = ?').get(id, showId) as MessageRow | undefined;
    return row && toMessage(row);
  }

  /** The newest messages everyone could see (status visible), oldest first. */
  visible(showId: string, limit: number): StoredMessage[] {
    const rows = this.q("SELECT * FROM (SELECT rowid AS seq, * FROM chat_messages WHERE show_id = ? AND status = 'visible' ORDER BY created_at DESC, seq DESC LIMIT ?) ORDER BY created_at, seq").all(showId, limit) as MessageRow[];
    return rows.map(toMessage);
  }

  all(showId: string): StoredMessage[] {
    return (this.q('SELECT * FROM chat_messages WHERE show_id = ? ORDER BY created_at, rowid').all(showId) as MessageRow[]).map(toMessage);
  }

  show(showId: string): ShowChatRow {
    const r = this.q('SELECT * FROM chat_settings WHERE show_id = ?').get(showId) as
      | { slow_mode_sec: number; frozen: number; hold_all: number; pinned_id: string | null; caption_id: string | null; hearts: number }
      | undefined;
    if (!r) return { settings: { slowModeSec: 0, frozen: false, holdAll: false }, pinnedId: null, captionId: null, hearts: 0 };
    return { settings: { slowModeSec: r.slow_mode_sec, frozen: r.frozen === 1, holdAll: r.hold_all === 1 }, pinnedId: r.pinned_id, captionId: r.caption_id, hearts: r.hearts };
  }

  saveShow(showId: string, row: ShowChatRow): void {
    this.q(
      `INSERT INTO chat_settings (show_id, slow_mode_sec, frozen, hold_all, pinned_id, caption_id, hearts) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (show_id) DO UPDATE SET slow_mode_sec = excluded.slow_mode_sec, frozen = excluded.frozen, hold_all = excluded.hold_all,
         pinned_id = excluded.pinned_id, caption_id = excluded.caption_id, hearts = excluded.hearts`,
    ).run(showId, row.settings.slowModeSec, row.settings.frozen ? 1 : 0, row.settings.holdAll ? 1 : 0, row.pinnedId, row.captionId, row.hearts);
  }

  addSanction(viewerId: string, net: string | null, kind: SanctionKind, showId: string | null, until: number | null, by: string, now: number): void {
    // Named before the write: a failed write leaves one name too many, never one too few.
    const known = this.sanctioned();
    known.viewers.add(viewerId);
    if (kind === 'ban' && net !== null) known.bannedNets.add(net);
    this.q('INSERT INTO chat_sanctions (viewer_id, net, kind, show_id, until, by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      viewerId, net, kind, showId, until === null ? null : new Date(until).toISOString(), by, new Date(now).toISOString(),
    );
  }

  lift(viewerId: string, now: number): number {
    const changes = this.q('UPDATE chat_sanctions SET lifted_at = ? WHERE viewer_id = ? AND lifted_at IS NULL').run(new Date(now).toISOString(), viewerId).changes;
    sanctionedByDb.delete(this.db); // rare: read again when next needed
    return changes;
  }

  private sanctioned(): Sanctioned {
    let known = sanctionedByDb.get(this.db);
    if (!known) {
      const viewers = this.q('SELECT DISTINCT viewer_id FROM chat_sanctions WHERE lifted_at IS NULL').pluck().all() as string[];
      const nets = this.q("SELECT DISTINCT net FROM chat_sanctions WHERE lifted_at IS NULL AND kind = 'ban' AND net IS NOT NULL").pluck().all() as string[];
      sanctionedByDb.set(this.db, (known = { viewers: new Set(viewers), bannedNets: new Set(nets) }));
    }
    return known;
  }

  /** The device's sanctions in force in this show at `now`. */
  sanctions(viewerId: string, showId: string, now: number): Sanction[] {
    if (!this.sanctioned().viewers.has(viewerId)) return [];
    const rows = this.q("SELECT kind, until FROM chat_sanctions WHERE viewer_id = ? AND lifted_at IS NULL AND (show_id IS NULL OR show_id = ?) AND (until IS NULL OR until > ?)").all(
      viewerId, showId, new Date(now).toISOString(),
    ) as { kind: SanctionKind; until: string | null }[];
    return rows.map((r) => ({ kind: r.kind, until: r.until === null ? null : Date.parse(r.until) }));
  }

  /**
   * When the newest ban in force on this network began, if within `windowMs` of `now` (a device
   * issued since is held for review). Bounded: behind a carrier NAT a ban must not hold strangers' messages for ever.
   */
  networkBannedSince(net: string, now: number, windowMs: number): number | null {
    if (!this.sanctioned().bannedNets.has(net)) return null;
    const r = this.q("SELECT MAX(created_at) AS at FROM chat_sanctions WHERE net = ? AND kind = 'ban' AND lifted_at IS NULL AND created_at > ?").get(net, new Date(now - windowMs).toISOString()) as { at: string | null };
    return r.at === null ? null : Date.parse(r.at);
  }

  log(showId: string, actor: string, action: string, viewerId: string | null, messageId: string | null, detail: string | null, now: number): void {
    this.q('INSERT INTO chat_moderation (show_id, actor, action, viewer_id, message_id, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(showId, actor, action, viewerId, messageId, detail, new Date(now).toISOString());
  }

  moderationLog(showId: string): ModerationEntry[] {
    return this.q('SELECT at, actor, action, viewer_id AS viewerId, message_id AS messageId, detail FROM chat_moderation WHERE show_id = ? ORDER BY id').all(showId) as ModerationEntry[];
  }

  /** When the relay first saw this device (its viewers row). */
  deviceSince(viewerId: string): number | null {
    const r = this.q('SELECT created_at FROM viewers WHERE id = ?').get(viewerId) as { created_at: string } | undefined;
    return r ? Date.parse(r.created_at) : null;
  }
}
