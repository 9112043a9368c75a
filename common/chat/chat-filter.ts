import { compileWordFilter, type WordFilter, type WordFilterInput, type WordList } from './banned-words.js';
import { compileLinkPolicy, type BlockedLinkReason, type LinkPolicy, type LinkPolicyInput } from './link-policy.js';
import { CHAT_MAX_CLICKABLE_LINKS } from './limits.js';
import { normalizeChatText } from './normalize.js';

/**
 * The one entry point the relay runs on every chat message: normalise, then banned words, then
 * links. Pure and synchronous. A refusal says why, for the sender; `detail.entry` / `detail.host`
 * are for the sender's own notice and the moderator log, never for other viewers.
 */

export interface ChatFilterConfig {
  words: WordFilter;
  links: LinkPolicy;
}

export type ChatFilterInput = WordFilterInput & LinkPolicyInput;

/** Compiles the seller's settings once per show (or when a moderator edits the lists). */
export function compileChatFilter(input: ChatFilterInput = {}): ChatFilterConfig {
  return { words: compileWordFilter(input), links: compileLinkPolicy(input) };
}

export interface ChatLink { start: number; end: number; href: string }

export type ChatCheck =
  | { ok: true; text: string; links: ChatLink[] }
  | { ok: false; reason: 'empty'; detail: Record<string, never> }
  | { ok: false; reason: 'too_long'; detail: { graphemes?: number; max: number } }
  | { ok: false; reason: 'banned_word'; detail: { list: WordList; entry: string } }
  | { ok: false; reason: 'blocked_link'; detail: { host: string; why: BlockedLinkReason; resembles?: string } };

export type ChatRefusal = Extract<ChatCheck, { ok: false }>['reason'];

export function checkChatMessage(raw: string, config: ChatFilterConfig): ChatCheck {
  const normalized = normalizeChatText(typeof raw === 'string' ? raw : '');
  if (!normalized.ok) {
    const p = normalized.problem;
    return p.kind === 'empty' ? { ok: false, reason: 'empty', detail: {} } : { ok: false, reason: 'too_long', detail: { max: p.max, ...(p.graphemes !== undefined ? { graphemes: p.graphemes } : {}) } };
  }
  const word = config.words.check(normalized.text, normalized.matching);
  if (word.matched) return { ok: false, reason: 'banned_word', detail: { list: word.list, entry: word.entry } };
  const links: ChatLink[] = [];
  for (const link of config.links.scan(normalized.text)) {
    const v = link.verdict;
    if (v.kind === 'blocked') {
      return { ok: false, reason: 'blocked_link', detail: { host: link.host, why: v.reason, ...(v.resembles ? { resembles: v.resembles } : {}) } };
    }
    if (v.kind === 'clickable' && links.length < CHAT_MAX_CLICKABLE_LINKS) links.push({ start: link.start, end: link.end, href: v.href });
  }
  return { ok: true, text: normalized.text, links };
}
