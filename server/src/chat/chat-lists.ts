import { checkChatMessage, compileChatFilter, type ChatFilterConfig } from '../../../common/chat/index.js';
import { ChatLists, DEFAULT_CHAT_LISTS } from '../../../common/protocol/chat.js';
import type { Db } from '../db/database.js';
import type { ChatText } from './chat-text.js';

const KEY = 'chat_lists';

/** The hosts of a show's product links: the seller's own site needs no listing to be clickable. */
export function productDomains(urls: readonly (string | null)[]): string[] {
  const hosts = new Set<string>();
  for (const u of urls) {
    if (!u) continue;
    try {
      const host = new URL(u).hostname.toLowerCase();
      if (host.includes('.')) hosts.add(host);
    } catch {
      /* not a URL: no domain to trust */
    }
  }
  return [...hosts].sort();
}

/**
 * The seller's word and link lists, stored in the relay's settings, and each show's compiled filter
 * (common/chat): compiled once per show and lists, again when the lists or the show's product links change.
 */
export class ChatListsStore {
  private lists: ChatLists;
  private readonly compiled = new Map<string, { key: string; config: ChatFilterConfig }>();

  constructor(private readonly db: Db) {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
    let parsed: ChatLists = DEFAULT_CHAT_LISTS;
    try {
      if (row) parsed = ChatLists.parse(JSON.parse(row.value));
    } catch {
      /* unreadable: the defaults, never no filter */
    }
    this.lists = parsed;
  }

  get(): ChatLists {
    return this.lists;
  }

  save(next: ChatLists): ChatLists {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(next));
    this.lists = next;
    this.compiled.clear();
    return next;
  }

  /** The judge of one show's messages, given that show's product links. */
  textFor(showId: string, productUrls: readonly (string | null)[]): ChatText {
    const own = [...new Set([...this.lists.ownDomains, ...productDomains(productUrls)])];
    const key = own.join(',');
    let entry = this.compiled.get(showId);
    if (!entry || entry.key !== key) {
      entry = { key, config: compileChatFilter({ ...this.lists, ownDomains: own }) };
      this.compiled.set(showId, entry);
    }
    const config = entry.config;
    return {
      check(raw) {
        const r = checkChatMessage(raw, config);
        if (r.ok) return r;
        const d = r.detail as Record<string, unknown>;
        const detail = r.reason === 'banned_word' ? `${String(d.list)}: ${String(d.entry)}` : r.reason === 'blocked_link' ? `${String(d.host)} (${String(d.why)}${d.resembles ? ` ~ ${String(d.resembles)}` : ''})` : undefined;
        return { ok: false, reason: r.reason, detail };
      },
    };
  }

  forget(showId: string): void {
    this.compiled.delete(showId);
  }
}
